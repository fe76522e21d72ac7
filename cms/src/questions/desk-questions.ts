/**
 * The desk's question lists (editorial/desk.ts): unanswered questions past their due date (the board), and
 * the unanswered questions routed to an officer's agency (the officer), soonest deadline first.
 */
import type { Core } from '@strapi/strapi';
import { findRows } from '../content-types';
import type { AdminUser } from '../editorial/actor';
import { isStage, STAGE_LABELS } from '../editorial/stages';
import { today } from './deadline';
import { officerAgencies } from './officers';
import { QUESTION_UID, type QuestionStatus } from './questions';

const PER_LIST = 50;
const WAITING: QuestionStatus[] = ['moi_nhan', 'dang_xu_ly'];

export async function questionDeskEntries(strapi: Core.Strapi, kind: 'overdue' | 'agency', user: AdminUser) {
  const day = today();
  let where: Record<string, unknown>;
  if (kind === 'overdue') where = { answerDueDate: { $lt: day } };
  else {
    const agencies = await officerAgencies(strapi, user.email);
    if (agencies.length === 0) return [];
    where = { agency: { documentId: { $in: agencies } } };
  }
  const rows = await findRows(strapi, QUESTION_UID, {
    where: { ...where, publishedAt: { $null: true }, processingStatus: { $in: WAITING } },
    select: ['documentId', 'title', 'editorialStage', 'reviewNote', 'answerDueDate', 'processingStatus', 'updatedAt'],
    orderBy: [{ answerDueDate: 'asc' }, { id: 'asc' }],
    limit: PER_LIST,
  });
  const typeName = strapi.contentType(QUESTION_UID).info.displayName;
  return rows.map((row) => ({
    contentType: QUESTION_UID,
    typeName,
    documentId: row.documentId,
    locale: null,
    title: row.title,
    stage: row.editorialStage,
    stageLabel: isStage(row.editorialStage) ? STAGE_LABELS[row.editorialStage] : null,
    reviewNote: row.editorialStage === 'tra_lai' ? row.reviewNote : null,
    scheduledPublishAt: null,
    scheduledUnpublishAt: null,
    updatedAt: row.updatedAt,
    answerDueDate: row.answerDueDate,
    overdue: Boolean(row.answerDueDate && row.answerDueDate < day),
    href: `/content-manager/collection-types/${QUESTION_UID}/${row.documentId}`,
  }));
}
