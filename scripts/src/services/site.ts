import { existsSync } from 'node:fs';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';
import { makeCachedPagesPublic } from './astro-hard-links.ts';
import { codegenInputs, codegenUpToDate, stampCodegen } from './codegen-stamp.ts';
import { startProcess, StartError, tail } from './process.ts';
import { packageDir } from './resolve.ts';
import type { SiteBuilder } from './site-builder.ts';

export const SITE_DIR = path.join(REPO_ROOT, 'site');

/** Settings the site build reads (validated again by the site itself, see site/src/lib/env.ts). */
export interface SiteBuildEnv {
  cmsUrl: string;
  cmsToken: string;
  meiliUrl: string;
  meiliSearchKey: string;
  meiliIndexPrefix: string;
  outDir: string;
  /** Kept between builds (incremental build, image cache); none: every build starts cold. */
  cacheDir?: string;
  /** Optimised images kept by content between builds (site/src/lib/image-service.ts); none: Astro's own cache only. */
  imageCacheDir?: string;
  /**
   * The entries whose change this build carries (the publisher's claim): with a cacheDir, the build
   * patches its kept content snapshot with these instead of reading everything (site/src/lib/content-snapshot.ts).
   * Absent or null: a full read.
   */
  changes?: ReadonlyArray<{ uid: string; documentId: string }> | null;
}

/** Astro's incremental build restores pages by hard links (see the file). */
const HARD_LINKS = path.join(REPO_ROOT, 'scripts', 'src', 'services', 'astro-hard-links-preload.ts');

/**
 * Generates the GraphQL types (unless unchanged since the last time: codegen-stamp.ts) and runs
 * `astro build` into outDir: in a process of its own, or in the publisher's long-lived `builder`
 * (site-builder.ts). An aborted signal kills the step that runs (SIGKILL: a build holds no state worth a
 * clean shutdown) and rejects with its reason.
 */
export async function buildSite(
  settings: SiteBuildEnv,
  logFile: string,
  options: { signal?: AbortSignal; builder?: SiteBuilder } = {},
): Promise<void> {
  const { signal, builder } = options;
  /** The build's own settings (the rest of the environment is the portal's). */
  const vars: Record<string, string> = {
    CMS_URL: settings.cmsUrl,
    CMS_TOKEN: settings.cmsToken,
    PUBLIC_MEILI_URL: settings.meiliUrl,
    PUBLIC_MEILI_SEARCH_KEY: settings.meiliSearchKey,
    PUBLIC_MEILI_INDEX_PREFIX: settings.meiliIndexPrefix,
    SITE_OUT_DIR: settings.outDir,
    SITE_CACHE_DIR: settings.cacheDir ?? '',
    SITE_IMAGE_CACHE_DIR: settings.imageCacheDir ?? '',
    SITE_CONTENT_CHANGES: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const inputs = await codegenInputs(SITE_DIR);
  const codegen = !(await codegenUpToDate(SITE_DIR, inputs));
  const steps: Array<[string, string[]]> = [
    ...(codegen
      ? [
          [
            'GraphQL codegen',
            [path.join(packageDir('@graphql-codegen/cli', SITE_DIR), 'cjs', 'bin.js'), '--config', 'codegen.ts'],
          ] as [string, string[]],
        ]
      : []),
    [
      'Site build',
      [
        ...(settings.cacheDir ? ['--import', HARD_LINKS] : []),
        path.join(packageDir('astro', SITE_DIR), 'bin', 'astro.mjs'),
        'build',
      ],
    ],
  ];
  // A build that did not finish (failed, killed, timed out) may have left cached pages newer than the
  // cache's manifest: the next build then starts without the manifest, rendering everything once.
  const unfinished = settings.cacheDir ? path.join(settings.cacheDir, 'build-unfinished') : undefined;
  if (settings.cacheDir && unfinished) {
    await mkdir(settings.cacheDir, { recursive: true, mode: 0o700 });
    if (existsSync(unfinished)) await rm(path.join(settings.cacheDir, 'incremental-build.json'), { force: true });
    await makeCachedPagesPublic(settings.cacheDir);
    await writeFile(unfinished, `${new Date().toISOString()}\n`);
    if (settings.changes) {
      const changesFile = path.join(settings.cacheDir, 'content-changes.json');
      await writeFile(changesFile, JSON.stringify({ changes: settings.changes }), { mode: 0o600 });
      vars['SITE_CONTENT_CHANGES'] = changesFile;
    }
  }
  if (!codegen) {
    await mkdir(path.dirname(logFile), { recursive: true, mode: 0o700 });
    await appendFile(
      logFile,
      `\n--- ${new Date().toISOString()} GraphQL codegen skipped: site/src/graphql/generated is up to date\n`,
      { mode: 0o600 },
    );
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const [name, args] of steps) {
    signal?.throwIfAborted();
    if (name === 'Site build' && builder) {
      await builder.build(vars, logFile, signal);
      continue;
    }
    const step = await startProcess({
      name,
      command: process.execPath,
      args,
      cwd: SITE_DIR,
      env,
      logFile,
      // The output is the public site: readable by a web server whatever the portal's own umask.
      umask: 0o022,
    });
    const kill = () => step.child.kill('SIGKILL');
    signal?.addEventListener('abort', kill, { once: true });
    const code = await step.exited.finally(() => signal?.removeEventListener('abort', kill));
    signal?.throwIfAborted();
    if (code !== 0)
      throw new StartError(`${name} failed (exit ${code}). Its log is ${logFile}:\n${await tail(logFile, 30)}`);
    if (name === 'GraphQL codegen') await stampCodegen(SITE_DIR, inputs);
  }
  if (unfinished) await rm(unfinished, { force: true });
}
