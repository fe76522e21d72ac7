/**
 * A person's data on request (Nghị định 13/2023/NĐ-CP, quyền được cung cấp dữ liệu): every question and
 * every comment on a draft, with its personal fields, tied to an e-mail address or a phone number, as one
 * JSON file. Admin API only (`GET /portal/personal-data?email=…&phone=…`), for the super admin (the operator
 * who answers such requests), and audited: one line per record handed out, naming the fields, never their
 * values. The address or number asked for is never logged (the request log drops query strings:
 * middlewares/request-log.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { findSomeRows } from '../content-types';
import { fieldOf } from '../document-middlewares/relation-input';
import { currentActing } from '../editorial/actor';
import { recordPersonalDataExported } from '../document-middlewares/audit';
import { COMMENT_PERSONAL_FIELDS, COMMENT_STATUSES, COMMENT_UID } from '../consultations/consultations';
import { PERSONAL_FIELDS, QUESTION_STATUSES, QUESTION_UID } from './questions';

/** The request: an e-mail, a phone number, or both; Vietnamese messages naming the field. */
export const ExportQuerySchema = z
  .object({
    email: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z
        .string({ error: 'Thư điện tử: phải là văn bản.' })
        .trim()
        .max(254, 'Thư điện tử: không quá 254 ký tự.')
        .pipe(z.email('Thư điện tử: không đúng định dạng.'))
        .optional(),
    ),
    phone: z.preprocess(
      (value) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '') || undefined : value),
      z
        .string({ error: 'Số điện thoại: phải là văn bản.' })
        .regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại: không đúng định dạng (ví dụ 0912 345 678).')
        .optional(),
    ),
  })
  .refine((value) => value.email !== undefined || value.phone !== undefined, {
    message: 'Cần thư điện tử hoặc số điện thoại của người yêu cầu.',
    path: ['email'],
  });

/** The two ways a Vietnamese number is written (0… and +84…), so either finds both. */
export function phoneVariants(phone: string): string[] {
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  return [national, `+84${national.slice(1)}`];
}

/**
 * Where citizens' personal data is kept: each source names its type, the fields that identify the person
 * (e-mail, phone), what the export shows and the names of linked entries. Comments on draft documents add
 * one entry here.
 */
export interface PersonalDataSource {
  /** The key of the export's list ("questions"). */
  key: string;
  uid: UID.ContentType;
  emailField: string;
  phoneField: string;
  /** The person's own data (the audit names these fields, never their values). */
  personal: readonly string[];
  /** What else is exported (documentId and publishedAt are always added). */
  fields: readonly string[];
  /** Linked entries exported by a readable field: relation → the field shown ("agency" → "name"). */
  named?: Readonly<Record<string, string>>;
  /** Time order of the list. */
  orderBy: string;
  /** Readable extras (a status label) from the row. */
  extra?: (row: Record<string, unknown>) => Record<string, unknown>;
}

export const PERSONAL_DATA_SOURCES: PersonalDataSource[] = [
  {
    key: 'questions',
    uid: QUESTION_UID,
    emailField: 'askerEmail',
    phoneField: 'askerPhone',
    fields: [
      'trackingCode',
      'title',
      'question',
      'receivedAt',
      'answerDueDate',
      'processingStatus',
      'answeredAt',
      'answeringUnit',
    ],
    personal: PERSONAL_FIELDS,
    named: { agency: 'name', field: 'name' },
    orderBy: 'receivedAt',
    extra: (row) => ({
      processingStatusLabel: QUESTION_STATUSES.find((s) => s.key === row.processingStatus)?.vi ?? row.processingStatus,
    }),
  },
  {
    key: 'comments',
    uid: COMMENT_UID,
    emailField: 'commenterEmail',
    phoneField: 'commenterPhone',
    fields: ['receiptCode', 'section', 'content', 'receivedAt', 'moderationStatus'],
    personal: COMMENT_PERSONAL_FIELDS,
    named: { consultation: 'title' },
    orderBy: 'receivedAt',
    extra: (row) => ({
      moderationStatusLabel: COMMENT_STATUSES.find((s) => s.key === row.moderationStatus)?.vi ?? row.moderationStatus,
    }),
  },
];

