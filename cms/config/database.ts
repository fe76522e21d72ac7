import path from 'node:path';
import type { Core } from '@strapi/strapi';

interface PreparingConnection {
  prepare(sql: string): unknown;
}

/** Distinct SQL texts kept compiled per connection (an `in (?, ?, …)` list makes one text per length). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * knex compiles every query anew on better-sqlite3 (`connection.prepare(sql)` per call), about a tenth of
 * the CMS's CPU time when citizens submit questions (profile of scripts/bench/submit.ts). The same SQL
 * text gets the same compiled statement back: better-sqlite3 statements are reusable, knex only runs them
 * with `all` or `run` (synchronous, so one is never busy when the next call takes it) and changes none of
 * their modes, and SQLite recompiles a statement by itself after a schema change. Oldest first out.
 */
function cachePreparedStatements(connection: PreparingConnection): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/**
 * SQLite is the embedded default (one file, nothing to install); PostgreSQL is the production database.
 * DATABASE_URL, when set, wins over the individual PostgreSQL settings.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const connectionString = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres',
        connection: {
          // node-postgres lets the fields parsed from connectionString win over these.
          ...(connectionString ? { connectionString } : {}),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'portal'),
          user: env('DATABASE_USERNAME', 'portal'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: true } : false,
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  // Write-ahead logging lets an online backup (`npm run backup`: VACUUM INTO) read a consistent snapshot
  // while editors keep writing; in the default rollback-journal mode the backup's read lock would make
  // writes wait. WAL needs a local file system (not NFS/SMB): DATABASE_SQLITE_WAL=false turns it off.
  const wal = env.bool('DATABASE_SQLITE_WAL', true);
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(env('DATABASE_FILENAME', path.join('.tmp', 'data.db'))),
      },
      useNullAsDefault: true,
      pool: {
        afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void) {
          try {
            (connection as { pragma(source: string): unknown }).pragma(`journal_mode = ${wal ? 'WAL' : 'DELETE'}`);
            cachePreparedStatements(connection as PreparingConnection);
            done(undefined, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };
};
