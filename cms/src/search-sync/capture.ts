import type { Core } from '@strapi/strapi';
import { findRows, isContentType, type TransactionScope } from '../content-types';
import { callParams, documentIdOf } from '../document-middlewares/params';
import { changesPublicVersion } from '../site-publish/rules';
import { ABBREVIATION_UID } from './abbreviations';
import { enqueue, type OutboxKey } from './outbox';
import type { SearchIndex } from './search-module';

/** Document Service actions that can change what is published. */
const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);

/** Every row (draft, published, each locale) of the entries matching `where`, as outbox keys. */
async function entryKeys(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<OutboxKey[]> {
  if (!isContentType(strapi, uid)) throw new Error(`Search indexes ${uid}, which is not a content type of this CMS`);
  const localized = 'locale' in strapi.contentType(uid).attributes;
  const rows = await findRows(strapi, uid, { where, select: localized ? ['documentId', 'locale'] : ['documentId'] });
  return rows.map((row) => ({ uid, documentId: row.documentId, locale: row.locale ?? '' }));
}

/** The index entries a write to (uid, documentId) can change: the entry itself and those showing it. */
async function affectedKeys(
  strapi: Core.Strapi,
  indexes: readonly SearchIndex[],
  uid: string,
  documentId: string,
): Promise<OutboxKey[]> {
  const keys: OutboxKey[] = [];
  // An abbreviation is not a document: its row tells the worker to push the synonyms again.
  if (uid === ABBREVIATION_UID) return [{ uid, documentId, locale: '' }];
  if (indexes.some((index) => index.uid === uid)) keys.push(...(await entryKeys(strapi, uid, { documentId })));
  for (const index of indexes) {
    for (const dependency of index.dependsOn ?? []) {
      if (dependency.uid === uid)
        keys.push(...(await entryKeys(strapi, index.uid, { [dependency.via]: { documentId } })));
    }
  }
  return keys;
}

/**
 * Records, in the current transaction (or a new one), that these keys must be synced, and wakes the
 * worker once it commits.
 */
async function record(strapi: Core.Strapi, keys: readonly OutboxKey[], onCommitted: () => void): Promise<void> {
  const unique = new Map(keys.map((key) => [`${key.uid}|${key.documentId}|${key.locale}`, key]));
  if (unique.size === 0) return;
  await strapi.db.transaction(async ({ trx, onCommit }: TransactionScope) => {
    await enqueue(strapi, trx, [...unique.values()]);
    onCommit(onCommitted);
  });
}

/**
 * Records, in the transaction of the write itself, which index entries a write may have changed.
 * Affected rows are looked up before (a delete removes them and their links) and after (a create
 * makes them) the write. Over-recording is harmless: the worker re-reads the published state. A write
 * that leaves the published version alone (saving a draft: every citizen's question and comment as it
 * arrives, every editor's save) cannot change the index, so it records nothing, by the site publisher's
 * rule (site-publish/rules.ts): no outbox row, no worker round to Meilisearch.
 */
export function registerOutboxCapture(
  strapi: Core.Strapi,
  indexes: readonly SearchIndex[],
  onCommitted: () => void,
): void {
  const watched = new Set([
    ...indexes.flatMap((index) => [index.uid, ...(index.dependsOn ?? []).map((d) => d.uid)]),
    ABBREVIATION_UID,
  ]);
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || !watched.has(context.uid)) return next();
    const { uid } = context;
    const params = callParams(context);
    const draftAndPublish = Boolean(strapi.contentType(uid).options?.draftAndPublish);
    if (!changesPublicVersion(context.action, draftAndPublish, params)) return next();
    return strapi.db.transaction(async () => {
      const before = params.documentId ? await affectedKeys(strapi, indexes, uid, params.documentId) : [];
      const result = await next();
      const documentId = params.documentId ?? documentIdOf(result);
      const after = documentId ? await affectedKeys(strapi, indexes, uid, documentId) : [];
      await record(strapi, [...before, ...after], onCommitted);
      return result;
    });
  });
}

/**
 * For code that changes an entry without the Document Service (a direct `strapi.db.query` update,
 * e.g. a derived status): call it in the same transaction, after the change.
 */
export async function recordDirectChange(
  strapi: Core.Strapi,
  indexes: readonly SearchIndex[],
  uid: string,
  documentId: string,
  onCommitted: () => void,
): Promise<void> {
  await record(strapi, await affectedKeys(strapi, indexes, uid, documentId), onCommitted);
}
