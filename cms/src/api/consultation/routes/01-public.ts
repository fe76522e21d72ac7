/**
 * The public routes of lấy ý kiến dự thảo, open without a token (rate-limited and checked in the
 * controller with the question routes' protections). The site's origin forwards exactly these
 * (scripts/src/forward.ts); body size and type are checked before parsing by src/middlewares/public-write.ts.
 * The proof-of-work challenge is the question routes' one (GET /api/hoi-dap/thu-thach): one guard.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/du-thao/gop-y', handler: 'consultation.comment', config: { auth: false } },
    { method: 'GET', path: '/du-thao/da-gui', handler: 'consultation.confirmation', config: { auth: false } },
  ],
};
