/**
 * The CMS database as the backup sees it: where it is (the same settings the CMS reads, see
 * cms/config/database.ts), a consistent copy of it while the portal runs, how many entries each content
 * type has, and putting a copy back.
 *
 * SQLite: `VACUUM INTO` writes a compacted, transactionally consistent copy (in WAL mode editors keep
 * writing meanwhile). PostgreSQL: `pg_dump --format=custom` from Debian's client (PORTAL_PG_BIN_DIR to
 * pick another), restored with `pg_restore --single-transaction` (all or nothing).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { CMS_DIR } from '../services/index.ts';

const run = promisify(execFile);

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

const countSql = (table: string, draftAndPublish: boolean) =>
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

/** A PostgreSQL client program: from PORTAL_PG_BIN_DIR, else from PATH (Debian's postgresql-client). */
export function pgProgram(name: 'pg_dump' | 'pg_restore' | 'psql', env: NodeJS.ProcessEnv): string {
  const dir = env.PORTAL_PG_BIN_DIR?.trim();
  return dir ? path.join(dir, name) : name;
}

async function pgRun(
  name: 'pg_dump' | 'pg_restore' | 'psql',
  args: string[],
  target: Extract<DatabaseTarget, { client: 'postgres' }>,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const program = pgProgram(name, env);
  try {
    const { stdout } = await run(program, args, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...target.env, PGOPTIONS: `-c search_path=${target.schema}` },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${program} không tìm thấy / not found: apt-get install postgresql-client, or set PORTAL_PG_BIN_DIR`,
        { cause: error },
      );
    }
    throw new Error(`${name} failed on ${target.label}: ${(failure.stderr ?? failure.message).trim()}`, {
      cause: error,
    });
  }
}

export async function dumpPostgres(
  target: Extract<DatabaseTarget, { client: 'postgres' }>,
  out: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await pgRun(
    'pg_dump',
    [
      '--format=custom',
      // Uncompressed: the archive compresses everything once (gzip level 3, faster than pg_dump's 6).
      '--compress=0',
      '--no-owner',
      '--no-privileges',
      // The whole database for the default schema: naming `public` would make the restore drop and
      // recreate it, which a database owner who is not a superuser may not do.
      ...(target.schema === 'public' ? [] : [`--schema=${target.schema}`]),
      `--file=${out}`,
    ],
    target,
    env,
  );
}

export async function countPostgres(
  target: Extract<DatabaseTarget, { client: 'postgres' }>,
  env: NodeJS.ProcessEnv,
): Promise<Counts> {
  const existing = new Set(
    (
      await pgRun(
        'psql',
        ['-XAt', '-c', `SELECT tablename FROM pg_tables WHERE schemaname = '${target.schema.replaceAll("'", "''")}'`],
        target,
        env,
      )
    )
      .split('\n')
      .filter(Boolean),
  );
  const tables = contentTables().filter((t) => existing.has(t.table));
  if (tables.length === 0) return {};
  const sql = tables
    .map((t) => `SELECT '${t.uid}', * FROM (${countSql(t.table, t.draftAndPublish)}) AS c`)
    .join(' UNION ALL ');
  const counts: Counts = {};
  for (const line of (await pgRun('psql', ['-XAt', '-F', '\t', '-c', sql], target, env)).split('\n').filter(Boolean)) {
    const [uid, entries, published] = line.split('\t');
    counts[uid!] = { entries: Number(entries), published: Number(published) };
  }
  return counts;
}

/** Whether the PostgreSQL schema already has tables (a restore over them needs --force). */
export async function postgresHasTables(
  target: Extract<DatabaseTarget, { client: 'postgres' }>,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const out = await pgRun(
    'psql',
    ['-XAt', '-c', `SELECT count(*) FROM pg_tables WHERE schemaname = '${target.schema.replaceAll("'", "''")}'`],
    target,
    env,
  );
  return Number(out.trim()) > 0;
}

/** Replaces the schema's content with the dump in one transaction: a failure leaves the old content. */
export async function restorePostgres(
  target: Extract<DatabaseTarget, { client: 'postgres' }>,
  dump: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await pgRun(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.env.PGDATABASE}`,
      dump,
    ],
    target,
    env,
  );
}
