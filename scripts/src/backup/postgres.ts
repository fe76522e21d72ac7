/**
 * PostgreSQL through Debian's client programs (PORTAL_PG_BIN_DIR to pick others): a dump and the counts of
 * its manifest from one snapshot, and a restore in one transaction. The password reaches them in libpq's
 * environment (PGPASSWORD), never on a command line.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { contentTables, countSql, type Counts, type DatabaseTarget } from './database.ts';

const run = promisify(execFile);
type Postgres = Extract<DatabaseTarget, { client: 'postgres' }>;

const clientEnv = (target: Postgres) => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  ...target.env,
  PGOPTIONS: `-c search_path=${target.schema}`,
});
const notFound = (program: string, error: unknown) =>
  new Error(`${program} không tìm thấy / not found: apt-get install postgresql-client, or set PORTAL_PG_BIN_DIR`, {
    cause: error,
  });

/** A PostgreSQL client program: from PORTAL_PG_BIN_DIR, else from PATH (Debian's postgresql-client). */
export function pgProgram(name: 'pg_dump' | 'pg_restore' | 'psql', env: NodeJS.ProcessEnv): string {
  const dir = env.PORTAL_PG_BIN_DIR?.trim();
  return dir ? path.join(dir, name) : name;
}

async function pgRun(
  name: 'pg_dump' | 'pg_restore' | 'psql',
  args: string[],
  target: Postgres,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const program = pgProgram(name, env);
  try {
    const { stdout } = await run(program, args, {
      env: clientEnv(target),
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw notFound(program, error);
    throw new Error(`${name} failed on ${target.label}: ${(failure.stderr ?? failure.message).trim()}`, {
      cause: error,
    });
  }
}

async function dumpPostgres(target: Postgres, out: string, env: NodeJS.ProcessEnv, snapshot: string): Promise<void> {
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
      `--snapshot=${snapshot}`,
      `--file=${out}`,
    ],
    target,
    env,
  );
}

/** Whether the PostgreSQL schema already has tables (a restore over them needs --force). */
export async function postgresHasTables(target: Postgres, env: NodeJS.ProcessEnv): Promise<boolean> {
  const out = await pgRun(
    'psql',
    ['-XAt', '-c', `SELECT count(*) FROM pg_tables WHERE schemaname = '${target.schema.replaceAll("'", "''")}'`],
    target,
    env,
  );
  return Number(out.trim()) > 0;
}

/** Replaces the schema's content with the dump in one transaction: a failure leaves the old content. */
export async function restorePostgres(target: Postgres, dump: string, env: NodeJS.ProcessEnv): Promise<void> {
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

/**
 * A psql session holding one REPEATABLE READ transaction: what it reads and what `pg_dump --snapshot`
 * dumps are the same state of the database, however much editors write meanwhile.
 */
function snapshotSession(target: Postgres, env: NodeJS.ProcessEnv) {
  const program = pgProgram('psql', env);
  const child = spawn(program, ['-XAtq', '-F', '\t', '-v', 'ON_ERROR_STOP=1'], {
    env: clientEnv(target),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const MARK = '<<portal-backup>>';
  let stdout = '';
  let stderr = '';
  let waiting: { resolve(lines: string[]): void; reject(error: Error): void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  child.on('error', (error) =>
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? notFound(program, error) : error),
  );
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  child.on('exit', (code) => fail(new Error(`psql ended (exit ${code}) on ${target.label}: ${stderr.trim()}`)));
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString();
    const at = stdout.indexOf(`${MARK}\n`);
    if (at >= 0 && waiting) {
      const lines = stdout.slice(0, at).split('\n').filter(Boolean);
      stdout = stdout.slice(at + MARK.length + 1);
      waiting.resolve(lines);
      waiting = undefined;
    }
  });
  return {
    /** Runs SQL in the session; resolves with its output lines. */
    query(sql: string): Promise<string[]> {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        child.stdin.write(`${sql};\nSELECT '${MARK}';\n`);
      });
    },
    async close(): Promise<void> {
      if (child.exitCode !== null || failure) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end('COMMIT;\n');
      await exited;
    },
  };
}

/** Entries per content type, through a query function (a snapshot session, or a one-off psql). */
async function countWith(query: (sql: string) => Promise<string[]>, schema: string): Promise<Counts> {
  const existing = new Set(
    await query(`SELECT tablename FROM pg_tables WHERE schemaname = '${schema.replaceAll("'", "''")}'`),
  );
  const tables = contentTables().filter((t) => existing.has(t.table));
  if (tables.length === 0) return {};
  const sql = tables
    .map((t) => `SELECT '${t.uid}', * FROM (${countSql(t.table, t.draftAndPublish)}) AS c`)
    .join(' UNION ALL ');
  const counts: Counts = {};
  for (const line of await query(sql)) {
    const [uid, entries, published] = line.split('\t');
    counts[uid!] = { entries: Number(entries), published: Number(published) };
  }
  return counts;
}

/** The database's entries per content type now (after a restore, to compare with the manifest). */
export async function countPostgres(target: Postgres, env: NodeJS.ProcessEnv): Promise<Counts> {
  const query = async (sql: string) =>
    (await pgRun('psql', ['-XAt', '-F', '\t', '-c', sql], target, env)).split('\n').filter(Boolean);
  return countWith(query, target.schema);
}

/** A custom-format dump into `out` and the counts of exactly what it holds. */
export async function dumpAndCountPostgres(target: Postgres, out: string, env: NodeJS.ProcessEnv): Promise<Counts> {
  const session = snapshotSession(target, env);
  try {
    const [snapshot] = await session.query(
      'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT pg_export_snapshot()',
    );
    if (!snapshot) throw new Error(`PostgreSQL did not export a snapshot on ${target.label}`);
    const counts = await countWith((sql) => session.query(sql), target.schema);
    await dumpPostgres(target, out, env, snapshot);
    return counts;
  } finally {
    await session.close();
  }
}
