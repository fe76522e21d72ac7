import type { Core, UID } from '@strapi/strapi';
import { findRows, isContentType, type TransactionScope } from '../content-types';
import { enqueueSiteChanges, type SiteChange } from './outbox';
import { changesPublicVersion, NOT_PUBLIC } from './rules';
import { callParams, documentIdOf } from '../document-middlewares/params';
import { LEGAL_DOCUMENT } from '../legal/validate-legal-document';

/** Every type of ours a page can show: the entries and what they show (categories, agencies, tags…). */
export function isSiteType(strapi: Core.Strapi, uid: string): uid is UID.ContentType {
  return uid.startsWith('api::') && !NOT_PUBLIC.has(uid) && isContentType(strapi, uid);
}

async function record(strapi: Core.Strapi, changes: readonly SiteChange[], onCommitted: () => void): Promise<void> {
  if (changes.length === 0) return;
  await strapi.db.transaction(async ({ trx, onCommit }: TransactionScope) => {
    await enqueueSiteChanges(strapi, trx, changes);
    onCommit(onCommitted);
  });
}

const VALIDITY_CHANGE = 'api::validity-change.validity-change';

/**
 * Whether entries of `uid` are a part of another entry's page: a legal document's validity history. A
 * change to one is recorded as a change of the entry it belongs to, which a build re-reads alone
 * (site/src/lib/content-delta.ts), not as a change of a type the export cannot follow, which makes it
 * read everything (cms/src/site-publish/export.ts EXPORT_SOURCES).
 */
const isPart = (uid: string) => uid === VALIDITY_CHANGE;

/** The entries the part `documentId` belongs to (none when it has no owner, or is gone). */
async function ownersOf(strapi: Core.Strapi, documentId: string): Promise<SiteChange[]> {
  const rows = await findRows(strapi, VALIDITY_CHANGE, {
    where: { documentId },
    select: ['id'],
    populate: { document: { select: ['documentId'] } },
  });
  const owners = new Set(rows.flatMap((row) => (row.document?.documentId ? [row.document.documentId] : [])));
  return [...owners].map((owner) => ({ uid: LEGAL_DOCUMENT, documentId: owner }));
}

/**
 * Records, in the transaction of the write itself (the audit trail's, see src/index.ts), that the
 * site must be updated because of this entry (or, for a part of another entry's page, because of the
 * entries it belonged to before and after the write). The build works out the lists, feeds and pages
 * showing it.
 */
export function registerSiteCapture(strapi: Core.Strapi, onCommitted: () => void): void {
  strapi.documents.use(async (context, next) => {
    if (!isSiteType(strapi, context.uid)) return next();
    const { uid } = context;
    const draftAndPublish = Boolean(strapi.contentType(uid).options?.draftAndPublish);
    const params = callParams(context);
    if (!changesPublicVersion(context.action, draftAndPublish, params)) return next();
    return strapi.db.transaction(async () => {
      const before = isPart(uid) && params.documentId ? await ownersOf(strapi, params.documentId) : [];
      const result = await next();
      const documentId = params.documentId ?? documentIdOf(result);
      if (!documentId) return result;
      const after = isPart(uid) ? await ownersOf(strapi, documentId) : [];
      const owners = new Map([...before, ...after].map((change) => [`${change.uid}/${change.documentId}`, change]));
      // A part without an owner is recorded itself: the build reads everything, as for any type it cannot follow.
      await record(strapi, owners.size ? [...owners.values()] : [{ uid, documentId }], onCommitted);
      return result;
    });
  });
}

/** For code that changes an entry without the Document Service: call it in the same transaction. */
export async function recordDirectSiteChange(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  await record(strapi, [{ uid, documentId }], () => {});
}
