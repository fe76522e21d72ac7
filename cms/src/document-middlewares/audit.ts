import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID, Utils } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActing, fullName, type Acting } from '../editorial/actor';
import { diffFields, entryTitle, NOISY_FIELDS, type Changes } from '../editorial/audit-diff';
import type { AuditAction } from '../editorial/audit-actions';
import { AUDIT_ENTRY, CITIZEN_INPUT_TYPES, TAXONOMY_TYPES, WORKFLOW_TYPES } from '../editorial/roles';
import { PERSONAL_FIELDS } from '../questions/questions';
import { COMMENT_PERSONAL_FIELDS } from '../consultations/consultations';
import { callParams, documentIdOf } from './params';
import { fieldOf } from './relation-input';
import { findSomeRow } from '../content-types';

/** Never copied into the trail (see diffFields). */
const PERSONAL = new Set<string>([...PERSONAL_FIELDS, ...COMMENT_PERSONAL_FIELDS]);

const AUDITED = new Set<string>([...WORKFLOW_TYPES, ...TAXONOMY_TYPES, ...CITIZEN_INPUT_TYPES]);
const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
const ACTIONS: Record<string, AuditAction> = {
  create: 'create',
  clone: 'clone',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard',
  delete: 'delete',
};
/** Components and dynamic zones are nested documents of their own; the trail records the entry's fields. */
const NOT_AUDITED = new Set(['component', 'dynamiczone']);

type Row = Record<string, unknown> | null;
interface Params {
  documentId?: string | null;
  locale?: string;
}

/** Set only while this module writes an entry: the one writer the append-only guard lets through. */
const auditWriter = new AsyncLocalStorage<true>();

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
}

/** The fields the trail compares, and which of them link to other entries or files. */
function auditedFields(strapi: Core.Strapi, uid: UID.ContentType) {
  const attributes: Record<string, Attribute> = strapi.contentType(uid).attributes;
  const entries = Object.entries(attributes).filter(
    ([name, attribute]) =>
      !NOT_AUDITED.has(attribute.type) &&
      !NOISY_FIELDS.has(name) &&
      // Polymorphic links have no single target to name.
      !(attribute.type === 'relation' && !attribute.target),
  );
  return {
    all: entries.map(([name]) => name),
    links: entries
      .filter(([, a]) => a.type === 'relation' || a.type === 'media')
      .map(([name, a]): [string, string] => [name, a.type]),
  };
}

/** A linked entry is named by its documentId, a file by its name: stable and readable in the trail. */
function linkValue(value: unknown): unknown {
  const name = (item: unknown) => {
    return fieldOf(item, 'documentId') ?? fieldOf(item, 'name') ?? null;
  };
  if (Array.isArray(value)) return value.map(name).sort();
  return value ? name(value) : null;
}

async function draftRow(strapi: Core.Strapi, uid: UID.ContentType, params: Params): Promise<Row> {
  if (!params.documentId) return null;
  const { links } = auditedFields(strapi, uid);
  const row = await findSomeRow<NonNullable<Row>>(strapi, uid, {
    where: {
      documentId: params.documentId,
      // Types without draft and publish have only published rows.
      ...(strapi.contentType(uid).options?.draftAndPublish ? { publishedAt: { $null: true } } : {}),
      ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}),
    },
    populate: Object.fromEntries(
      links.map(([name, type]) => [name, { select: type === 'media' ? ['id', 'name'] : ['id', 'documentId'] }]),
    ),
  });
  if (!row) return null;
  for (const [name] of links) row[name] = linkValue(row[name]);
  return row;
}

