/**
 * The editorial chain as pure rules, so the table test states them and the Document Service middleware
 * only binds them to Strapi: who may move an entry to which stage, when it may be published, and where an
 * edit sends it back to.
 */
export const STAGES = ['nhap', 'cho_duyet', 'da_duyet', 'tra_lai', 'da_xuat_ban'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  nhap: 'Nháp',
  cho_duyet: 'Chờ duyệt',
  da_duyet: 'Đã duyệt',
  tra_lai: 'Trả lại',
  da_xuat_ban: 'Đã xuất bản',
};

/**
 * Who is acting. `system` is any write without an admin user (seed, cron, importer); `superAdmin` is the
 * operator's account, kept unrestricted like the system (every write is still audited).
 */
export type Actor = 'system' | 'superAdmin' | 'chief' | 'reviewer' | 'editor' | 'officer';

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && STAGES.some((stage) => stage === value);
}

const unrestricted = (actor: Actor) => actor === 'system' || actor === 'superAdmin';
const reviews = (actor: Actor) => actor === 'reviewer' || actor === 'chief';

export interface StageChange {
  actor: Actor;
  from: Stage;
  to: Stage;
  /** The acting user created the entry. */
  own: boolean;
  reviewNote: string | null | undefined;
}

export interface StageProblem {
  field: 'editorialStage' | 'reviewNote';
  message: string;
}

const stageProblem = (message: string): StageProblem => ({ field: 'editorialStage', message });

/** Why the change is refused (Vietnamese, naming the field), or null when it is allowed. */
export function stageChangeProblem({ actor, from, to, own, reviewNote }: StageChange): StageProblem | null {
  if (from === to || unrestricted(actor)) return null;
  if (to === 'da_xuat_ban')
    return stageProblem('Trạng thái biên tập: chỉ được chuyển sang “Đã xuất bản” bằng thao tác xuất bản.');
  if (to === 'tra_lai' && !(reviewNote ?? '').trim())
    return { field: 'reviewNote', message: 'Lý do trả lại: cần ghi lý do khi trả lại bài cho biên tập viên.' };
  if (reviews(actor)) return null;
  // Agency officers: any question their role lets them update (the agency condition chose those), to draft
  // or to review.
  if (actor === 'officer')
    return to === 'nhap' || to === 'cho_duyet'
      ? null
      : stageProblem(`Trạng thái biên tập: cán bộ trả lời không được chuyển câu hỏi sang “${STAGE_LABELS[to]}”.`);
  // Editors: only their own entries, and only between draft and waiting for review.
  if (!own) return stageProblem('Trạng thái biên tập: biên tập viên chỉ được chuyển trạng thái bài của chính mình.');
  if (to === 'nhap' || to === 'cho_duyet') return null;
  return stageProblem(`Trạng thái biên tập: biên tập viên không được chuyển bài sang “${STAGE_LABELS[to]}”.`);
}

/** Why publishing is refused, or null. Only approved entries go out (the system and super admin excepted). */
export function publishProblem(actor: Actor, stage: Stage): string | null {
  if (unrestricted(actor) || stage === 'da_duyet') return null;
  return `Chỉ xuất bản được bài đã duyệt; bài đang ở trạng thái “${STAGE_LABELS[stage]}”.`;
}

/**
 * The request header by which the super admin confirms publishing an entry that has not been approved
 * (the admin panel's "Xuất bản không qua duyệt" action sends it; a plain publish does not).
 */
export const CONFIRM_UNREVIEWED_HEADER = 'x-portal-confirm-unreviewed';

/** The super admin may publish an unapproved entry, but only on purpose: it needs a confirmation and is recorded. */
export function isUnreviewedPublish(actor: Actor, stage: Stage): boolean {
  return actor === 'superAdmin' && stage !== 'da_duyet' && stage !== 'da_xuat_ban';
}

export function unreviewedPublishMessage(stage: Stage): string {
  return (
    `Bài chưa qua duyệt (trạng thái “${STAGE_LABELS[stage]}”). Muốn xuất bản không qua duyệt, hãy chọn ` +
    '“Xuất bản không qua duyệt” trong menu thao tác của bài và xác nhận; việc này được ghi vào nhật ký biên tập.'
  );
}

/**
 * The stage after an edit that does not itself choose a stage: an editor changing an approved or published
 * entry sends it back to draft, so the changed text is reviewed again before it can go out.
 */
export function stageAfterEdit(actor: Actor, from: Stage): Stage {
  return (actor === 'editor' || actor === 'officer') && (from === 'da_duyet' || from === 'da_xuat_ban') ? 'nhap' : from;
}

/** Scheduling publication is the publisher's decision. */
export function mayChangeSchedule(actor: Actor): boolean {
  return actor === 'system' || actor === 'superAdmin' || actor === 'chief';
}

export interface Approval {
  actor: Actor;
  approverId: number | null;
  /** Who last changed the text (the audit trail's last create, clone or update), null for the system. */
  lastAuthorId: number | null;
  /** The site setting "the approver is not the last author" (on by default). */
  separate: boolean;
}

/**
 * Separation of duties: whoever approves a text did not write its last version, so every approved text
 * was read by a second person. The system and the super admin stay unrestricted.
 */
export function approvalProblem({ actor, approverId, lastAuthorId, separate }: Approval): StageProblem | null {
  if (!separate || unrestricted(actor) || approverId === null || approverId !== lastAuthorId) return null;
  return stageProblem(
    'Trạng thái biên tập: người duyệt không được là người viết hoặc sửa bài lần cuối; cần một người khác duyệt.',
  );
}
