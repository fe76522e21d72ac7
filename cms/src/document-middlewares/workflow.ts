import type { Core, UID } from '@strapi/strapi';
import { findRow, findSomeRow, findSomeRows, isLocalized } from '../content-types';
import { callParams, type CallParams } from './params';
import { errors } from '@strapi/utils';
import { currentActing, type Acting } from '../editorial/actor';
import { AUDIT_ENTRY, WORKFLOW_FIELDS, isWorkflowType } from '../editorial/roles';
import { recordStage, recordUnreviewedPublish } from './audit';
import { CLONE_RESET, systemFieldRules, type WriteAction } from '../editorial/system-fields';
import {
  approvalProblem,
  CONFIRM_UNREVIEWED_HEADER,
  isStage,
  isUnreviewedPublish,
  mayChangeSchedule,
  publishProblem,
  stageAfterEdit,
  stageChangeProblem,
  type Stage,
  unreviewedPublishMessage,
} from '../editorial/stages';
import { timeOf } from '../text/dates';

const SCHEDULE_FIELDS = ['scheduledPublishAt', 'scheduledUnpublishAt'] as const;

type Params = CallParams;
interface StoredDraft {
  id: number;
  editorialStage: string | null;
  reviewNote: string | null;
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
  createdBy?: { id: number } | null;
}

function refuse(field: string, message: string): never {
  throw new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError', value: null }],
  });
}

/** Rows of one document (draft or published) in the locale the call names; all locales for `*` or none. */
function rowFilter(documentId: string, locale: string | undefined, published: boolean): Record<string, unknown> {
  return {
    documentId,
    publishedAt: published ? { $notNull: true } : { $null: true },
    ...(locale && locale !== '*' ? { locale } : {}),
  };
}

async function storedDraft(strapi: Core.Strapi, uid: UID.ContentType, params: Params): Promise<StoredDraft | null> {
  if (!params.documentId) return null;
  // A workflow type's draft row with its author (every workflow type has these fields, see roles.ts).
  return findSomeRow<StoredDraft>(strapi, uid, {
    where: rowFilter(params.documentId, params.locale, false),
    populate: ['createdBy'],
  });
}

const time = timeOf;

/** Applies the stage and schedule rules to a create or update; may set the stage (edit sends back). */
async function checkWrite(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  acting: Acting,
  creating: boolean,
) {
  const data = params.data;
  if (!data) return;
  const stored = creating ? null : await storedDraft(strapi, uid, params);
  const from: Stage = isStage(stored?.editorialStage) ? stored.editorialStage : 'nhap';

  if (acting.kind === 'system' && creating && params.status === 'published' && data.editorialStage === undefined) {
    // Content created already published (seed, importer) is by definition out.
    data.editorialStage = 'da_xuat_ban';
  }

  const scheduleChanged = SCHEDULE_FIELDS.find(
    (field) => field in data && time(data[field]) !== time(stored ? stored[field] : null),
  );
  if (scheduleChanged && !mayChangeSchedule(acting.kind)) {
    refuse(scheduleChanged, 'Lịch xuất bản: chỉ trưởng ban biên tập được hẹn giờ xuất bản hoặc gỡ bài.');
  }
  // Who asked for the schedule is ours to record, never the client's to claim.
  if (scheduleChanged && acting.user) data.scheduledById = acting.user.id;
  else if (acting.kind !== 'system') delete data.scheduledById;

  const asked = data.editorialStage;
  if (asked !== undefined && asked !== null && !isStage(asked))
    refuse('editorialStage', 'Trạng thái biên tập không hợp lệ.');
  const to: Stage = isStage(asked) && asked !== from ? asked : stageAfterEdit(acting.kind, from);
  const own = creating || (acting.user !== null && stored?.createdBy?.id === acting.user.id);
  // A text field: input-types.ts has refused anything but a string or null.
  const reviewNote =
    'reviewNote' in data ? (typeof data.reviewNote === 'string' ? data.reviewNote : null) : stored?.reviewNote;
  const problem = stageChangeProblem({ actor: acting.kind, from, to, own, reviewNote });
  if (problem) refuse(problem.field, problem.message);
  // Always written when sent, so an emptied field in the panel cannot leave an entry without a stage.
  if (to !== from || creating || 'editorialStage' in data) data.editorialStage = to;
}

