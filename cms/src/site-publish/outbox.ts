/**
 * The site outbox: one row per content change that may alter a public page, written in the same
 * database transaction as the change (like the search outbox, see ../search-sync/outbox.ts), so a
 * committed change always reaches the site, whatever happens to the publisher afterwards.
 *
 * Unlike the search outbox a row is not applied on its own: the site is rebuilt as a whole. The
 * publisher claims every pending row before a build starts (a claim is a build's id) and, once that
 * build is live, deletes exactly the rows it claimed. A row written during a build stays unclaimed,
 * so it gets the next build; rows of a build that failed or whose publisher died are claimed again
 * by the next build. `portal_site_live` keeps, per entry, when a build carrying its last change went
 * live, for the editor's "Đã lên cổng lúc …".
 */
import type { Core } from '@strapi/strapi';
import type { TransactionScope } from '../content-types';

export const SITE_OUTBOX_TABLE = 'portal_site_outbox';
export const SITE_LIVE_TABLE = 'portal_site_live';

type Knex = Core.Strapi['db']['connection'];

export interface SiteChange {
  uid: string;
  documentId: string;
}

const table = (strapi: Core.Strapi, db: Knex, name: string) => {
  const schema = strapi.db.getSchemaName();
  return schema ? db.withSchema(schema).table(name) : db.table(name);
};

export async function ensureSiteOutboxTables(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaName();
  const builder = () => (schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema);
  if (!(await builder().hasTable(SITE_OUTBOX_TABLE))) {
    await builder().createTable(SITE_OUTBOX_TABLE, (t) => {
      t.increments('id');
      t.string('uid', 120).notNullable();
      t.string('document_id', 64).notNullable();
      // Milliseconds since the epoch, by the CMS's clock (the publisher asks for ages, not times).
      t.bigInteger('created_at').notNullable();
      // The id of the build that carries this change; null until a build claims it.
      t.string('claim', 64);
      t.index(['claim'], `${SITE_OUTBOX_TABLE}_claim`);
      t.index(['uid', 'document_id'], `${SITE_OUTBOX_TABLE}_entry`);
    });
  }
  if (!(await builder().hasTable(SITE_LIVE_TABLE))) {
    await builder().createTable(SITE_LIVE_TABLE, (t) => {
      t.string('uid', 120).notNullable();
      t.string('document_id', 64).notNullable();
      t.bigInteger('live_at').notNullable();
      t.string('build', 64).notNullable();
      t.primary(['uid', 'document_id']);
    });
  }
}

/** Records changes inside the caller's transaction (`trx`). */
export async function enqueueSiteChanges(
  strapi: Core.Strapi,
  trx: Knex,
  changes: readonly SiteChange[],
): Promise<void> {
  const now = Date.now();
  const rows = changes.map((change) => ({ uid: change.uid, document_id: change.documentId, created_at: now }));
  for (let i = 0; i < rows.length; i += 200) await table(strapi, trx, SITE_OUTBOX_TABLE).insert(rows.slice(i, i + 200));
}

export interface QueueState {
  /** Changes not carried by a live build yet (claimed by a running or failed build included). */
  pending: number;
  /** Changes no build has claimed yet. */
  unclaimed: number;
  /** Age of the oldest and newest unclaimed change, in ms (null when there is none). */
  oldestAgeMs: number | null;
  newestAgeMs: number | null;
}

export async function queueState(strapi: Core.Strapi): Promise<QueueState> {
  const db = strapi.db.connection;
  const [all] = await table(strapi, db, SITE_OUTBOX_TABLE).count<Array<{ count: number | string }>>({ count: '*' });
  const [open] = await table(strapi, db, SITE_OUTBOX_TABLE)
    .whereNull('claim')
    .count({ count: '*' })
    .min({ oldest: 'created_at' })
    .max<Array<{ count: number | string; oldest: number | string | null; newest: number | string | null }>>({
      newest: 'created_at',
    });
  const now = Date.now();
  const age = (value: number | string | null | undefined) =>
    value === null || value === undefined ? null : Math.max(0, now - Number(value));
  return {
    pending: Number(all?.count ?? 0),
    unclaimed: Number(open?.count ?? 0),
    oldestAgeMs: age(open?.oldest),
    newestAgeMs: age(open?.newest),
  };
}

/**
 * Gives every pending change to this build: unclaimed ones and those of earlier builds that never
 * went live. Only committed rows are visible here, so each claimed change was in the database
 * before the build began reading. One publisher runs at a time (see scripts/src/publisher/).
 */
export async function claimChanges(strapi: Core.Strapi, build: string): Promise<number> {
  return Number(await table(strapi, strapi.db.connection, SITE_OUTBOX_TABLE).update({ claim: build }));
}

/**
 * Past this many distinct entries a build is given no list (null): reading everything again costs
 * less than thousands of single reads, and the answer stays small.
 */
export const MAX_LISTED_CHANGES = 5000;

/** The distinct entries a build's claim carries (null when there are more than MAX_LISTED_CHANGES). */
export async function claimedChanges(strapi: Core.Strapi, build: string): Promise<SiteChange[] | null> {
  const rows = await table(strapi, strapi.db.connection, SITE_OUTBOX_TABLE)
    .where('claim', build)
    .distinct<Array<{ uid: string; document_id: string }>>('uid', 'document_id')
    .orderBy([{ column: 'uid' }, { column: 'document_id' }])
    .limit(MAX_LISTED_CHANGES + 1);
  if (rows.length > MAX_LISTED_CHANGES) return null;
  return rows.map((row) => ({ uid: row.uid, documentId: row.document_id }));
}

/** The build is live: its changes are done, and their entries were live at `liveAt`. */
export async function completeBuild(strapi: Core.Strapi, build: string, liveAt: number): Promise<number> {
  return strapi.db.transaction(async ({ trx }: TransactionScope) => {
    const rows = await table(strapi, trx, SITE_OUTBOX_TABLE)
      .where('claim', build)
      .distinct<Array<{ uid: string; document_id: string }>>('uid', 'document_id');
    for (const row of rows) {
      await table(strapi, trx, SITE_LIVE_TABLE)
        .insert({ uid: row.uid, document_id: row.document_id, live_at: liveAt, build })
        .onConflict(['uid', 'document_id'])
        .merge(['live_at', 'build']);
    }
    return Number(await table(strapi, trx, SITE_OUTBOX_TABLE).where('claim', build).delete());
  });
}

export interface EntryPublicState {
  /** 'pending': a change waits for a build; 'live': its last change is on the portal; 'unknown': no record. */
  state: 'pending' | 'live' | 'unknown';
  liveAt: number | null;
  /** The release that carried its last change live. */
  build: string | null;
}

export async function entryPublicState(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<EntryPublicState> {
  const db = strapi.db.connection;
  const [waiting] = await table(strapi, db, SITE_OUTBOX_TABLE)
    .where({ uid, document_id: documentId })
    .count<Array<{ count: number | string }>>({ count: '*' });
  const live = await table(strapi, db, SITE_LIVE_TABLE)
    .where({ uid, document_id: documentId })
    .first<{ live_at: number | string; build: string } | undefined>('live_at', 'build');
  const liveAt = live ? Number(live.live_at) : null;
  const build = live?.build ?? null;
  if (Number(waiting?.count ?? 0) > 0) return { state: 'pending', liveAt, build };
  return { state: live ? 'live' : 'unknown', liveAt, build };
}
