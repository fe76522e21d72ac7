/**
 * Search sync: content changes → outbox (same transaction) → worker → Meilisearch.
 * See outbox.ts, capture.ts and worker.ts; the start-up reconcile and settings live in @portal/search.
 */
import type { Core } from '@strapi/strapi';
import { recordDirectChange, registerOutboxCapture } from './capture';
import { readSearchSyncEnv } from './config';
import { ensureOutboxTable, pendingCount } from './outbox';
import { loadSearchModule } from './search-module';
import { OutboxWorker } from './worker';

let worker: OutboxWorker | undefined;
const wake = () => worker?.wake();

/** Register phase: record changes of every indexed type (and the types their documents show). */
export function registerSearchSync(strapi: Core.Strapi): void {
  registerOutboxCapture(strapi, loadSearchModule().INDEXES, wake);
}

/**
 * Writes that bypass the Document Service (`strapi.db.query(uid).update…`) are invisible to the
 * capture: such code calls this after its update, inside the same transaction.
 */
export async function recordSearchChange(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  await recordDirectChange(strapi, loadSearchModule().INDEXES, uid, documentId, wake);
}

/** Bootstrap phase, before anything writes content: the outbox table, then the worker if configured. */
export async function startSearchSync(strapi: Core.Strapi): Promise<void> {
  const env = readSearchSyncEnv();
  await ensureOutboxTable(strapi);
  const pending = await pendingCount(strapi);
  if (!env.MEILI_URL || !env.MEILI_INDEXING_KEY) {
    strapi.log.info(
      `Search sync: MEILI_URL is not set, so changes are only recorded in the outbox (${pending} waiting) until it is.`,
    );
    return;
  }
  const { INDEXES, createIndexWriter } = loadSearchModule();
  const writer = createIndexWriter({
    url: env.MEILI_URL,
    apiKey: env.MEILI_INDEXING_KEY,
    prefix: env.MEILI_INDEX_PREFIX,
  });
  worker = new OutboxWorker(strapi, INDEXES, writer, {
    batchSize: 100,
    pollMs: env.SEARCH_SYNC_POLL_MS,
    maxRetryMs: env.SEARCH_SYNC_MAX_RETRY_MS,
  });
  worker.start();
  strapi.log.info(`Search sync: applying the outbox to ${env.MEILI_URL} (${pending} change(s) waiting).`);
}

export async function stopSearchSync(): Promise<void> {
  await worker?.stop();
  worker = undefined;
}
