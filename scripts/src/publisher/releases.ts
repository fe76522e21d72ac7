/**
 * Site releases on disk: every build goes into its own folder, and citizens are served whatever the
 * `current` symlink points to.
 *
 *   <PORTAL_DATA_DIR>/site/
 *     releases/2026-12-02T13-25-01-123Z/      a complete build (served when `current` points here)
 *     releases/building.partial/              the build in progress (never served; removed if it fails)
 *     current -> releases/2026-12-02T13-25-01-123Z
 *     publisher-state.json                    what `npm run site:status` shows
 *
 * A build writes into `building.partial` and is renamed to `<name>` only when it succeeded, so a
 * folder without the suffix is always complete. The build folder's path is the same for every build
 * on purpose: Astro compiles the output folder into the code of pages that use images
 * (astro:assets), and its incremental build reuses a page only while that code is unchanged. `current` is switched by making a new symlink under
 * a temporary name and renaming it over the old one: rename(2) is atomic, so a reader sees either
 * the old release or the new one, never a missing or half-written site.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export const PARTIAL_SUFFIX = '.partial';
/** The one folder builds are written into (one build at a time, see publisher.ts). */
const BUILD_FOLDER = `building${PARTIAL_SUFFIX}`;
const NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z(-\d+)?$/;

export class ReleaseError extends Error {}

export interface ReleasePaths {
  root: string;
  releases: string;
  /** The build in progress, renamed to its release when it succeeds. */
  building: string;
  current: string;
  stateFile: string;
  /** The last `npm run site:rollback` (see Rollback), read by the publisher and `site:status`. */
  rollbackFile: string;
}

export function releasePaths(siteRoot: string): ReleasePaths {
  return {
    root: siteRoot,
    releases: path.join(siteRoot, 'releases'),
    building: path.join(siteRoot, 'releases', BUILD_FOLDER),
    current: path.join(siteRoot, 'current'),
    stateFile: path.join(siteRoot, 'publisher-state.json'),
    rollbackFile: path.join(siteRoot, 'rollback.json'),
  };
}

/** A release name that sorts by time (ISO 8601 in UTC, with characters safe in a path and a URL). */
export function releaseName(date: Date, taken: readonly string[] = []): string {
  const base = date.toISOString().replace(/[:.]/g, '-');
  let name = base;
  for (let n = 2; taken.includes(name) || taken.includes(name + PARTIAL_SUFFIX); n += 1) name = `${base}-${n}`;
  return name;
}

/** Complete releases, oldest first. */
export async function listReleases(siteRoot: string): Promise<string[]> {
  const entries = await readdir(releasePaths(siteRoot).releases, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isDirectory() && NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareNames);
}

/** By time, then by the -N suffix two releases of the same millisecond get. */
function compareNames(a: string, b: string): number {
  const [baseA, nA = '1'] = a.split(/(?<=Z)-/);
  const [baseB, nB = '1'] = b.split(/(?<=Z)-/);
  return (baseA ?? '').localeCompare(baseB ?? '') || Number(nA) - Number(nB);
}

