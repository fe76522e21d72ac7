import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';
import { PRIVATE_UMASK } from '../data-folder.ts';
import { packageDir } from './resolve.ts';
import { assertPortFree, startProcess, StartError, tail, waitUntilReady, type ManagedProcess } from './process.ts';

export const CMS_DIR = path.join(REPO_ROOT, 'cms');
const STRAPI_DIR = packageDir('@strapi/strapi', CMS_DIR);
const STRAPI_BIN = path.join(STRAPI_DIR, 'bin', 'strapi.js');
const BUILD_STAMP = path.join(CMS_DIR, 'dist', '.portal-build-hash');

/** What the compiled CMS depends on: its sources, config and installed Strapi version. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.name.includes('.test.')) hash.update(full).update(await readFile(full));
    }
  };
  await walk(path.join(CMS_DIR, 'src'));
  await walk(path.join(CMS_DIR, 'config'));
  await walk(path.join(CMS_DIR, 'types'));
  for (const file of ['package.json', 'tsconfig.json']) hash.update(await readFile(path.join(CMS_DIR, file)));
  hash.update(await readFile(path.join(STRAPI_DIR, 'package.json')));
  return hash.digest('hex');
}

/**
 * Runs `strapi build` (TypeScript + admin panel) unless the last build was made from the same sources.
 * The admin build is the slow part (~40 s), so a second `npm start` must not repeat it.
 */
export async function buildCmsIfNeeded(logFile: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const wanted = await sourceHash();
  const current = await readFile(BUILD_STAMP, 'utf8').catch(() => '');
  const adminBuilt = await stat(path.join(CMS_DIR, 'dist', 'build', 'index.html')).then(
    () => true,
    () => false,
  );
  if (current === wanted && adminBuilt) return false;

  log('Building the CMS (TypeScript and admin panel, about a minute)…');
  const service = await startProcess({
    name: 'CMS build',
    command: process.execPath,
    args: [STRAPI_BIN, 'build'],
    cwd: CMS_DIR,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    logFile,
  });
  const code = await service.exited;
  if (code !== 0)
    throw new StartError(`The CMS build failed (exit ${code}). Its log is ${logFile}:\n${await tail(logFile, 30)}`);
  await writeFile(BUILD_STAMP, wanted);
  return true;
}

/**
 * Strapi's typings of the content model (`strapi ts:generate-types`), committed in cms/types/generated so the
 * CMS code is typed against its own schemas. `outDir` (relative to cms/) writes them elsewhere, for the
 * test that checks the committed ones are current.
 */
export async function generateStrapiTypes(logFile: string, outDir?: string): Promise<void> {
  const service = await startProcess({
    name: 'Strapi type generation',
    command: process.execPath,
    args: [STRAPI_BIN, 'ts:generate-types', '--silent', ...(outDir ? ['--out-dir', outDir] : [])],
    cwd: CMS_DIR,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    logFile,
  });
  const code = await service.exited;
  if (code !== 0)
    throw new StartError(
      `Generating Strapi's types failed (exit ${code}). Its log is ${logFile}:\n${await tail(logFile, 30)}`,
    );
}

export interface CmsServer {
  url: string;
  process: ManagedProcess;
}

/** Starts the compiled CMS (`strapi start`) with the given environment and waits for /_health. */
export async function startCms(options: { port: number; env: NodeJS.ProcessEnv; logFile: string }): Promise<CmsServer> {
  await assertPortFree(options.port, 'CMS_PORT');
  const service = await startProcess({
    name: 'Strapi CMS',
    command: process.execPath,
    args: [STRAPI_BIN, 'start'],
    cwd: CMS_DIR,
    env: {
      ...options.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    logFile: options.logFile,
    // The database, its journal and the uploads: the owner's only.
    umask: PRIVATE_UMASK,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(service, `${url}/_health`, 120_000);
  return { url, process: service };
}