type Ctx = {
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

function problem(ctx: Ctx, status: number, name: string, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
}

type Record_ = Record<string, unknown> & { documentId: string; publishedAt?: string | null };

/** One source's records tied to the e-mail or phone: one per document, its working (draft) row. */
async function recordsOf(strapi: Core.Strapi, source: PersonalDataSource, query: { email?: string; phone?: string }) {
  const or: Record<string, unknown>[] = [];
  if (query.email) or.push({ [source.emailField]: { $eqi: query.email } });
  if (query.phone) or.push({ [source.phoneField]: { $in: phoneVariants(query.phone) } });
  const draftAndPublish = Boolean(strapi.contentType(source.uid).options?.draftAndPublish);
  const rows = await findSomeRows<Record_>(strapi, source.uid, {
    where: { $or: or },
    select: ['documentId', ...(draftAndPublish ? ['publishedAt'] : []), ...source.fields, ...source.personal],
    populate: Object.fromEntries(
      Object.entries(source.named ?? {}).map(([name, field]) => [name, { select: [field] }]),
    ),
    orderBy: [{ [source.orderBy]: 'asc' }, { id: 'asc' }],
  });
  // The draft row, with the publication date of the published copy when there is one.
  const byDocument = new Map<string, Record_>();
  for (const row of rows) {
    const known = byDocument.get(row.documentId);
    if (!known || !row.publishedAt) byDocument.set(row.documentId, { ...row, publishedAt: known?.publishedAt ?? null });
    else known.publishedAt = row.publishedAt;
  }
  return [...byDocument.values()].map((row) => ({
    ...row,
    ...Object.fromEntries(
      Object.entries(source.named ?? {}).map(([name, field]) => [name, fieldOf(row[name], field) ?? null]),
    ),
    ...(source.extra?.(row) ?? {}),
  }));
}

/** Every source's records, by the source's key. */
export async function exportPersonalData(strapi: Core.Strapi, query: { email?: string; phone?: string }) {
  const result: Record<string, Record_[]> = {};
  for (const source of PERSONAL_DATA_SOURCES) result[source.key] = await recordsOf(strapi, source, query);
  return result;
}

export function registerPersonalDataRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/portal/personal-data',
        handler: async (ctx: Ctx) => {
          const acting = currentActing(strapi);
          if (acting.kind !== 'superAdmin')
            return problem(
              ctx,
              403,
              'ForbiddenError',
              'Chỉ quản trị viên cao nhất được xuất dữ liệu cá nhân theo yêu cầu của người dân.',
            );
          const parsed = ExportQuerySchema.safeParse({ email: ctx.query.email, phone: ctx.query.phone });
          if (!parsed.success)
            return problem(ctx, 400, 'ValidationError', parsed.error.issues.map((i) => i.message).join(' '));
          const records = await exportPersonalData(strapi, parsed.data);
          const matchedBy = [...(parsed.data.email ? ['email'] : []), ...(parsed.data.phone ? ['phone'] : [])];
          let count = 0;
          for (const source of PERSONAL_DATA_SOURCES)
            for (const record of records[source.key] ?? []) {
              count += 1;
              await recordPersonalDataExported(strapi, source.uid, record.documentId, {
                matchedBy,
                fields: [...source.personal],
              });
            }
          strapi.log.info(
            `[hoi-dap] personal data exported by admin #${acting.user?.id}: ${count} record(s), matched by ${matchedBy.join('+')}`,
          );
          ctx.set('Cache-Control', 'no-store');
          ctx.set('Content-Disposition', 'attachment; filename="du-lieu-ca-nhan.json"');
          ctx.body = {
            data: {
              generatedAt: new Date().toISOString(),
              legalBasis: 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân',
              request: { email: parsed.data.email ?? null, phone: parsed.data.phone ?? null },
              ...records,
            },
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { type: 'admin' },
      },
    ],
  });
}