async function write(
  strapi: Core.Strapi,
  acting: Acting,
  entry: { action: AuditAction; uid: string; row: Row; params: Params; changes?: Changes },
) {
  const onBehalfOf = acting.onBehalfOf
    ? `${fullName(acting.onBehalfOf)} <${acting.onBehalfOf.email ?? ''}> (#${acting.onBehalfOf.id})`
    : null;
  const rowDocumentId = entry.row?.documentId;
  const documentId = typeof rowDocumentId === 'string' ? rowDocumentId : (entry.params.documentId ?? '');
  const rowLocale = entry.row?.locale;
  const locale = (typeof rowLocale === 'string' ? rowLocale : undefined) ?? entry.params.locale ?? null;
  await auditWriter.run(true, () =>
    strapi.documents(AUDIT_ENTRY).create({
      data: {
        at: new Date().toISOString(),
        action: entry.action,
        actorName: acting.name,
        // Unset fields stay empty (null) in the row.
        actorId: acting.user?.id ?? undefined,
        actorEmail: acting.user?.email ?? undefined,
        onBehalfOf: onBehalfOf ?? undefined,
        contentType: entry.uid,
        entryDocumentId: documentId,
        entryLocale: locale === '*' || locale === null ? undefined : locale,
        entryTitle: entryTitle(entry.row) ?? undefined,
        changes: (entry.changes ?? undefined) as Utils.JSONValue | undefined,
      },
    }),
  );
}

/** A stage change made by the editorial rules themselves (not sent by the client), as its own line. */
export async function recordStage(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  change: { before: string; after: string },
): Promise<void> {
  const row = await draftRow(strapi, uid, params);
  await write(strapi, currentActing(strapi), {
    action: 'stage',
    uid,
    row,
    params,
    changes: { editorialStage: change },
  });
}

/** An audit line about a change made by the system or a side effect (no Document Service call of its own). */
async function recordChange(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  action: AuditAction,
  changes: Changes,
): Promise<void> {
  const params = { documentId };
  const row = await draftRow(strapi, uid, params);
  await write(strapi, currentActing(strapi), { action, uid, row, params, changes });
}

/**
 * Personal data cleared by the retention job (questions/retention.ts): which fields, never their values,
 * and after how many months.
 */
export async function recordPersonalDataCleared(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  fields: string[],
  months: number,
): Promise<void> {
  await recordChange(strapi, uid, documentId, 'update', {
    personalDataCleared: { before: null, after: { fields, retentionMonths: months } },
  });
}

/**
 * A person's data handed out on request (NĐ 13/2023, questions/personal-data.ts): which record, on what
 * request and which fields, never their values.
 */
export async function recordPersonalDataExported(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  request: { matchedBy: string[]; fields: string[] },
): Promise<void> {
  await recordChange(strapi, uid, documentId, 'export', {
    personalDataExported: { before: null, after: request },
  });
}

/**
 * A question's due date recounted because the working-day calendar changed (questions/deadline.ts), under
 * whoever edited the calendar.
 */
export async function recordDueDateMoved(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  change: { before: string; after: string },
): Promise<void> {
  await recordChange(strapi, uid, documentId, 'update', { answerDueDate: change });
}

/** A publication the super admin confirmed without the entry being approved ("xuất bản không qua duyệt"). */
export async function recordUnreviewedPublish(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: Params,
  skipped: string,
): Promise<void> {
  const row = await draftRow(strapi, uid, params);
  await write(strapi, currentActing(strapi), {
    action: 'publish_unreviewed',
    uid,
    row,
    params,
    changes: { editorialStage: { before: skipped, after: 'da_xuat_ban' } },
  });
}

/** A media file as the trail and the media lock read it. */
export interface FileRecord {
  id: number;
  documentId?: string | null;
  name?: string | null;
  size?: number | null;
  mime?: string | null;
  hash?: string | null;
  alternativeText?: string | null;
}

/** A file as the trail shows it: enough to tell two versions apart. */
const fileVersion = (file: FileRecord | undefined) =>
  file ? { name: file.name ?? null, size: file.size ?? null, mime: file.mime ?? null } : null;

/**
 * A media-library replace, delete or change of information (document-middlewares/media-lock.ts), or its
 * refusal, in the trail under the file: `refuse` names what was attempted, why, and the entries that hold
 * the file; a change of information records the fields it changed, before and after.
 */
