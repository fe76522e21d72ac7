/**
 * The public routes of hỏi đáp, open without a token (rate-limited and checked in the controller). The
 * site's origin forwards exactly these (scripts/src/forward.ts); body size and type are checked before
 * parsing by src/middlewares/public-write.ts.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/hoi-dap/cau-hoi', handler: 'question.submit', config: { auth: false } },
    { method: 'GET', path: '/hoi-dap/thu-thach', handler: 'question.challenge', config: { auth: false } },
    { method: 'GET', path: '/hoi-dap/tra-cuu', handler: 'question.lookup', config: { auth: false } },
    { method: 'GET', path: '/hoi-dap/da-gui', handler: 'question.confirmation', config: { auth: false } },
  ],
};
