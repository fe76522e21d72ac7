import { factories } from '@strapi/strapi';
import { CONSULTATION_PAGES, SECTIONS } from '../../../url-words';
import { admit, isForm, refuse, sendPage, type Ctx, type RefusalPage } from '../../../citizen/respond';
import { bodyFields } from '../../../http/request-body';
import { escapeHtml, type Section } from '../../../questions/html';
import { sendCitizenMail } from '../../../questions/mail';
import { normaliseTrackingCode } from '../../../questions/questions';
import { consultationSlug, parseComment } from '../../../consultations/comment-submission';
import { CONSULTATION_UID } from '../../../consultations/consultations';
import {
  CommentProblem,
  findConsultation,
  periodRefusal,
  storeComment,
  type OpenConsultation,
} from '../../../consultations/service';

const LIST_PATH = `/${SECTIONS.consultations}/`;
const CONFIRMATION_PATH = `${LIST_PATH}${CONSULTATION_PAGES.sent}/`;
const SECTION: Section = { href: LIST_PATH, label: 'Về trang Lấy ý kiến dự thảo' };
const draftPath = (slug: string) => `${LIST_PATH}${encodeURIComponent(slug)}/`;

/** The refusal page links back to the draft's own form when the slug looks like one. */
const pageFor = (slug: unknown): RefusalPage => {
  const valid = consultationSlug.safeParse(slug);
  return { back: valid.success ? `${draftPath(valid.data)}#gop-y` : LIST_PATH, section: SECTION, what: 'Góp ý' };
};

export default factories.createCoreController(CONSULTATION_UID, ({ strapi }) => ({
  /**
   * POST /api/du-thao/gop-y: a citizen's comment on a draft, as JSON or as the site's plain HTML form,
   * accepted only while the draft's comment period is open (409 before, 410 after, with the period).
   */
  async comment(ctx: Ctx) {
    let consultation: OpenConsultation | null = null;
    const page = pageFor(bodyFields(ctx).duThao);
    const admitted = await admit(strapi, ctx, parseComment, page, async (body) => {
      const slug = consultationSlug.safeParse(body.duThao);
      if (!slug.success) return true; // validation names the field
      consultation = await findConsultation(strapi, slug.data);
      if (!consultation) {
        await refuse(
          strapi,
          ctx,
          404,
          [{ field: 'duThao', message: 'Dự thảo: không tìm thấy dự thảo đang công bố.' }],
          {
            ...page,
            back: LIST_PATH,
          },
        );
        return false;
      }
      const refusal = periodRefusal(consultation);
      if (!refusal) return true;
      await refuse(strapi, ctx, refusal.status, [{ field: 'duThao', message: refusal.message }], {
        ...page,
        title: refusal.status === 410 ? 'Đã hết thời gian lấy ý kiến' : 'Chưa đến thời gian lấy ý kiến',
        body: `<div class="error" role="alert"><p>${escapeHtml(refusal.message)}</p></div>
<p><a href="${escapeHtml(draftPath(consultation.slug))}">Xem trang dự thảo</a></p>`,
      });
      return false;
    });
    if (!admitted || !consultation) return;
    const target: OpenConsultation = consultation;
    let stored;
    try {
      stored = await storeComment(strapi, target, admitted.value, admitted.proofOfWork);
    } catch (error) {
      if (error instanceof CommentProblem) return refuse(strapi, ctx, 400, error.problems, page);
      throw error;
    }
    // The receipt must not hold up or undo the answer: the comment is stored; a failed mail is logged.
    if (admitted.value.email)
      void sendCitizenMail(strapi, {
        to: admitted.value.email,
        subject: `Đã nhận góp ý của bạn – mã ${stored.receiptCode}`,
        lines: (site) => [
          `Cơ quan đã nhận ý kiến góp ý của bạn cho dự thảo: ${target.title}.`,
          '',
          `Mã tiếp nhận: ${stored.receiptCode}`,
          `Trang dự thảo: ${site}${draftPath(target.slug)}`,
          '',
          'Sau khi hết thời gian lấy ý kiến, báo cáo tổng hợp, tiếp thu, giải trình được công bố trên trang này.',
        ],
        logLabel: `[du-thao] receipt for ${stored.receiptCode}`,
      });

    ctx.set('Cache-Control', 'no-store');
    if (isForm(ctx)) {
      ctx.status = 303;
      ctx.redirect(
        `${CONFIRMATION_PATH}?ma=${encodeURIComponent(stored.receiptCode)}&du-thao=${encodeURIComponent(target.slug)}`,
      );
      return;
    }
    ctx.status = 201;
    ctx.body = {
      data: { receiptCode: stored.receiptCode, receivedAt: stored.receivedAt, consultation: target.slug },
    };
  },

  /** GET /api/du-thao/da-gui?ma=…&du-thao=…: the confirmation page a form post is redirected to (works without JS). */
  async confirmation(ctx: Ctx) {
    const code = normaliseTrackingCode(ctx.query.ma);
    const page = pageFor(ctx.query['du-thao']);
    if (!code) return refuse(strapi, ctx, 400, [{ field: 'ma', message: 'Mã tiếp nhận không hợp lệ.' }], page);
    const slug = consultationSlug.safeParse(ctx.query['du-thao']);
    const back = slug.success ? `<p><a href="${escapeHtml(draftPath(slug.data))}">Về trang dự thảo</a></p>` : '';
    return sendPage(
      strapi,
      ctx,
      200,
      'Đã gửi góp ý',
      `<div class="box" role="status"><p>Cơ quan đã nhận ý kiến góp ý của bạn. Mã tiếp nhận của bạn là:</p>
<p class="code">${escapeHtml(code)}</p></div>
<p>Hãy ghi lại mã này. Nếu bạn để lại địa chỉ thư điện tử, chúng tôi đã gửi mã này vào hộp thư của bạn.</p>
<p>Góp ý được cơ quan chủ trì soạn thảo xem xét, tổng hợp; sau khi hết thời gian lấy ý kiến, báo cáo tổng hợp, tiếp thu, giải trình được công bố trên trang dự thảo. Họ tên và thông tin liên hệ của bạn không bao giờ được công khai.</p>
${back}`,
      SECTION,
    );
  },
}));
