import { factories, type Core } from '@strapi/strapi';
import { QUESTION_PAGES, SECTIONS } from '../../../url-words';
import { questionGuard } from '../../../questions/abuse';
import { escapeHtml, htmlPage, PAGE_CSP, problemsHtml } from '../../../questions/html';
import { sendReceipt } from '../../../questions/mail';
import { normaliseTrackingCode, QUESTION_UID } from '../../../questions/questions';
import { lookUp, storeQuestion, SubmissionProblem } from '../../../questions/service';
import { HONEYPOT_FIELD, parseSubmission, type FieldProblem } from '../../../questions/submission';
import { findRow } from '../../../content-types';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** Where the public form lives on the site (the no-JS error page links back to it). */
const FORM_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.ask}/`;
const CONFIRMATION_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.sent}/`;
const LOOKUP_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.lookup}/`;

const isForm = (ctx: Ctx) => Boolean(ctx.is('application/x-www-form-urlencoded'));
const wantsHtml = (ctx: Ctx) => ctx.accepts('json', 'html') === 'html';

const dateTime = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : '—';
const date = (value: string | null) => (value ? value.split('-').reverse().join('/') : '—');

async function portalName(strapi: Core.Strapi): Promise<string> {
  const setting = await findRow(strapi, 'api::site-setting.site-setting', { select: ['portalName'] });
  return setting?.portalName ?? 'Cổng thông tin điện tử';
}

async function sendPage(strapi: Core.Strapi, ctx: Ctx, status: number, title: string, body: string) {
  ctx.status = status;
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = htmlPage({ title, portalName: await portalName(strapi), body });
}

async function refuse(
  strapi: Core.Strapi,
  ctx: Ctx,
  status: number,
  problems: FieldProblem[],
  headers: Record<string, string> = {},
) {
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  if (isForm(ctx) || (ctx.method === 'GET' && wantsHtml(ctx))) {
    const back = ctx.method === 'GET' ? LOOKUP_PATH : FORM_PATH;
    return sendPage(
      strapi,
      ctx,
      status,
      status === 429 ? 'Bạn đã gửi quá nhiều lần' : 'Chưa gửi được',
      problemsHtml(problems, back),
    );
  }
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status,
      name: status === 429 ? 'TooManyRequestsError' : status === 404 ? 'NotFoundError' : 'ValidationError',
      message: problems.map((p) => p.message).join(' '),
      details: { errors: problems.map((p) => ({ path: p.field ? [p.field] : [], message: p.message })) },
    },
  };
}

const tooMany = (seconds: number): FieldProblem[] => [
  {
    field: '',
    message: `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`,
  },
];

export default factories.createCoreController(QUESTION_UID, ({ strapi }) => ({
  /** POST /api/hoi-dap/cau-hoi: a citizen's question, as JSON or as the site's plain HTML form. */
  async submit(ctx: Ctx) {
    const body = (ctx.request as { body?: unknown }).body;
    const fields = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const honeypot = fields[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== '')
      return refuse(strapi, ctx, 400, [
        { field: HONEYPOT_FIELD, message: 'Biểu mẫu không hợp lệ; hãy tải lại trang và gửi lại.' },
      ]);

    const proof = typeof fields.altcha === 'string' && fields.altcha !== '' ? fields.altcha : null;
    const limits = await questionGuard(strapi);
    const wait = await limits.consume(proof ? 'withProof' : 'withoutProof', ctx.request.ip);
    if (wait !== null) return refuse(strapi, ctx, 429, tooMany(wait), { 'Retry-After': String(wait) });

    const parsed = parseSubmission(body);
    if (!parsed.ok) return refuse(strapi, ctx, 400, parsed.problems);
    if (proof) {
      const verified = await limits.verifyProof(proof);
      if (!verified.ok)
        return refuse(strapi, ctx, 400, [{ field: 'altcha', message: `Xác minh chống thư rác: ${verified.reason}.` }]);
    }
    let stored;
    try {
      stored = await storeQuestion(strapi, parsed.value, proof !== null);
    } catch (error) {
      if (error instanceof SubmissionProblem) return refuse(strapi, ctx, 400, error.problems);
      throw error;
    }
    // The receipt must not hold up or undo the answer: the question is stored; a failed mail is logged.
    if (parsed.value.email) void sendReceipt(strapi, parsed.value.email, stored);

    ctx.set('Cache-Control', 'no-store');
    if (isForm(ctx)) {
      ctx.status = 303;
      ctx.redirect(`${CONFIRMATION_PATH}?ma=${encodeURIComponent(stored.trackingCode)}`);
      return;
    }
    ctx.status = 201;
    ctx.body = { data: { trackingCode: stored.trackingCode, status: 'moi_nhan', receivedAt: stored.receivedAt } };
  },

  /** GET /api/hoi-dap/thu-thach: a fresh proof-of-work challenge for the altcha widget. */
  async challenge(ctx: Ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await (await questionGuard(strapi)).challenge();
  },

  /** GET /api/hoi-dap/tra-cuu?ma=…: status and dates of a question, never its content or asker. */
  async lookup(ctx: Ctx) {
    const limits = await questionGuard(strapi);
    const wait = await limits.consume('lookups', ctx.request.ip);
    if (wait !== null) return refuse(strapi, ctx, 429, tooMany(wait), { 'Retry-After': String(wait) });
    const code = normaliseTrackingCode(ctx.query.ma);
    if (!code)
      return refuse(strapi, ctx, 400, [
        { field: 'ma', message: 'Mã theo dõi: gồm 8 chữ và số, ví dụ K7QM-4TXP (không có chữ O, I, L và số 0, 1).' },
      ]);
    const found = await lookUp(strapi, code);
    if (!found)
      return refuse(strapi, ctx, 404, [{ field: 'ma', message: `Mã theo dõi: không tìm thấy câu hỏi có mã ${code}.` }]);
    if (!wantsHtml(ctx)) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: found };
      return;
    }
    const link = found.url ? `<p><a href="${escapeHtml(found.url)}">Xem câu hỏi và câu trả lời</a></p>` : '';
    return sendPage(
      strapi,
      ctx,
      200,
      `Câu hỏi ${found.trackingCode}`,
      `<dl>