/** Whether the request carries the super admin's confirmation of an unreviewed publication. */
function confirmsUnreviewed(strapi: Core.Strapi): boolean {
  const value = strapi.requestContext.get()?.request?.headers?.[CONFIRM_UNREVIEWED_HEADER];
  return value === 'true' || value === '1';
}

/**
 * Refuses publishing what is not approved; for the super admin, unless confirmed. Returns the stage an
 * unreviewed publication skipped (to record it as such), or null.
 */
async function checkPublish(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  acting: Acting,
): Promise<Stage | null> {
  if (!params.documentId) return null;
  const drafts = await findSomeRows<{ editorialStage: string | null }>(strapi, uid, {
    where: rowFilter(params.documentId, params.locale, false),
    select: ['id', 'editorialStage'],
  });
  let skipped: Stage | null = null;
  for (const draft of drafts) {
    const stage = isStage(draft.editorialStage) ? draft.editorialStage : 'nhap';
    const problem = publishProblem(acting.kind, stage);
    if (problem) refuse('editorialStage', problem);
    if (isUnreviewedPublish(acting.kind, stage)) {
      if (!confirmsUnreviewed(strapi)) refuse('editorialStage', unreviewedPublishMessage(stage));
      skipped = stage;
    }
  }
  return skipped;
}

/** Sets the stage on every row of the document (draft and published copy) without it counting as an edit. */
async function setStage(strapi: Core.Strapi, uid: UID.ContentType, params: Params, stage: Stage, only?: Stage) {
  if (!params.documentId) return;
  await strapi.db.query(uid).updateMany({
    where: {
      documentId: params.documentId,
      ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}),
      ...(only ? { editorialStage: only } : {}),
    },
    data: { editorialStage: stage },
  });
}

const SITE_SETTING = 'api::site-setting.site-setting';
const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
/** Every write action this policy knows; an action Strapi adds later is refused to admin users until it is reviewed. */
const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft', 'delete']);

/** Drops or refuses the system fields of an admin user's write (editorial/system-fields.ts). */
async function checkSystemFields(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  acting: Acting,
  action: WriteAction,
) {
  if (!params.data || !acting.user) return;
  const storedId =
    action === 'update' && 'id' in params.data && params.documentId
      ? ((
          await findSomeRow<{ id: number }>(strapi, uid, {
            where: rowFilter(params.documentId, params.locale, false),
            select: ['id'],
          })
        )?.id ?? null)
      : null;
  const { data, problem } = systemFieldRules(params.data, {
    action,
    documentId: params.documentId,
    storedId,
    locale: params.locale,
    localized: isLocalized(strapi, uid),
    userId: acting.user.id,
  });
  if (problem) refuse(problem.field, problem.message);
  params.data = data;
}

/** The site setting "the approver is not the last author"; on unless an operator turned it off. */
async function separateApproval(strapi: Core.Strapi): Promise<boolean> {
  const setting = await findRow(strapi, SITE_SETTING, { select: ['separateApproval'] });
  return setting?.separateApproval !== false;
}

/**
 * After an approval is written (with any edit made in the same save, which the audit trail, inside this
 * call, has just recorded): refuses it, rolling the whole write back, if the approver wrote the last version.
 */
async function checkApproval(strapi: Core.Strapi, uid: UID.ContentType, params: Params, acting: Acting) {
  if (!params.documentId || !acting.user) return;
  const last = await findRow(strapi, AUDIT_ENTRY, {
    where: {
      contentType: uid,
      entryDocumentId: params.documentId,
      action: { $in: ['create', 'clone', 'update'] },
      ...(params.locale && params.locale !== '*'
        ? { $or: [{ entryLocale: params.locale }, { entryLocale: null }] }
        : {}),
    },
    orderBy: { id: 'desc' },
    select: ['actorId'],
  });
  const problem = approvalProblem({
    actor: acting.kind,
    approverId: acting.user.id,
    lastAuthorId: last?.actorId ?? null,
    separate: await separateApproval(strapi),
  });
  if (problem) refuse(problem.field, problem.message);
}

const reviews = (acting: Acting) => acting.kind === 'reviewer' || acting.kind === 'chief';

