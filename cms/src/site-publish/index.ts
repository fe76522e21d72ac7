/**
 * Site publishing, CMS side: content changes → site outbox (same transaction) → the publisher
 * (scripts/src/publisher/, in the orchestrator's process) claims them, rebuilds the site and reports
 * the build live. See outbox.ts, capture.ts and routes.ts.
 */
import type { Core } from '@strapi/strapi';
import { recordDirectSiteChange, registerSiteCapture } from './capture';
import { ensureSiteOutboxTables, queueState } from './outbox';
import { registerPublisherRoutes } from './routes';

/** Register phase: record every change of a public type. */
export function registerSitePublish(strapi: Core.Strapi): void {
  // The publisher polls; nothing to wake in this process.
  registerSiteCapture(strapi, () => {});
}

/** Writes that bypass the Document Service call this after their update, in the same transaction. */
export async function recordSiteChange(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  await recordDirectSiteChange(strapi, uid, documentId);
}

/** Bootstrap phase, before anything writes content: the tables, then the publisher's routes. */
export async function startSitePublish(strapi: Core.Strapi, publisherToken: string | undefined): Promise<void> {
  await ensureSiteOutboxTables(strapi);
  registerPublisherRoutes(strapi, publisherToken);
  const { pending } = await queueState(strapi);
  strapi.log.info(
    publisherToken
      ? `Site publishing: ${pending} change(s) waiting for the publisher.`
      : `Site publishing: PORTAL_PUBLISHER_TOKEN is not set, so changes are only recorded (${pending} waiting).`,
  );
}