/** The release `current` points to, or undefined before the first build. */
export async function currentRelease(siteRoot: string): Promise<string | undefined> {
  try {
    return path.basename(await readlink(releasePaths(siteRoot).current));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The name the next release will have, and the folder to build it in (`releases/building.partial`). */
export async function prepareRelease(siteRoot: string, date = new Date()): Promise<{ name: string; dir: string }> {
  const { releases } = releasePaths(siteRoot);
  await mkdir(releases, { recursive: true, mode: 0o755 });
  // Public pages only: a web server running as another user must be able to read them (PORTAL_SITE_DIR).
  await chmod(siteRoot, 0o755);
  await chmod(releases, 0o755);
  const name = releaseName(date, await readdir(releases));
  return { name, dir: path.join(releases, BUILD_FOLDER) };
}

/** The build succeeded: the partial folder becomes a release (not served yet). */
export async function completeRelease(siteRoot: string, name: string): Promise<string> {
  const { releases } = releasePaths(siteRoot);
  const dir = path.join(releases, name);
  await rename(path.join(releases, BUILD_FOLDER), dir);
  return dir;
}

/** Points `current` at a complete release, atomically. */
export async function activateRelease(siteRoot: string, name: string): Promise<void> {
  const paths = releasePaths(siteRoot);
  if (!(await listReleases(siteRoot)).includes(name)) throw new ReleaseError(`No complete release named ${name}`);
  const temporary = path.join(paths.root, `.current-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Relative, so the data folder can be moved or mounted elsewhere.
  await symlink(path.join('releases', name), temporary);
  try {
    await rename(temporary, paths.current);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Removes a folder tree on a thread of its own (fs.rmSync in a worker). `rm` from fs/promises sends every
 * unlink of a 61k-file release through libuv's thread pool, and the publisher's next build, starting
 * beside the prune, waited behind them: its preparation took 6 s instead of milliseconds at 50k entries.
 * The thread lowers its own priority first (on Linux a thread has a nice value of its own): removing 61k
 * files and folders is ~3-5 s of CPU that no citizen waits for, and on two cores it ran beside the next
 * build, which they do wait for.
 */
export function removeTree(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `try { require('node:os').setPriority(19); } catch {}
       require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true });`,
      { eval: true, workerData: dir },
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`removing ${dir} stopped (exit ${code})`)),
    );
  });
}

/**
 * Removes complete releases beyond the newest `keep`; the current release is always kept, even after
 * a rollback to an old one.
 */
export async function pruneReleases(siteRoot: string, keep: number): Promise<string[]> {
  const { releases } = releasePaths(siteRoot);
  const current = await currentRelease(siteRoot);
  const complete = await listReleases(siteRoot);
  const removed: string[] = [];
  const old = complete.slice(0, Math.max(0, complete.length - keep)).filter((name) => name !== current);
  for (const name of old) {
    await removeTree(path.join(releases, name));
    removed.push(name);
  }
  return removed;
}

/** Removes partial folders (a build that failed or whose process died), before a build starts. */
export async function removePartialReleases(siteRoot: string): Promise<void> {
  const { releases } = releasePaths(siteRoot);
  for (const entry of await readdir(releases).catch(() => [] as string[])) {
    if (entry.endsWith(PARTIAL_SUFFIX)) await rm(path.join(releases, entry), { recursive: true, force: true });
  }
}

/** A rollback an operator made: when (ms since the epoch) and between which releases. */
export interface Rollback {
  at: number;
  from: string;
  to: string;
}

/** The last rollback, or undefined if there never was one (or its record is unreadable). */
export async function readRollback(siteRoot: string): Promise<Rollback | undefined> {
  try {
    const value = JSON.parse(await readFile(releasePaths(siteRoot).rollbackFile, 'utf8')) as Partial<Rollback>;
    if (typeof value.at === 'number' && typeof value.from === 'string' && typeof value.to === 'string')
      return { at: value.at, from: value.from, to: value.to };
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * `npm run site:rollback`: serve the release before the current one, and leave a record of it that
 * the running publisher passes on to the CMS (the editors' panel) and `site:status` shows.
 */
export async function rollbackRelease(siteRoot: string, now = Date.now()): Promise<Rollback> {
  const current = await currentRelease(siteRoot);
  if (!current) throw new ReleaseError('No release is served yet: nothing to roll back');
  const releases = await listReleases(siteRoot);
  const index = releases.indexOf(current);
  const previous = index > 0 ? releases[index - 1] : undefined;
  if (!previous) throw new ReleaseError(`${current} is the oldest release kept: there is no earlier one to go back to`);
  await activateRelease(siteRoot, previous);
  const rollback: Rollback = { at: now, from: current, to: previous };
  const file = releasePaths(siteRoot).rollbackFile;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(rollback)}\n`, { mode: 0o644 });
  await rename(temporary, file);
  return rollback;
}
