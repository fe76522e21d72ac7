import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActing, type Acting } from '../editorial/actor';
import { WORKFLOW_TYPES } from '../editorial/roles';
import {
  isStage,
  mayChangeSchedule,
  publishProblem,
  stageAfterEdit,
  stageChangeProblem,
  type Stage,
} from '../editorial/stages';

const WORKFLOW = new Set<string>(WORKFLOW_TYPES);
const SCHEDULE_FIELDS = ['scheduledPublishAt', 'scheduledUnpublishAt'] as const;

type Data = Record<string, unknown>;
interface Params {
  data?: Data;
  documentId?: string;
  locale?: string;
  status?: string;
}
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

async function storedDraft(strapi: Core.Strapi, uid: string, params: Params): Promise<StoredDraft | null> {
  if (!params.documentId) return null;
  return (await strapi.db.query(uid as UID.ContentType).findOne({
    where: rowFilter(params.documentId, params.locale, false),
    populate: ['createdBy'],
  })) as StoredDraft | null;
}

const time = (value: unknown) => (value ? new Date(String(value)).getTime() : null);

/** Applies the stage and schedule rules to a create or update; may set the stage (edit sends back). */
async function checkWrite(strapi: Core.Strapi, uid: string, params: Params, acting: Acting, creating: boolean) {
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
  const reviewNote = 'reviewNote' in data ? (data.reviewNote as string | null) : stored?.reviewNote;
  const problem = stageChangeProblem({ actor: acting.kind, from, to, own, reviewNote });
  if (problem) refuse(problem.field, problem.message);
  // Always written when sent, so an emptied field in the panel cannot leave an entry without a stage.
  if (to !== from || creating || 'editorialStage' in data) data.editorialStage = to;
}

async function checkPublish(strapi: Core.Strapi, uid: string, params: Params, acting: Acting) {
  if (!params.documentId) return;
  const drafts = (await strapi.db.query(uid as UID.ContentType).findMany({
    where: rowFilter(params.documentId, params.locale, false),
    select: ['id', 'editorialStage'],
  })) as Array<{ editorialStage: string | null }>;
  for (const draft of drafts) {
    const problem = publishProblem(acting.kind, isStage(draft.editorialStage) ? draft.editorialStage : 'nhap');
    if (problem) refuse('editorialStage', problem);
  }
}

/** Sets the stage on every row of the document (draft and published copy) without it counting as an edit. */
async function setStage(strapi: Core.Strapi, uid: string, params: Params, stage: Stage, only?: Stage) {
  if (!params.documentId) return;
  await strapi.db.query(uid as UID.ContentType).updateMany({
    where: {
      documentId: params.documentId,
      ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}),
      ...(only ? { editorialStage: only } : {}),
    },
    data: { editorialStage: stage },
  });
}

/**
 * The editorial chain (nháp → chờ duyệt → đã duyệt → đã xuất bản, or trả lại), enforced for every write
 * made by an admin user, whatever the client: the rules themselves are pure (editorial/stages.ts).
 * Writes without an admin user (seed, schedule, importer) are not restricted.
 */
export function registerWorkflow(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!WORKFLOW.has(context.uid)) return next();
    const params = context.params as Params;
    const acting = currentActing(strapi);
    switch (context.action) {
      case 'create':
      case 'update':
        await checkWrite(strapi, context.uid, params, acting, context.action === 'create');
        return next();
      // The stage moves in the same transaction as the publication (and its audit record).
      case 'publish':
        return strapi.db.transaction(async () => {
          await checkPublish(strapi, context.uid, params, acting);
          const result = await next();
          await setStage(strapi, context.uid, params, 'da_xuat_ban');
          return result;
        });
      case 'unpublish':
        return strapi.db.transaction(async () => {
          const result = await next();
          // The text was approved once: it may go out again without a new review.
          await setStage(strapi, context.uid, params, 'da_duyet', 'da_xuat_ban');
          return result;
        });
      default:
        return next();
    }
  });
}