async function lastAuditId(strapi: Core.Strapi): Promise<number> {
  const last = await findRow(strapi, AUDIT_ENTRY, { orderBy: { id: 'desc' }, select: ['id'] });
  return last?.id ?? 0;
}

/**
 * Separation of duties, second half: a reviewer or chief who changes the text of an approved entry
 * (an editor's change already sends it back to draft) has written its last version, so that version
 * goes back to "chờ duyệt" for someone else to approve. Only a real change counts: the audit trail,
 * inside this call, has recorded one or not (setting a schedule is not a change of text).
 */
async function reviewAgainAfterEdit(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  acting: Acting,
  from: Stage,
  mark: number,
) {
  if (!params.documentId || !acting.user || !(await separateApproval(strapi))) return;
  const edited = await findRow(strapi, AUDIT_ENTRY, {
    where: { id: { $gt: mark }, action: 'update', contentType: uid, entryDocumentId: params.documentId },
    select: ['id', 'changes'],
  });
  const changed = edited?.changes;
  const changes = typeof changed === 'object' && changed !== null ? Object.keys(changed) : [];
  const workflowFields: readonly string[] = WORKFLOW_FIELDS;
  if (!changes.some((field) => !workflowFields.includes(field))) return;
  await strapi.db.query(uid).updateMany({
    where: rowFilter(params.documentId, params.locale, false),
    data: { editorialStage: 'cho_duyet' },
  });
  await recordStage(strapi, uid, params, { before: from, after: 'cho_duyet' });
}

/**
 * The one place that decides what an admin write may set, for every Document Service action of the
 * project's content types: system fields (identity, timestamps, authorship) are the system's; the
 * editorial chain (nháp → chờ duyệt → đã duyệt → đã xuất bản, or trả lại) and the schedule follow
 * editorial/stages.ts; a clone starts over as the cloning user's draft; an action this policy does not
 * know is refused. Writes without an admin user (seed, schedule, importer) keep their stage freedom.
 */
export function registerWorkflow(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!uid.startsWith('api::') || uid === AUDIT_ENTRY || READS.has(action)) return next();
    const params = callParams(context);
    const acting = currentActing(strapi);
    if (!WRITES.has(action)) {
      if (acting.user) throw new errors.ForbiddenError(`Thao tác “${action}” chưa được phép trong quy trình biên tập.`);
      return next();
    }
    if (action === 'create' || action === 'update' || action === 'clone')
      await checkSystemFields(strapi, uid, params, acting, action);
    if (!isWorkflowType(uid)) return next();

    switch (action) {
      case 'create':
        await checkWrite(strapi, uid, params, acting, true);
        return next();
      case 'update': {
        const from = (await storedDraft(strapi, uid, params))?.editorialStage;
        await checkWrite(strapi, uid, params, acting, false);
        if (params.data?.editorialStage === 'da_duyet' && from !== 'da_duyet')
          return strapi.db.transaction(async () => {
            const result = await next();
            await checkApproval(strapi, uid, params, acting);
            return result;
          });
        if (
          reviews(acting) &&
          (from === 'da_duyet' || from === 'da_xuat_ban') &&
          (params.data?.editorialStage ?? from) === from
        )
          return strapi.db.transaction(async () => {
            const mark = await lastAuditId(strapi);
            const result = await next();
            await reviewAgainAfterEdit(strapi, uid, params, acting, from, mark);
            return result;
          });
        return next();
      }
      // Whoever clones and whatever the source, a copy starts as the cloner's unreviewed, unscheduled draft.
      case 'clone':
        params.data = { ...params.data, ...CLONE_RESET };
        return next();
      // The stage moves in the same transaction as the publication (and its audit record).
      case 'publish':
        return strapi.db.transaction(async () => {
          const skipped = await checkPublish(strapi, uid, params, acting);
          const result = await next();
          await setStage(strapi, uid, params, 'da_xuat_ban');
          if (skipped) await recordUnreviewedPublish(strapi, uid, params, skipped);
          return result;
        });
      case 'unpublish':
        return strapi.db.transaction(async () => {
          const result = await next();
          // The text was approved once: it may go out again without a new review.
          await setStage(strapi, uid, params, 'da_duyet', 'da_xuat_ban');
          return result;
        });
      default:
        return next();
    }
  });
}