export async function recordFileAction(
  strapi: Core.Strapi,
  entry: {
    action: 'update' | 'delete' | 'refuse';
    attempted: 'replace' | 'delete' | 'info';
    file: FileRecord;
    after?: FileRecord;
    info?: Changes;
    linkedTo?: Array<{ uid: string; documentId: string }>;
    reason?: string;
  },
): Promise<void> {
  const { file } = entry;
  const changes: Changes =
    entry.action === 'refuse'
      ? {
          attempted: { before: null, after: entry.attempted },
          reason: { before: null, after: entry.reason ?? null },
          linkedTo: { before: null, after: (entry.linkedTo ?? []).map((e) => `${e.uid}/${e.documentId}`) },
        }
      : entry.action === 'update'
        ? (entry.info ?? { file: { before: fileVersion(file), after: fileVersion(entry.after) } })
        : { file: { before: fileVersion(file), after: null } };
  await write(strapi, currentActing(strapi), {
    action: entry.action,
    uid: 'plugin::upload.file',
    row: { documentId: file.documentId ?? String(file.id), name: file.name ?? null },
    params: {},
    changes,
  });
}

/**
 * The audit trail (Audit Logs are Enterprise-only): every create, clone, update, stage change, publish,
 * unpublish, discard and delete of editorial content, with who, when and the before/after of the
 * changed fields. Written after the action succeeded, in the same Document Service call.
 */
export function registerAuditTrail(strapi: Core.Strapi): void {
  // Append-only, for every caller including the super admin: only this module writes, nobody edits.
  strapi.documents.use(async (context, next) => {
    if (context.uid !== AUDIT_ENTRY || READS.has(context.action)) return next();
    if (context.action === 'create' && auditWriter.getStore()) return next();
    throw new errors.ForbiddenError('Nhật ký biên tập chỉ do hệ thống ghi thêm; không ai được sửa hoặc xoá.');
  });

  strapi.documents.use(async (context, next) => {
    const action = ACTIONS[context.action];
    if (!AUDITED.has(context.uid) || !action) return next();
    const { uid } = context;
    const params = callParams(context);
    const acting = currentActing(strapi);
    const fields = auditedFields(strapi, uid).all;
    // One transaction: an action whose record cannot be written does not happen either.
    return strapi.db.transaction(async () => {
      const before = action === 'create' ? null : await draftRow(strapi, uid, params);
      const result = await next();
      const created = result as Row;

      if (action === 'create') {
        const documentId = created?.documentId;
        const after = await draftRow(strapi, uid, {
          documentId: typeof documentId === 'string' ? documentId : undefined,
          locale: params.locale,
        });
        await write(strapi, acting, {
          action,
          uid,
          row: after ?? created,
          params,
          changes: diffFields(null, after, fields, PERSONAL),
        });
      } else if (action === 'clone') {
        // A copy is a new entry: the trail shows what it starts with and which entry it came from.
        const copy = { documentId: documentIdOf(result), locale: params.locale };
        const after = await draftRow(strapi, uid, copy);
        await write(strapi, acting, {
          action,
          uid,
          row: after,
          params: copy,
          changes: {
            ...diffFields(null, after, fields, PERSONAL),
            clonedFrom: { before: null, after: params.documentId ?? null },
          },
        });
      } else if (action === 'update') {
        const after = await draftRow(strapi, uid, params);
        const { editorialStage, ...edits } = diffFields(before, after, fields, PERSONAL);
        // A stage change is its own line in the trail, with the reviewer's reason beside it.
        const stage: Changes | null = editorialStage ? { editorialStage } : null;
        if (stage && edits.reviewNote) {
          stage.reviewNote = edits.reviewNote;
          delete edits.reviewNote;
        }
        if (Object.keys(edits).length > 0)
          await write(strapi, acting, { action, uid, row: after, params, changes: edits });
        if (stage) await write(strapi, acting, { action: 'stage', uid, row: after, params, changes: stage });
      } else {
        await write(strapi, acting, { action, uid, row: before, params });
      }
      return result;
    });
  });
}