<dt>Mã theo dõi</dt><dd>${escapeHtml(found.trackingCode)}</dd>
<dt>Trạng thái</dt><dd>${escapeHtml(found.statusLabel)}</dd>
<dt>Ngày nhận</dt><dd>${escapeHtml(dateTime(found.receivedAt))}</dd>
<dt>Ngày trả lời</dt><dd>${escapeHtml(date(found.answeredAt))}</dd>
<dt>Ngày công bố</dt><dd>${escapeHtml(dateTime(found.publishedAt))}</dd>
</dl>${link}
<p><a href="${LOOKUP_PATH}">Tra cứu mã khác</a></p>`,
    );
  },

  /** GET /api/hoi-dap/da-gui?ma=…: the confirmation page a form post is redirected to (works without JS). */
  async confirmation(ctx: Ctx) {
    const code = normaliseTrackingCode(ctx.query.ma);
    if (!code) return refuse(strapi, ctx, 400, [{ field: 'ma', message: 'Mã theo dõi không hợp lệ.' }]);
    return sendPage(
      strapi,
      ctx,
      200,
      'Đã gửi câu hỏi',
      `<div class="box" role="status"><p>Cơ quan đã nhận câu hỏi của bạn. Mã theo dõi của bạn là:</p>
<p class="code">${escapeHtml(code)}</p></div>
<p>Hãy ghi lại mã này. Bạn dùng nó để <a href="${LOOKUP_PATH}?ma=${encodeURIComponent(code)}">tra cứu tình trạng xử lý</a>. Nếu bạn để lại địa chỉ thư điện tử, chúng tôi đã gửi mã này vào hộp thư của bạn.</p>
<p>Câu hỏi được trả lời trong thời hạn quy định và chỉ công bố sau khi ban biên tập duyệt; họ tên và thông tin liên hệ của bạn không bao giờ được công khai.</p>`,
    );
  },
}));
