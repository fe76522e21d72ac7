import { factories } from '@strapi/strapi';
import { QUESTION_PAGES, SECTIONS } from '../../../url-words';
import { questionGuard } from '../../../questions/abuse';
import {
  admit,
  isForm,
  refuse,
  sendPage,
  tooMany,
  wantsHtml,
  type Ctx,
  type RefusalPage,
} from '../../../citizen/respond';
import { escapeHtml } from '../../../questions/html';
import { sendReceipt } from '../../../questions/mail';
import { formatDateTime } from '../../../text/dates';
import { normaliseTrackingCode, QUESTION_UID } from '../../../questions/questions';
import { lookUp, storeQuestion, SubmissionProblem } from '../../../questions/service';
import { parseSubmission } from '../../../questions/submission';

/** Where the public form lives on the site (the no-JS error page links back to it). */
const FORM_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.ask}/`;
const CONFIRMATION_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.sent}/`;
const LOOKUP_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.lookup}/`;

const dateTime = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
const date = (value: string | null) => (value ? value.split('-').reverse().join('/') : '—');

const FORM_PAGE: RefusalPage = { back: FORM_PATH };
const LOOKUP_PAGE: RefusalPage = { back: LOOKUP_PATH };

export default factories.createCoreController(QUESTION_UID, ({ strapi }) => ({
  /** POST /api/hoi-dap/cau-hoi: a citizen's question, as JSON or as the site's plain HTML form. */
  async submit(ctx: Ctx) {
    const admitted = await admit(strapi, ctx, parseSubmission, FORM_PAGE);
    if (!admitted) return;
    let stored;
    try {
      stored = await storeQuestion(strapi, admitted.value, admitted.proofOfWork);
    } catch (error) {
      if (error instanceof SubmissionProblem) return refuse(strapi, ctx, 400, error.problems, FORM_PAGE);
      throw error;
    }
    // The receipt must not hold up or undo the answer: the question is stored; a failed mail is logged.
    if (admitted.value.email) void sendReceipt(strapi, admitted.value.email, stored);

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
    if (wait !== null) return refuse(strapi, ctx, 429, tooMany(wait), LOOKUP_PAGE, { 'Retry-After': String(wait) });
    const code = normaliseTrackingCode(ctx.query.ma);
    if (!code)
      return refuse(
        strapi,
        ctx,
        400,
        [{ field: 'ma', message: 'Mã theo dõi: gồm 8 chữ và số, ví dụ K7QM-4TXP (không có chữ O, I, L và số 0, 1).' }],
        LOOKUP_PAGE,
      );
    const found = await lookUp(strapi, code);
    if (!found)
      return refuse(
        strapi,
        ctx,
        404,
        [{ field: 'ma', message: `Mã theo dõi: không tìm thấy câu hỏi có mã ${code}.` }],
        LOOKUP_PAGE,
      );
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
    if (!code) return refuse(strapi, ctx, 400, [{ field: 'ma', message: 'Mã theo dõi không hợp lệ.' }], LOOKUP_PAGE);
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
