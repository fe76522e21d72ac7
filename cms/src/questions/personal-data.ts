/**
 * A person's data on request (Nghị định 13/2023/NĐ-CP, quyền được cung cấp dữ liệu): every question, with
 * its personal fields, tied to an e-mail address or a phone number, as one JSON file. Admin API only
 * (`GET /portal/personal-data?email=…&phone=…`), for the super admin (the operator who answers such
 * requests), and audited: one line per question handed out, naming the fields, never their values. The
 * address or number asked for is never logged.
 */
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { currentActing } from '../editorial/actor';
import { recordPersonalDataExported } from '../documents/audit';
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

const EXPORTED_FIELDS = [
  'documentId',
  'trackingCode',
  'title',
  'question',
  'receivedAt',
  'answerDueDate',
  'processingStatus',
  'answeredAt',
  'answeringUnit',
  'publishedAt',
  ...PERSONAL_FIELDS,
] as const;

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

export async function exportPersonalData(strapi: Core.Strapi, query: { email?: string; phone?: string }) {
  const or: Record<string, unknown>[] = [];
  if (query.email) or.push({ askerEmail: { $eqi: query.email } });
  if (query.phone) or.push({ askerPhone: { $in: phoneVariants(query.phone) } });
  const rows = (await strapi.db.query(QUESTION_UID as UID.ContentType).findMany({
    where: { $or: or },
    select: [...EXPORTED_FIELDS],
    populate: { agency: { select: ['name'] }, field: { select: ['name'] } },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
  })) as Array<Record<string, unknown> & { documentId: string; publishedAt: string | null }>;
  // One entry per question: the working (draft) row, with the publication date of its published copy.
  const byDocument = new Map<string, Record<string, unknown> & { documentId: string }>();
  for (const row of rows) {
    const known = byDocument.get(row.documentId);
    if (!known || !row.publishedAt) byDocument.set(row.documentId, { ...row, publishedAt: known?.publishedAt ?? null });
    else known.publishedAt = row.publishedAt;
  }
  return [...byDocument.values()].map((row) => ({
    ...row,
    processingStatusLabel: QUESTION_STATUSES.find((s) => s.key === row.processingStatus)?.vi ?? row.processingStatus,
    agency: (row.agency as { name?: string } | null)?.name ?? null,
    field: (row.field as { name?: string } | null)?.name ?? null,
  }));
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
          const questions = await exportPersonalData(strapi, parsed.data);
          const matchedBy = [...(parsed.data.email ? ['email'] : []), ...(parsed.data.phone ? ['phone'] : [])];
          for (const question of questions)
            await recordPersonalDataExported(strapi, QUESTION_UID, String(question.documentId), {
              matchedBy,
              fields: [...PERSONAL_FIELDS],
            });
          strapi.log.info(
            `[hoi-dap] personal data exported by admin #${acting.user?.id}: ${questions.length} question(s), matched by ${matchedBy.join('+')}`,
          );
          ctx.set('Cache-Control', 'no-store');
          ctx.set('Content-Disposition', 'attachment; filename="du-lieu-ca-nhan.json"');
          ctx.body = {
            data: {
              generatedAt: new Date().toISOString(),
              legalBasis: 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân',
              request: { email: parsed.data.email ?? null, phone: parsed.data.phone ?? null },
              questions,
            },
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
