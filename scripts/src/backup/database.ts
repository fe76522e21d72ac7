/**
 * The CMS database as the backup sees it: where it is (the same settings the CMS reads, see
 * cms/config/database.ts), how many entries each content type has, and for SQLite a consistent copy while
 * the portal runs: `VACUUM INTO` writes a compacted, transactionally consistent copy (in WAL mode editors
 * keep writing meanwhile). PostgreSQL's dump and restore are in postgres.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CMS_DIR } from '../services/index.ts';

export type DatabaseTarget =
  | { client: 'sqlite'; file: string }
  | { client: 'postgres'; env: Record<string, string>; schema: string; label: string };

/** Where the CMS keeps its data, from the same variables cms/config/database.ts reads. */
export function databaseTarget(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const client = env.DATABASE_CLIENT?.trim() || 'sqlite';
  if (client === 'sqlite') {
    // The CMS runs in cms/, so a relative DATABASE_FILENAME is relative to that folder.
    const file = env.DATABASE_FILENAME?.trim()
      ? path.resolve(CMS_DIR, env.DATABASE_FILENAME.trim())
      : path.join(dataDir, 'cms', 'data.db');
    return { client, file };
  }
  if (client !== 'postgres') throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  // libpq's own variables: the password never appears on a command line.
  const pg: Record<string, string> = {
    PGHOST: env.DATABASE_HOST || '127.0.0.1',
    PGPORT: env.DATABASE_PORT || '5432',
    PGDATABASE: env.DATABASE_NAME || 'portal',
    PGUSER: env.DATABASE_USERNAME || 'portal',
    PGPASSWORD: env.DATABASE_PASSWORD || '',
    PGSSLMODE: env.DATABASE_SSL === 'true' ? 'verify-full' : 'prefer',
  };
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    if (url.hostname) pg.PGHOST = decodeURIComponent(url.hostname);
    if (url.port) pg.PGPORT = url.port;
    if (url.pathname.length > 1) pg.PGDATABASE = decodeURIComponent(url.pathname.slice(1));
    if (url.username) pg.PGUSER = decodeURIComponent(url.username);
    if (url.password) pg.PGPASSWORD = decodeURIComponent(url.password);
  }
  return {
    client,
    env: pg,
    schema: env.DATABASE_SCHEMA || 'public',
    label: `postgres://${pg.PGUSER}@${pg.PGHOST}:${pg.PGPORT}/${pg.PGDATABASE}`,
  };
}

/** Collection tables of the content types (cms/src/api/* schemas), plus the media library's. */
export function contentTables(): Array<{ uid: string; table: string; draftAndPublish: boolean }> {
  const api = path.join(CMS_DIR, 'src', 'api');
  const tables = [{ uid: 'plugin::upload.file', table: 'files', draftAndPublish: false }];
  for (const name of readdirSync(api).sort()) {
    const schemaFile = path.join(api, name, 'content-types', name, 'schema.json');
    if (!existsSync(schemaFile)) continue;
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      collectionName: string;
      options?: { draftAndPublish?: boolean };
    };
    tables.push({
      uid: `api::${name}.${name}`,
      table: schema.collectionName,
      draftAndPublish: schema.options?.draftAndPublish === true,
    });
  }
  return tables;
}

export const countSql = (table: string, draftAndPublish: boolean) =>
  draftAndPublish
    ? `SELECT count(DISTINCT document_id) AS entries, count(DISTINCT CASE WHEN published_at IS NOT NULL THEN document_id END) AS published FROM "${table}"`
    : `SELECT count(*) AS entries, count(*) AS published FROM "${table}"`;

export type Counts = Record<string, { entries: number; published: number }>;

/** Entries per content type in an SQLite file (tables that do not exist yet are left out). */
export function countSqlite(file: string): Counts {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const existing = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (r) => r.name,
      ),
    );
    const counts: Counts = {};
    for (const { uid, table, draftAndPublish } of contentTables()) {
      if (!existing.has(table)) continue;
      const row = db.prepare(countSql(table, draftAndPublish)).get() as { entries: number; published: number };
      counts[uid] = { entries: Number(row.entries), published: Number(row.published) };
    }
    return counts;
  } finally {
    db.close();
  }
}

/** A consistent copy of a live SQLite database, checked with integrity_check. */
export function snapshotSqlite(file: string, out: string): void {
  if (!existsSync(file)) throw new Error(`Không có cơ sở dữ liệu / No database at ${file}: nothing to back up`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    // Waits for a writer's lock instead of failing at once (only in rollback-journal mode).
    db.exec('PRAGMA busy_timeout = 60000');
    db.exec(`VACUUM INTO '${out.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  checkSqlite(out);
}

/** Throws unless the file is a sound SQLite database. */
export function checkSqlite(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
      throw new Error(
        `The database copy ${file} fails its integrity check: ${rows.map((r) => r.integrity_check).join('; ')}`,
      );
    }
  } finally {
    db.close();
  }
}
