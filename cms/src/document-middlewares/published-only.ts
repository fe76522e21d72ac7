import type { Core } from '@strapi/strapi';
import { callParams } from './params';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/**
 * Strapi 5 lets any caller of the content API ask for drafts (`?status=draft` in REST,
 * `status: DRAFT` in GraphQL). Outside the admin panel, reads are forced to published versions,
 * so no token, however it is used, can read a draft.
 */
export function registerPublishedOnlyReads(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (READS.has(context.action)) {
      const request = strapi.requestContext.get();
      const strategy = (request?.state as { auth?: { strategy?: { name?: string } } } | undefined)?.auth?.strategy
        ?.name;
      if (request && strategy !== 'admin') {
        callParams(context).status = 'published';
      }
    }
    return next();
  });
}
