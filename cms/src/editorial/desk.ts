/**
 * Each role's desk: what waits for the user, as lists of draft entries of the workflow types. Pure data, so
 * the table test states it and the route (bootstrap/desk-route.ts) only queries it. No imports but types.
 */
import type { Actor, Stage } from './stages';

export type DeskListKey =
  | 'myDrafts'
  | 'sentBack'
  | 'waitingReview'
  | 'waitingPublication'
  | 'scheduled'
  | 'overdueQuestions'
  | 'agencyQuestions';

export interface DeskList {
  key: DeskListKey;
  /** The heading on the desk (Vietnamese, as the editors' guide names it). */
  title: string;
  /** Entries in this stage; none for the schedule. */
  stage?: Stage;
  /** Only entries the user created. */
  own?: true;
  /** Entries with a publication or withdrawal time set. */
  scheduled?: true;
  /**
   * Citizens' questions not yet answered, by due date (questions/desk-questions.ts): past their due date, or
   * routed to the officer's agency.
   */
  questions?: 'overdue' | 'agency';
}

export const DESK_LISTS: Readonly<Record<DeskListKey, DeskList>> = {
  myDrafts: { key: 'myDrafts', title: 'Bản nháp của tôi', stage: 'nhap', own: true },
  sentBack: { key: 'sentBack', title: 'Bài bị trả lại', stage: 'tra_lai', own: true },
  waitingReview: { key: 'waitingReview', title: 'Bài chờ duyệt', stage: 'cho_duyet' },
  waitingPublication: { key: 'waitingPublication', title: 'Bài đã duyệt, chờ xuất bản', stage: 'da_duyet' },
  scheduled: { key: 'scheduled', title: 'Bài hẹn giờ', scheduled: true },
  overdueQuestions: { key: 'overdueQuestions', title: 'Câu hỏi quá hạn trả lời', questions: 'overdue' },
  agencyQuestions: { key: 'agencyQuestions', title: 'Câu hỏi cơ quan cần trả lời', questions: 'agency' },
};

/** The lists each role's desk shows, in order. The system has no desk. */
export function deskListsFor(actor: Actor): DeskList[] {
  const keys: Record<Actor, DeskListKey[]> = {
    system: [],
    editor: ['myDrafts', 'sentBack'],
    reviewer: ['waitingReview', 'myDrafts', 'sentBack', 'overdueQuestions'],
    chief: ['waitingPublication', 'scheduled', 'waitingReview', 'overdueQuestions'],
    superAdmin: ['waitingPublication', 'scheduled', 'waitingReview', 'overdueQuestions'],
    officer: ['agencyQuestions'],
  };
  return keys[actor].map((key) => DESK_LISTS[key]);
}
