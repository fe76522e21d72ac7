import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { ABBREVIATION_UID, abbreviationGroup } from './abbreviations';
import { dueRows, markDone, scheduleRetry, type OutboxRow } from './outbox';
import type { IndexChange, IndexWriter, SearchIndex } from './search-module';
import { findRows, isContentType } from '../content-types';
import { errorMessage as message } from '../errors';

export interface WorkerOptions {
  /** Rows per batch: one Meilisearch task per index and kind (add/delete) per batch. */
  batchSize: number;
  /** How often to look for due rows when nothing woke the worker (retries come due this way). */
  pollMs: number;
  maxRetryMs: number;
}

/**
 * Applies the outbox to Meilisearch in the CMS process. Each row says only which entry to look at;
 * the worker reads that entry's current published version and upserts its document, or deletes the
 * document when there is none. So rows are idempotent and their order does not matter: a retry, a
 * duplicate or a row replayed after a crash all end in the same index.
 *
 * Rows are deleted only after Meilisearch reports the tasks succeeded; on failure they get a later
 * try (exponential backoff). The worker runs between requests (timers), never inside a content
 * write's transaction, so editors never wait for search. Several CMS processes may each run one:
 * rows are idempotent, so the worst case is a change applied twice.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private wokenWhileBusy = false;
  private stopped = false;
  private lastWarningAt = 0;
  private readonly byUid: Map<string, SearchIndex>;
  /**
   * Runs a function in the context the worker was created in (bootstrap). wake() is called from a
   * request's commit; without this, every later tick would inherit that request's context (its
   * user, its auth strategy) and keep it alive.
   */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(
    private readonly strapi: Core.Strapi,
    indexes: readonly SearchIndex[],
    private readonly writer: IndexWriter,
    private readonly options: WorkerOptions,
  ) {
    this.byUid = new Map(indexes.map((index) => [index.uid, index]));
  }

  start(): void {
    this.schedule(0);
  }

  /** A write committed: look now instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.current) this.wokenWhileBusy = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.detached(() => void this.tick()), delay);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.current) return;
    let full = false;
    this.current = this.runBatch().then(
      (wasFull) => {
        full = wasFull;
      },
      (error: unknown) => this.warn(`Search sync: reading the outbox failed: ${message(error)}`),
    );
    await this.current;
    this.current = undefined;
    if (this.stopped) return;
    const again = full || this.wokenWhileBusy;
    this.wokenWhileBusy = false;
    this.schedule(again ? 0 : this.options.pollMs);
  }

  /** One batch of due rows; true when the batch was full (more may be waiting). */
  private async runBatch(): Promise<boolean> {
    const rows = await dueRows(this.strapi, this.options.batchSize);
    if (rows.length === 0) return false;

    const groups = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = `${row.uid}|${row.documentId}|${row.locale}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const changes = new Map<string, IndexChange>();
    const prepared: OutboxRow[] = [];
    const done: OutboxRow[] = [];
    const failed: Array<{ rows: OutboxRow[]; error: string }> = [];
    // Any change to the abbreviations: the whole list is read again and pushed once, so the order and
    // number of rows do not matter.
    const abbreviationRows = rows.filter((row) => row.uid === ABBREVIATION_UID);
    if (abbreviationRows.length > 0) {
      try {
        await this.writer.applySynonyms(await this.editorAbbreviations());
        done.push(...abbreviationRows);
      } catch (error) {
        failed.push({ rows: abbreviationRows, error: `synonyms: ${message(error)}` });
      }
    }
    for (const group of groups.values()) {
      const [first] = group;
      if (!first) continue;
      const { uid, documentId, locale } = first;
      if (uid === ABBREVIATION_UID) continue;
      const index = this.byUid.get(uid);
      // The type is no longer indexed (or no longer exists): nothing to do.
      if (!index || !isContentType(this.strapi, uid)) {
        done.push(...group);
        continue;
      }
      try {
        const change = changes.get(uid) ?? { index, upserts: [], deletes: [] };
        changes.set(uid, change);
        const entry = await this.strapi.documents(uid).findOne({
          documentId,
          ...(locale ? { locale } : {}),
          status: 'published',
          populate: index.populate,
        });
        const key = index.keyOf(documentId, locale);
        if (entry) {
          const document = index.toDocument(entry);
          if (document.id !== key) throw new Error(`toDocument made id ${document.id}, expected ${key}`);
          change.upserts.push(document);
        } else {
          change.deletes.push(key);
        }
        prepared.push(...group);
      } catch (error) {
        failed.push({ rows: group, error: `${uid} ${documentId} ${locale}: ${message(error)}` });
      }
    }

    const nonEmpty = [...changes.values()].filter((c) => c.upserts.length > 0 || c.deletes.length > 0);
    try {
      await this.writer.apply(nonEmpty);
      done.push(...prepared);
    } catch (error) {
      failed.push({ rows: prepared, error: message(error) });
    }

    await markDone(
      this.strapi,
      done.map((row) => row.id),
    );
    for (const failure of failed) {
      await scheduleRetry(this.strapi, failure.rows, failure.error, this.options.maxRetryMs);
      this.warn(`Search sync: ${failure.rows.length} change(s) will be retried: ${failure.error}`);
    }
    return rows.length === this.options.batchSize;
  }

  /** The synonym groups of every valid abbreviation entry. */
  private async editorAbbreviations(): Promise<string[][]> {
    const entries = await findRows(this.strapi, ABBREVIATION_UID, {
      select: ['abbreviation', 'expansions'],
      orderBy: { id: 'asc' },
    });
    return entries.map(abbreviationGroup).filter((group): group is string[] => group !== undefined);
  }

  /** While Meilisearch is down every batch fails: say so at most every 10 s, not for every batch. */
  private warn(text: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 10_000) return;
    this.lastWarningAt = now;
    this.strapi.log.warn(text);
  }
}
