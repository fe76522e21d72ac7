/**
 * Contact details of a citizen who asked a question are kept only as long as the answer may need a
 * follow-up: PORTAL_QUESTION_RETENTION_MONTHS (default 12) calendar months after the answer (or after a
 * refusal), a daily job clears the name, e-mail, phone and address of the question (draft and published
 * rows), and writes one line per question to the audit trail, naming the fields, never their values.
 * The consent record (text, version, time) stays: it is the proof the data was processed lawfully.
 */
import type { Core } from '@strapi/strapi';
import { systemActing } from '../editorial/actor';
import { recordPersonalDataCleared } from '../document-middlewares/audit';
import { QUESTION_UID } from './questions';
import { findSomeRows } from '../content-types';
import {
  CLEARED_NAME,
  CONTACT_FIELDS,
  dueDocuments,
  RETENTION_RULE,
  RetentionEnvSchema,
  type RetentionRow,
} from './retention-rule';

export const RETENTION_ACTOR = 'Hệ thống (thời hạn lưu trữ)';

/** Clears what is due and audits each question; returns how many questions were cleared. */
export async function clearExpiredContactDetails(
  strapi: Core.Strapi,
  now = new Date(),
  months = RetentionEnvSchema.parse(process.env).PORTAL_QUESTION_RETENTION_MONTHS,
): Promise<number> {
  const uid = QUESTION_UID;
  const rows = await findSomeRows<RetentionRow>(strapi, uid, {
    where: { $or: [{ answeredAt: { $notNull: true } }, { processingStatus: 'tu_choi' }] },
    select: ['documentId', 'processingStatus', 'answeredAt', 'updatedAt', ...CONTACT_FIELDS],
  });
  let cleared = 0;
  for (const documentId of dueDocuments(rows, months, now)) {
    try {
      // Both rows (draft and published): the Document Service would update the draft only.
      await strapi.db.query(uid).updateMany({
        where: { documentId },
        data: { askerName: CLEARED_NAME, askerEmail: null, askerPhone: null, askerAddress: null },
      });
      await systemActing.run({ kind: 'system', user: null, name: RETENTION_ACTOR }, () =>
        recordPersonalDataCleared(strapi, QUESTION_UID, documentId, [...CONTACT_FIELDS], months),
      );
      cleared += 1;
    } catch (error) {
      strapi.log.error(`[hoi-dap] clearing the contact details of ${documentId} failed: ${String(error)}`);
    }
  }
  if (cleared > 0) strapi.log.info(`[hoi-dap] contact details cleared on ${cleared} question(s) (${months} months)`);
  return cleared;
}

/** Strapi cron task (config/server.ts). */
export function retentionTasks(rule = RETENTION_RULE) {
  return {
    questionRetention: {
      task: async ({ strapi }: { strapi: Core.Strapi }) => {
        await clearExpiredContactDetails(strapi);
      },
      options: { rule, tz: 'Asia/Ho_Chi_Minh' },
    },
  };
}
