/**
 * The answer deadline of each question (answerDueDate): `questionAnswerDays` working days (site settings)
 * after the day of receipt, not counting weekends and the days off listed in Ngày nghỉ lễ, làm bù, and
 * counting the weekend days that list marks as make-up working days. Set when the question is stored,
 * whatever creates it (the public form, the board entering a letter, the importer), so a later change to the
 * settings does not move the deadline already given. A change to the calendar does: the Government announces
 * swapped days off during the year, so the open questions' deadlines are recounted on the new calendar with
 * the same number of working days, each move written to the audit trail under the operator who edited it.
 */
import type { Core } from '@strapi/strapi';
import { recordDueDateMoved } from '../document-middlewares/audit';
import { findRow, findRows } from '../content-types';
import { callParams } from '../document-middlewares/params';
import { timeOf } from '../text/dates';
import { QUESTION_UID, type QuestionStatus } from './questions';
import { dueDate, localDate, recountDueDate, type IsoDate, type WorkingCalendar } from './working-days';

export const HOLIDAY_UID = 'api::holiday.holiday';
const SITE_SETTING = 'api::site-setting.site-setting';
const DEFAULT_DAYS = 10;

export interface DeadlineRules extends WorkingCalendar {
  days: number;
}

/**
 * The rules change rarely (an operator edits the settings or the days off) and every new question needs them:
 * read once, again after such an edit (registerQuestionDeadline forgets them) or after a minute at most
 * (another CMS process may have made the edit).
 */
const RULES_SECONDS = 60;
let cached: { rules: Promise<DeadlineRules>; until: number } | null = null;

export function cachedDeadlineRules(strapi: Core.Strapi, now = Date.now()): Promise<DeadlineRules> {
  if (!cached || cached.until <= now) {
    const rules = deadlineRules(strapi);
    cached = { rules, until: now + RULES_SECONDS * 1000 };
    // A failed read is not kept.
    rules.catch(() => (cached = null));
  }
  return cached.rules;
}

export async function deadlineRules(strapi: Core.Strapi): Promise<DeadlineRules> {
  const setting = await findRow(strapi, SITE_SETTING, { select: ['questionAnswerDays'] });
  const rows = await findRows(strapi, HOLIDAY_UID, { select: ['date', 'makeUpDay'] });
  const days = setting?.questionAnswerDays;
  const dates = (makeUp: boolean) =>
    new Set(
      rows.flatMap((row) => (row.date && Boolean(row.makeUpDay) === makeUp ? [String(row.date).slice(0, 10)] : [])),
    );
  return {
    days: Number.isInteger(days) && days! >= 1 ? days! : DEFAULT_DAYS,
    holidays: dates(false),
    makeUpDays: dates(true),
  };
}

/** Questions still waiting for their answer: the ones whose deadline still matters. */
const OPEN: QuestionStatus[] = ['moi_nhan', 'dang_xu_ly'];

/**
 * Recounts the due dates of the open questions after the calendar changed from `before` to the one stored
 * now (draft and published rows alike); returns how many questions moved.
 */
export async function recountOpenDueDates(strapi: Core.Strapi, before: WorkingCalendar): Promise<number> {
  const after = await deadlineRules(strapi);
  const rows = await findRows(strapi, QUESTION_UID, {
    where: { processingStatus: { $in: OPEN }, answerDueDate: { $notNull: true } },
    select: ['id', 'documentId', 'receivedAt', 'answerDueDate'],
  });
  const moved = new Map<string, { before: IsoDate; after: IsoDate }>();
  for (const row of rows) {
    const due = String(row.answerDueDate).slice(0, 10);
    const next = recountDueDate(receivedInstant(row.receivedAt), due, before, after);
    if (!next) continue;
    await strapi.db.query(QUESTION_UID).update({ where: { id: row.id }, data: { answerDueDate: next } });
    if (!moved.has(row.documentId)) moved.set(row.documentId, { before: due, after: next });
  }
  for (const [documentId, change] of moved) await recordDueDateMoved(strapi, QUESTION_UID, documentId, change);
  if (moved.size > 0)
    strapi.log.info(`[hoi-dap] working-day calendar changed: due date recounted on ${moved.size} open question(s)`);
  return moved.size;
}

function receivedInstant(value: unknown): Date {
  const time = timeOf(value);
  return time === null ? new Date() : new Date(time);
}

/** Sets the due date on every new question that does not carry one. */
export function registerQuestionDeadline(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === SITE_SETTING) {
      cached = null;
      const result = await next();
      cached = null;
      return result;
    }
    if (context.uid === HOLIDAY_UID) {
      const writes = context.action === 'create' || context.action === 'update' || context.action === 'delete';
      if (!writes) return next();
      // The day and the deadlines it moves commit together, or not at all.
      return strapi.db.transaction(async () => {
        const before = await deadlineRules(strapi);
        cached = null;
        const result = await next();
        cached = null;
        await recountOpenDueDates(strapi, before);
        return result;
      });
    }
    if (context.uid !== QUESTION_UID || context.action !== 'create') return next();
    const params = callParams(context);
    if (params.data && !params.data.answerDueDate) {
      const rules = await cachedDeadlineRules(strapi);
      params.data = {
        ...params.data,
        answerDueDate: dueDate(receivedInstant(params.data.receivedAt), rules.days, rules.holidays, rules.makeUpDays),
      };
    }
    return next();
  });
}

/** Questions stored before deadlines existed get theirs at start (draft and published rows alike). */
export async function fillMissingDueDates(strapi: Core.Strapi): Promise<number> {
  const uid = QUESTION_UID;
  const rows = await findRows(strapi, uid, { where: { answerDueDate: { $null: true } }, select: ['id', 'receivedAt'] });
  if (rows.length === 0) return 0;
  const rules = await deadlineRules(strapi);
  for (const row of rows)
    await strapi.db.query(QUESTION_UID).update({
      where: { id: row.id },
      data: {
        answerDueDate: dueDate(receivedInstant(row.receivedAt), rules.days, rules.holidays, rules.makeUpDays),
      },
    });
  strapi.log.info(`[hoi-dap] answer due date set on ${rows.length} earlier question row(s)`);
  return rows.length;
}

/** Today in Vietnam, for "due before today" filters. */
export const today = (now = new Date()): IsoDate => localDate(now);
