/**
 * The retention rule for citizens' contact details (hỏi đáp), pure: which questions' name, e-mail, phone
 * and address are due for clearing, PORTAL_QUESTION_RETENTION_MONTHS (default 12) calendar months after
 * the answer or a refusal. The job that applies it is retention.ts.
 */
import { z } from 'zod';

/** What the required name field holds once cleared. */
export const CLEARED_NAME = '(đã xoá)';
export const CONTACT_FIELDS = ['askerName', 'askerEmail', 'askerPhone', 'askerAddress'] as const;
/** Daily at 02:30 Vietnam time (seconds field first). */
export const RETENTION_RULE = '0 30 2 * * *';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
export const RetentionEnvSchema = z.object({
  PORTAL_QUESTION_RETENTION_MONTHS: z.preprocess(blank, z.coerce.number().int().min(1).max(240).default(12)),
});

export interface RetentionRow {
  documentId: string;
  processingStatus: string | null;
  /** A calendar date (YYYY-MM-DD) in Vietnam. */
  answeredAt: string | null;
  updatedAt: string | Date | null;
  askerName: string | null;
  askerEmail: string | null;
  askerPhone: string | null;
  askerAddress: string | null;
}

/** The same day `months` calendar months later, or the month's last day when it has no such day (31 → 30). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target;
}

/** When the question was closed: the answer's day (start of the day in Vietnam), a refusal's last change. */
export function closedAt(row: RetentionRow): Date | null {
  if (row.answeredAt) return new Date(`${String(row.answeredAt).slice(0, 10)}T00:00:00+07:00`);
  if (row.processingStatus === 'tu_choi' && row.updatedAt) return new Date(row.updatedAt);
  return null;
}

export function hasContactDetails(row: RetentionRow): boolean {
  return Boolean(
    row.askerEmail || row.askerPhone || row.askerAddress || (row.askerName && row.askerName !== CLEARED_NAME),
  );
}

/** Whether the row's contact details are due for clearing at `now`. */
export function retentionDue(row: RetentionRow, months: number, now: Date): boolean {
  const closed = closedAt(row);
  if (!closed || Number.isNaN(closed.getTime())) return false;
  return hasContactDetails(row) && addMonths(closed, months).getTime() <= now.getTime();
}

/** The documents whose contact details are due: one per question, whichever of its rows says so. */
export function dueDocuments(rows: readonly RetentionRow[], months: number, now: Date): string[] {
  return [...new Set(rows.filter((row) => retentionDue(row, months, now)).map((row) => row.documentId))].sort();
}
