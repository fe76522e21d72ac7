/**
 * How a public write route answers and guards itself, shared by the question and comment routes: a
 * small page for a browser without JavaScript (form posts, look-ups) and Strapi's JSON error shape
 * otherwise; and `admit`, the common front of every submission: honeypot, per-client rate limit (with or
 * without proof-of-work), zod validation, then the proof-of-work itself (spent once).
 */
import type { Core } from '@strapi/strapi';
import { findRow } from '../content-types';
import { isRecord, requestBody } from '../http/request-body';
import { questionGuard } from '../questions/abuse';
import { htmlPage, PAGE_CSP, problemsHtml, type Section } from '../questions/html';
import { HONEYPOT_FIELD, type FieldProblem, type ParseResult } from './fields';

export type Ctx = Parameters<Core.MiddlewareHandler>[0];

export const isForm = (ctx: Ctx): boolean => Boolean(ctx.is('application/x-www-form-urlencoded'));
export const wantsHtml = (ctx: Ctx): boolean => ctx.accepts('json', 'html') === 'html';

export async function portalName(strapi: Core.Strapi): Promise<string> {
  const setting = await findRow(strapi, 'api::site-setting.site-setting', { select: ['portalName'] });
  return setting?.portalName ?? 'Cổng thông tin điện tử';
}

export async function sendPage(
  strapi: Core.Strapi,
  ctx: Ctx,
  status: number,
  title: string,
  body: string,
  section?: Section,
): Promise<void> {
  ctx.status = status;
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = htmlPage({ title, portalName: await portalName(strapi), body, ...(section ? { section } : {}) });
}

const ERROR_NAMES: Record<number, string> = {
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  429: 'TooManyRequestsError',
};

export interface RefusalPage {
  /** The form to go back to (a form post) or the look-up (a GET). */
  back: string;
  section?: Section;
  /** What was not sent, for the page's lead: "Câu hỏi", "Góp ý". */
  what?: string;
  /** Page title and body instead of the list of problems (e.g. a closed consultation). */
  title?: string;
  body?: string;
}

/** A refusal: an HTML page to a form post or a browser's GET, Strapi's JSON error shape otherwise. */
export async function refuse(
  strapi: Core.Strapi,
  ctx: Ctx,
  status: number,
  problems: FieldProblem[],
  page: RefusalPage,
  headers: Record<string, string> = {},
): Promise<void> {
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  if (isForm(ctx) || (ctx.method === 'GET' && wantsHtml(ctx))) {
    return sendPage(
      strapi,
      ctx,
      status,
      page.title ?? (status === 429 ? 'Bạn đã gửi quá nhiều lần' : 'Chưa gửi được'),
      page.body ?? problemsHtml(problems, page.back, page.what),
      page.section,
    );
  }
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status,
      name: ERROR_NAMES[status] ?? 'ValidationError',
      message: problems.map((p) => p.message).join(' '),
      details: { errors: problems.map((p) => ({ path: p.field ? [p.field] : [], message: p.message })) },
    },
  };
}

export const tooMany = (seconds: number): FieldProblem[] => [
  {
    field: '',
    message: `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`,
  },
];

/**
 * The common front of a public submission, in the order that costs an abuser most and the server least:
 * honeypot, rate limit (the stricter one without proof-of-work), the route's own gate, validation,
 * proof-of-work (verified and spent). Resolves to the parsed value, or null once it has answered the refusal itself.
 */
export async function admit<T>(
  strapi: Core.Strapi,
  ctx: Ctx,
  parse: (body: unknown) => ParseResult<T>,
  page: RefusalPage,
  /** Runs after the rate limit and before validation (e.g. "is the consultation open?"); false once it refused. */
  gate?: (fields: Record<string, unknown>) => Promise<boolean>,
): Promise<{ value: T; proofOfWork: boolean } | null> {
  const body = requestBody(ctx);
  const fields = isRecord(body) ? body : {};
  const honeypot = fields[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== '') {
    await refuse(
      strapi,
      ctx,
      400,
      [{ field: HONEYPOT_FIELD, message: 'Biểu mẫu không hợp lệ; hãy tải lại trang và gửi lại.' }],
      page,
    );
    return null;
  }
  const proof = typeof fields.altcha === 'string' && fields.altcha !== '' ? fields.altcha : null;
  const limits = await questionGuard(strapi);
  const wait = await limits.consume(proof ? 'withProof' : 'withoutProof', ctx.request.ip);
  if (wait !== null) {
    await refuse(strapi, ctx, 429, tooMany(wait), page, { 'Retry-After': String(wait) });
    return null;
  }
  if (gate && !(await gate(fields))) return null;
  const parsed = parse(body);
  if (!parsed.ok) {
    await refuse(strapi, ctx, 400, parsed.problems, page);
    return null;
  }
  if (proof) {
    const verified = await limits.verifyProof(proof);
    if (!verified.ok) {
      await refuse(
        strapi,
        ctx,
        400,
        [{ field: 'altcha', message: `Xác minh chống thư rác: ${verified.reason}.` }],
        page,
      );
      return null;
    }
  }
  return { value: parsed.value, proofOfWork: proof !== null };
}
