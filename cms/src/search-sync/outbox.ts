/**
 * The search outbox: one row per "sync this entry (content type, documentId, locale)", written in
 * the same database transaction as the content change, so a change that is committed is never
 * forgotten, whatever happens to Meilisearch or to this process afterwards.
 *
 * A plain table (not a content type): it needs no admin view, API or GraphQL type, and Strapi's
 * schema sync leaves tables it did not create alone. Knex keeps it portable (SQLite, PostgreSQL).
 */
import type { Core } from '@strapi/strapi';

export const OUTBOX_TABLE = 'portal_search_outbox';

type Knex = Core.Strapi['db']['connection'];

export interface OutboxKey {
  uid: string;
  documentId: string;
  /** '' for content types without locales. */
  locale: string;
}

export interface OutboxRow extends OutboxKey {
  id: number;
  attempts: number;
}

const table = (strapi: Core.Strapi, db: Knex) => {
  const schema = strapi.db.getSchemaName();
  return schema ? db.withSchema(schema).table(OUTBOX_TABLE) : db.table(OUTBOX_TABLE);
};

export async function ensureOutboxTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaName();
  const builder = () => (schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema);
  if (await builder().hasTable(OUTBOX_TABLE)) return;
  await builder().createTable(OUTBOX_TABLE, (t) => {
    t.increments('id');
    t.string('uid', 120).notNullable();
    t.string('document_id', 64).notNullable();
    t.string('locale', 16).notNullable().defaultTo('');
    t.integer('attempts').notNullable().defaultTo(0);
    // Milliseconds since the epoch: compared as numbers on every database.
    t.bigInteger('next_attempt_at').notNullable();
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.index(['next_attempt_at', 'id'], `${OUTBOX_TABLE}_due`);
  });
}

/** Records changes inside the caller's transaction (`trx`). */
export async function enqueue(strapi: Core.Strapi, trx: Knex, keys: readonly OutboxKey[]): Promise<void> {
  const now = Date.now();
  const rows = keys.map((key) => ({
    uid: key.uid,
    document_id: key.documentId,
    locale: key.locale,
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  }));
  // SQLite limits bound parameters per statement; 100 rows × 6 columns stays well under it.
  for (let i = 0; i < rows.length; i += 100) await table(strapi, trx).insert(rows.slice(i, i + 100));
}

/** The oldest rows that are due, in the order they were written. */
export async function dueRows(strapi: Core.Strapi, limit: number): Promise<OutboxRow[]> {
  const rows = await table(strapi, strapi.db.connection)
    .select<Array<{ id: number; uid: string; document_id: string; locale: string | null; attempts: number }>>(
      'id',
      'uid',
      'document_id',
      'locale',
      'attempts',
    )
    .where('next_attempt_at', '<=', Date.now())
    .orderBy('id')
    .limit(limit);
  return rows.map((row) => ({
    id: Number(row.id),
    uid: row.uid,
    documentId: row.document_id,
    locale: row.locale ?? '',
    attempts: Number(row.attempts),
  }));
}

export async function markDone(strapi: Core.Strapi, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await table(strapi, strapi.db.connection)
      .whereIn('id', ids.slice(i, i + 500))
      .delete();
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … up to maxMs. */
export function retryDelay(attempts: number, maxMs: number): number {
  const base = Math.min(maxMs, 500 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + Math.random() * 0.25));
}

/** Puts rows back for a later try, further away with every failed attempt. */
export async function scheduleRetry(
  strapi: Core.Strapi,
  rows: readonly OutboxRow[],
  error: string,
  maxMs: number,
): Promise<void> {
  const byAttempts = new Map<number, number[]>();
  for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row.id]);
  for (const [attempts, ids] of byAttempts) {
    await table(strapi, strapi.db.connection)
      .whereIn('id', ids)
      .update({
        attempts: attempts + 1,
        next_attempt_at: Date.now() + retryDelay(attempts + 1, maxMs),
        last_error: error.slice(0, 2000),
      });
  }
}

/** Rows not applied yet (due or waiting for a retry). */
export async function pendingCount(strapi: Core.Strapi): Promise<number> {
  const [row] = await table(strapi, strapi.db.connection).count<Array<{ count: number | string }>>({ count: '*' });
  return Number(row?.count ?? 0);
}
