/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries, a fresh data folder, a free port
 * on 127.0.0.1, trust authentication for one local user, stopped and deleted by the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './process.ts';

const run = promisify(execFile);

/** Where Debian puts the server binaries (the newest major version), or PG_BIN_DIR. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(dir: string): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql, or set PG_BIN_DIR');
  // initdb refuses to run as root; Debian's package creates the "postgres" user for this.
  const asRoot = process.getuid?.() === 0;
  const exec = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args);

  const data = path.join(dir, 'pgdata');
  await mkdir(data, { recursive: true });
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(group));
    await chown(data, Number(stdout), Number(group));
  }
  const port = await freePort();
  await exec('initdb', ['-D', data, '-U', 'portal', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  await exec('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(data, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${data} -c fsync=off`,
    'start',
  ]);
  const stop = async () => {
    await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    await rm(data, { recursive: true, force: true });
  };
  try {
    await exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'portal', 'portal']);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://portal@127.0.0.1:${port}/portal`, stop };
}
