/**
 * The answer deadline of each question (answerDueDate): `questionAnswerDays` working days (site settings)
 * after the day of receipt, not counting weekends and the days off listed in Ngày nghỉ lễ. Set once when the
 * question is stored, whatever creates it (the public form, the board entering a letter, the importer), so a
 * later change to the settings does not move the deadline already given.
 */
import type { Core } from '@strapi/strapi';
import { QUESTION_UID } from './questions';
import { dueDate, localDate, type IsoDate } from './working-days';
import { timeOf } from '../text/dates';
import { findRow, findRows } from '../content-types';

export const HOLIDAY_UID = 'api::holiday.holiday';
const SITE_SETTING = 'api::site-setting.site-setting';
const DEFAULT_DAYS = 10;

export interface DeadlineRules {
  days: number;
  holidays: ReadonlySet<IsoDate>;
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
  const rows = await findRows(strapi, HOLIDAY_UID, { select: ['date'] });
  const days = setting?.questionAnswerDays;
  return {
    days: Number.isInteger(days) && days! >= 1 ? days! : DEFAULT_DAYS,
    holidays: new Set(rows.flatMap((row) => (row.date ? [String(row.date).slice(0, 10)] : []))),
  };
}

function receivedInstant(value: unknown): Date {
  const time = timeOf(value);
  return time === null ? new Date() : new Date(time);
}

/** Sets the due date on every new question that does not carry one. */
export function registerQuestionDeadline(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === HOLIDAY_UID || context.uid === SITE_SETTING) {
      cached = null;
      const result = await next();
      cached = null;
      return result;
    }
    if (context.uid !== QUESTION_UID || context.action !== 'create') return next();
    const params = context.params as { data?: Record<string, unknown> };
    if (params.data && !params.data.answerDueDate) {
      const rules = await cachedDeadlineRules(strapi);
      params.data = {
        ...params.data,
        answerDueDate: dueDate(receivedInstant(params.data.receivedAt), rules.days, rules.holidays),
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
    await strapi.db.query(uid).update({
      where: { id: row.id },
      data: { answerDueDate: dueDate(receivedInstant(row.receivedAt), rules.days, rules.holidays) },
    });
  strapi.log.info(`[hoi-dap] answer due date set on ${rows.length} earlier question row(s)`);
  return rows.length;
}

/** Today in Vietnam, for "due before today" filters. */
export const today = (now = new Date()): IsoDate => localDate(now);
