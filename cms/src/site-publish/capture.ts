import type { Core, UID } from '@strapi/strapi';
import { isContentType, type TransactionScope } from '../content-types';
import { enqueueSiteChanges, type SiteChange } from './outbox';
import { changesPublicVersion, NOT_PUBLIC } from './rules';
import { callParams, documentIdOf } from '../document-middlewares/params';

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

/**
 * Records, in the transaction of the write itself (the audit trail's, see src/index.ts), that the
 * site must be rebuilt because of this entry. The whole site is rebuilt, so the entry alone is
 * enough: lists, feeds and pages showing it come with the rebuild.
 */
export function registerSiteCapture(strapi: Core.Strapi, onCommitted: () => void): void {
  strapi.documents.use(async (context, next) => {
    if (!isSiteType(strapi, context.uid)) return next();
    const draftAndPublish = Boolean(strapi.contentType(context.uid).options?.draftAndPublish);
    const params = callParams(context);
    if (!changesPublicVersion(context.action, draftAndPublish, params)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? documentIdOf(result);
      if (documentId) await record(strapi, [{ uid: context.uid, documentId }], onCommitted);
      return result;
    });
  });
}

/** For code that changes an entry without the Document Service: call it in the same transaction. */
export async function recordDirectSiteChange(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  await record(strapi, [{ uid, documentId }], () => {});
}
