/**
 * Releases assembled by hard links: Astro's incremental build (experimental.incrementalBuild) restores an
 * unchanged page by copying it from its cache (`<cacheDir>/dist/<page>`) into the output folder, and every
 * publish build writes into a fresh folder (publisher/releases.ts), so at 50k entries each build copied
 * ~61k files (22-40 s). This links them instead: the new release's unchanged pages share their inode with
 * the cache and with the earlier releases, and a build writes only what it renders.
 *
 * Safe only while no shared file is ever written in place, so the cache's writes are changed too: Astro
 * rewrites a re-rendered page's cache file with `fs.promises.writeFile`, which truncates the SAME inode
 * and would silently change every release that links it, the served one included. Here a rendered page
 * reaches the cache as a new inode renamed over the old name (the file Astro has just written into the
 * release, linked under a temporary name; or the body written to one). The output folder itself is new
 * for every build (Astro empties it first), so Astro's own writes there always create new files.
 *
 * When the cache and the output folder are on different filesystems (SITE_CACHE_DIR under
 * PORTAL_DATA_DIR, the releases under PORTAL_SITE_DIR on another mount) link(2) fails with EXDEV; the
 * build then copies, as Astro does, and says so once in its log.
 *
 * Making a page's folder costs more than linking its file (mkdir ~20-55 µs of CPU a folder, link ~13:
 * 61k folders were ~1.2 s of a 50k-entry publish build's main thread, and up to 14 s of kernel CPU under load,
 * scripts/bench/release-layout.ts). Pages are files now (site/src/lib/page-files.ts): a page's folder is its
 * section's or list's, shared by many pages, and the release has a few hundred. When Astro loads the cache, a
 * worker thread makes the folders of every page the last build recorded (its incremental-build.json)
 * while the build's main thread reads content and keys pages; a restore then only links. Folders made
 * for pages this build no longer has (an unpublished article) are removed again, once empty, before
 * Astro writes its manifest: a release never holds an empty folder where a page was (a web server
 * would answer 403, not 404).
 *
 * Loaded into the Astro process with `node --import` (services/site.ts); the preload is
 * astro-hard-links-preload.ts. It replaces methods of Astro's IncrementalBuildCache; if a new Astro
 * no longer has them, nothing is replaced and the build copies (and says so).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SELECT_PATHS, SELECTOR_IN_USE } from '@portal/site/changed-pages';
import {
  checkRoutes,
  manifestAccepted,
  planVisit,
  type CacheManifest,
  type ManifestPath,
  type PathLike,
  type Unvisited,
} from './astro-unchanged-pages.ts';
import { packageDir } from './resolve.ts';

/** The folder of cached pages inside Astro's cacheDir (astro/dist/core/build/incremental.js). */
export const CACHED_OUTPUT_DIR = 'dist/';
/** In the cache folder once its pages are readable by a web server (see makeCachedPagesPublic). */
const PUBLIC_MARKER = 'pages-public';
/** Astro's manifest of the last build's pages in its cacheDir (astro/dist/core/build/incremental.js). */
export const CACHE_MANIFEST = 'incremental-build.json';

/** link(2) errors that mean "this filesystem (pair) cannot link": copy from then on. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export interface LinkStats {
  /** Pages restored from the cache by a hard link. */
  linked: number;
  /** Pages restored by a copy (linking failed). */
  copied: number;
  /** Rendered pages put into the cache (always as a new inode). */
  cached: number;
  /** Why linking stopped, e.g. "EXDEV" (the cache and the output folder are on different filesystems). */
  fallback?: string;
  /** Page folders the worker made ahead of the restores, and those of them removed again (no page left). */
  prefetched: number;
  prefetchRemoved: number;
  /** Unchanged pages a publish build did not visit, put into the release from the cache (astro-unchanged-pages.ts). */
  unvisited: number;
  /** Of those, the pages the worker put there while the build rendered (the others: the main thread, at the end). */
  unvisitedBeside?: number;
  /** Pages the worker linked before the build chose its pages, and of them those unlinked again (rendered, or gone). */
  linkedAhead?: number;
  unlinkedAhead?: number;
}

interface SettingsLike {
  config: { cacheDir: URL; outDir: URL };
}

type Restore = (settings: SettingsLike, outputFile: string, destination: URL) => Promise<boolean>;
type Write = (settings: SettingsLike, outputFile: string, body: Uint8Array | string) => Promise<void>;

export interface IncrementalCacheClass {
  prototype: {
    restoreOutputFile?: unknown;
    writeOutputFile?: unknown;
    writeManifest?: unknown;
    canSkip?: unknown;
    record?: unknown;
    findOrphanedFiles?: unknown;
  };
  load?: unknown;
}

/** Astro's functions that add a restored page's images to the build's image step (assets/build/generate.js). */
export interface AstroImages {
  restoreStaticImages(images: unknown[]): void;
  restoreReferencedImages(paths: string[]): void;
}

/** IncrementalBuildCache.record: one path into the next build's manifest. */
type RecordPath = (
  component: string,
  dependencyHash: string,
  pathname: string,
  cacheKey: string | undefined,
  outputFile: string,
  contentEntryKeys: string[] | undefined,
  staticImages: unknown[] | undefined,
  referencedImages: string[] | undefined,
  headers: unknown[] | undefined,
) => void;

/**
 * The worker beside the build (eval'd: a few lines, no module of its own to resolve). First, from the start of
 * the build, it reads the manifest and makes each recorded page's folder in the output folder, checking
 * `shared[0]` (stop) between folders; in a publish build (`ahead`) it also links each recorded page from the
 * cache into its folder right away, before the build has chosen which pages it renders: at 50k entries the
 * ~61k folders and links (before pages were files) took the worker 3-5 s, which the build's main thread spent
 * waiting for them at its end once everything else of a build was faster. When told to stop it says so in
 * `shared[3]`, and the main thread removes the links of the pages it is about to render and of the pages this
 * build no longer has, before Astro writes anything (a shared inode is never written in place). Then, in a
 * publish build, it puts the remaining pages the build does not visit into the release: the main thread posts
 * their output files and sets `shared[2]` to 1 (or to 2: nothing to link), and the worker links each from the
 * cache (copies once linking fails) while Astro renders the changed pages. Last it sends what it did on its port (the folders it
 * made that hold no page it put there; the counts; the pages it could not find in the cache) and sets
 * `shared[1]` (done).
 */
const PREFETCH_WORKER = `
const { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { receiveMessageOnPort, workerData } = require('node:worker_threads');
const { manifest, outDir, cachedDir, shared, port, ahead } = workerData;
const CANNOT_LINK = new Set(${JSON.stringify([...CANNOT_LINK])});
const flags = new Int32Array(shared);
const made = [];
const result = { made, madeCount: 0, linked: 0, linkedAhead: 0, copied: 0, fallback: undefined, missing: [], failed: undefined, linkedPages: false };
/** The output files linked ahead. */
const early = new Set();
try {
  const routes = JSON.parse(readFileSync(manifest, 'utf8')).routes ?? {};
  const root = fileURLToPath(outDir);
  const dirs = new Set();
  const makeDir = (dir) => {
    if (dirs.has(dir)) return;
    dirs.add(dir);
    // The first folder made (a missing parent, or the folder itself): every one from it down is new.
    const first = mkdirSync(dir, { recursive: true });
    if (first === undefined) return;
    for (let d = dir; d.length >= first.length; d = path.dirname(d)) made.push(d);
  };
  const files = [];
  for (const route of Object.values(routes))
    for (const entry of Object.values(route.paths ?? {}))
      if (typeof entry.outputFile === 'string') files.push(entry.outputFile);
  for (const file of files) {
    if (Atomics.load(flags, 0) === 1) break;
    const target = fileURLToPath(new URL(file, outDir));
    if (!target.startsWith(root)) continue;
    try {
      makeDir(path.dirname(target));
      if (!ahead || result.fallback !== undefined) continue;
      linkSync(fileURLToPath(new URL(file, cachedDir)), target);
      early.add(file);
    } catch (error) {
      // Another filesystem: no links (the second pass copies). Not in the cache, too many links: left to it.
      if (CANNOT_LINK.has(error && error.code)) result.fallback = error.code;
    }
  }
} catch {}
result.madeCount = made.length;
result.linkedAhead = early.size;
Atomics.store(flags, 3, 1);
Atomics.notify(flags, 3);
while (Atomics.load(flags, 2) === 0) Atomics.wait(flags, 2, 0);
const files = Atomics.load(flags, 2) === 1 ? receiveMessageOnPort(port)?.message : undefined;
if (Array.isArray(files)) {
  result.linkedPages = true;
  const withPage = new Set();
  try {
    files.forEach((file, i) => {
      const source = fileURLToPath(new URL(file, cachedDir));
      const target = fileURLToPath(new URL(file, outDir));
      withPage.add(path.dirname(target));
      if (early.has(file)) {
        result.linked += 1;
        return;
      }
      if (result.fallback === undefined) {
        try {
          try {
            linkSync(source, target);
          } catch (error) {
            if (error.code !== 'ENOENT' || !existsSync(source)) throw error;
            mkdirSync(path.dirname(target), { recursive: true });
            linkSync(source, target);
          }
          result.linked += 1;
          return;
        } catch (error) {
          if (error.code === 'ENOENT') return void result.missing.push(i);
          if (!CANNOT_LINK.has(error.code) && error.code !== 'EMLINK') throw error;
          if (error.code !== 'EMLINK') result.fallback = error.code;
        }
      }
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(source, target);
        result.copied += 1;
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
        result.missing.push(i);
      }
    });
  } catch (error) {
    result.failed = String(error && error.message || error);
  }
  result.made = made.filter((dir) => !withPage.has(dir));
}
port.postMessage(result);
Atomics.store(flags, 1, 1);
Atomics.notify(flags, 1);
`;

/** What the worker did (its last message). */
interface WorkerResult {
  /** The folders it made that hold no page it linked. */
  made: string[];
  madeCount: number;
  linked: number;
  /** Pages linked before the build chose its pages (a publish build); those it then visits or no longer has are unlinked. */
  linkedAhead: number;
  copied: number;
  fallback: string | undefined;
  /** Indexes of the posted pages the cache has no copy of. */
  missing: number[];
  /** Why linking stopped half-way (an unexpected error, e.g. ENOSPC): the build fails and is retried. */
  failed: string | undefined;
  /** Whether it was given pages to link. */
  linkedPages: boolean;
}

interface Prefetch {
  flags: Int32Array;
  port: MessagePort;
  /** Whether it links the recorded pages ahead (a publish build with the selector in use). */
  ahead: boolean;
  /** Whether the pages a publish build does not visit went to the worker. */
  posted: boolean;
  /** Its last message, once received. */
  result?: WorkerResult | undefined;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

const warnCannotLink = (settings: SettingsLike, code: string) =>
  console.warn(
    `[portal] Cannot hard-link the cached pages into ${fileURLToPath(settings.config.outDir)} (${code}: ` +
      'SITE_CACHE_DIR and the output folder are probably on different filesystems); copying them instead.',
  );

const notInCache = (pathname: string) =>
  new Error(
    `Astro's cache has no copy of ${pathname}, which this build did not visit; the next build renders every page again.`,
  );

/**
 * Filesystem calls, replaceable in tests (an EXDEV cannot be made on one filesystem). Synchronous: one
 * page's mkdir + link costs ~35 µs of CPU that way against ~110 µs through libuv's thread pool (12,800
 * pages: 0.4-0.6 s against 1.4-2.2 s on this machine), and Astro restores one page after another anyway.
 */
export interface LinkFs {
  linkSync: typeof linkSync;
}

/** The replaced cache of a process: the counters of its current build, and how to start another. */
export interface LinkedCache {
  /** This build's counters (a new object for every build). */
  readonly stats: LinkStats;
  /**
   * Starts counting a new build of the same process (the site builder runs many: site-builder-process.ts),
   * with the pages left unvisited or not (a publish build or a full one). Only after a build that ended:
   * a failed build's process is not used again.
   */
  startBuild(options: { unchangedPages: boolean }): void;
}

const newStats = (): LinkStats => ({
  linked: 0,
  copied: 0,
  cached: 0,
  prefetched: 0,
  prefetchRemoved: 0,
  unvisited: 0,
});

/**
 * Replaces IncrementalBuildCache's restoreOutputFile (copy → link) and writeOutputFile (in-place write →
 * new inode). Returns the counters it keeps, or undefined when the class is not the one this was written
 * for (nothing replaced: Astro's copies are slower but safe).
 */
export function linkIncrementalCache(
  IncrementalBuildCache: IncrementalCacheClass,
  fs: LinkFs = { linkSync },
  unchangedPages?: { images: AstroImages },
): LinkedCache | undefined {
  const prototype = IncrementalBuildCache.prototype;
  if (typeof prototype.restoreOutputFile !== 'function' || typeof prototype.writeOutputFile !== 'function')
    return undefined;
  let stats = newStats();
  /** The output folders that hold a page of this build (restored or rendered and cached). */
  const withPage = new Set<string>();
  let prefetch: Prefetch | undefined;
  /** Whether this build leaves the unchanged pages unvisited (with `unchangedPages`: until startBuild says). */
  let selecting = unchangedPages !== undefined;
  const cachedFile = (settings: SettingsLike, outputFile: string) =>
    fileURLToPath(new URL(outputFile, new URL(CACHED_OUTPUT_DIR, settings.config.cacheDir)));
  let temporaries = 0;

  /**
   * Puts the cached page `source` at `target` (a hard link, or a copy once linking failed); false when the
   * cache has no such page.
   */
  const place = (settings: SettingsLike, source: string, target: string): boolean => {
    withPage.add(path.dirname(target));
    if (stats.fallback === undefined) {
      try {
        try {
          // The folder is usually there already (the prefetch worker made it): link first.
          fs.linkSync(source, target);
        } catch (error) {
          // Not in the cache (Astro renders the page), or no folder yet: make it.
          if (errorCode(error) !== 'ENOENT' || !existsSync(source)) throw error;
          mkdirSync(path.dirname(target), { recursive: true });
          fs.linkSync(source, target);
        }
        stats.linked += 1;
        return true;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') return false;
        if (!CANNOT_LINK.has(code ?? '') && code !== 'EMLINK') throw error;
        // EMLINK: this one file has too many links; the next may not.
        if (code !== 'EMLINK') {
          stats.fallback = code;
          warnCannotLink(settings, code ?? 'unknown');
        }
      }
    }
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
    stats.copied += 1;
    return true;
  };

  const restoreOutputFile: Restore = (settings, outputFile, destination) =>
    Promise.resolve(place(settings, cachedFile(settings, outputFile), fileURLToPath(destination)));

  const writeOutputFile: Write = async (settings, outputFile, body) => {
    withPage.add(path.dirname(fileURLToPath(new URL(outputFile, settings.config.outDir))));
    const file = cachedFile(settings, outputFile);
    await mkdir(path.dirname(file), { recursive: true });
    temporaries += 1;
    const temporary = `${file}.${process.pid}-${temporaries}.tmp`;
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    try {
      // The page Astro has just written into the release, if it is still that body: one file on disk, not two.
      const rendered = fileURLToPath(new URL(outputFile, settings.config.outDir));
      let shared = false;
      if (stats.fallback === undefined) {
        shared = await stat(rendered).then(
          (info) => info.isFile() && info.size === size,
          () => false,
        );
        if (shared)
          try {
            fs.linkSync(rendered, temporary);
          } catch {
            shared = false; // another filesystem, or gone: write the body
          }
      }
      if (!shared) await writeFile(temporary, body);
      // A new inode under the cache's name: releases that link the old one keep their bytes.
      await rename(temporary, file);
      stats.cached += 1;
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  Object.assign(prototype, { restoreOutputFile, writeOutputFile });
  /** What startBuild forgets of the last build's path selection (set with the selector below). */
  let resetSelector = () => {};

  // The folder prefetch, where Astro's cache has the two hooks it needs (else restores make the folders).
  const Class = IncrementalBuildCache as IncrementalCacheClass & {
    load?: (settings: SettingsLike, ...rest: unknown[]) => unknown;
  };
  const load = Class.load;
  const writeManifest = prototype.writeManifest;
  /** The build's cache settings and hashes, as Astro loaded its cache (IncrementalBuildCache.load). */
  let loaded: { settings: SettingsLike; configHash: unknown; lockfileHash: unknown; force: unknown } | undefined;
  /** The last build's manifest as this build read it (undefined: none, or not read yet). */
  let previousManifest: CacheManifest | undefined;
  /** Whether the selector below is installed (a publish build's process). */
  let selectorInstalled = false;
  const readManifest = (settings: SettingsLike): CacheManifest | undefined => {
    try {
      return JSON.parse(readFileSync(new URL(CACHE_MANIFEST, settings.config.cacheDir), 'utf8')) as CacheManifest;
    } catch {
      return undefined; // no manifest (a first or unfinished build): Astro renders everything anyway
    }
  };
  if (typeof load === 'function' && typeof writeManifest === 'function') {
    Class.load = function (this: unknown, settings: SettingsLike, ...rest: unknown[]) {
      const cache = load.call(this, settings, ...rest);
      // load(settings, configHash, lockfileHash, keyDigest, contentEntryHashes, force)
      loaded = { settings, configHash: rest[0], lockfileHash: rest[1], force: rest[4] };
      // A publish build whose selector will run links the recorded pages ahead (see PREFETCH_WORKER).
      const inUse = (globalThis as Record<symbol, unknown>)[SELECTOR_IN_USE] === true;
      previousManifest = selecting && selectorInstalled && inUse ? readManifest(settings) : undefined;
      const ahead = previousManifest !== undefined && manifestAccepted(previousManifest, loaded);
      if (!prefetch) {
        const { port1, port2 } = new MessageChannel();
        // [0] stop, [1] done, [2] pages to link posted (1) or none (2), [3] stopped making folders and links ahead.
        const flags = new Int32Array(new SharedArrayBuffer(16));
        const worker = new Worker(PREFETCH_WORKER, {
          eval: true,
          workerData: {
            manifest: fileURLToPath(new URL(CACHE_MANIFEST, settings.config.cacheDir)),
            outDir: settings.config.outDir.href,
            cachedDir: new URL(CACHED_OUTPUT_DIR, settings.config.cacheDir).href,
            shared: flags.buffer,
            port: port2,
            ahead,
          },
          transferList: [port2],
        });
        worker.unref();
        port1.unref();
        worker.on('error', () => Atomics.store(flags, 1, 1));
        prefetch = { flags, port: port1, posted: false, ahead };
      }
      return cache;
    };
    prototype.writeManifest = function (this: unknown, settings: SettingsLike) {
      finishPrefetch();
      return (writeManifest as (settings: SettingsLike) => unknown).call(this, settings);
    };
  }

  // Publish builds visit only the pages whose data changed (astro-unchanged-pages.ts): the site's integration
  // (site/src/lib/changed-pages.ts) asks this selector which paths to hand to Astro; the pages left out are
  // linked into the release and recorded in Astro's manifest here, just before Astro looks for orphans.
  const { canSkip, record, findOrphanedFiles } = prototype;
  if (
    unchangedPages &&
    typeof load === 'function' &&
    typeof canSkip === 'function' &&
    typeof record === 'function' &&
    typeof findOrphanedFiles === 'function'
  ) {
    const { images } = unchangedPages;
    let pending: Unvisited[] = [];
    /** Route → the dependency hash Astro passed to canSkip in this build. */
    const observed = new Map<string, string>();
    selectorInstalled = true;
    let selected = false;
    const select = <P extends PathLike>(paths: P[]): P[] => {
      selected = true;
      if (!loaded || !selecting) return paths;
      const previous = previousManifest ?? readManifest(loaded.settings);
      if (!previous || !manifestAccepted(previous, loaded)) return paths;
      const plan = planVisit(previous, paths);
      pending = plan.unvisited;
      if (prefetch?.ahead) unlinkAhead(prefetch, loaded.settings, previous, paths, plan.visit);
      // The worker links them while Astro renders the changed pages (nothing is released before the route
      // checks at the end pass: a failed build's folder is removed whole).
      if (prefetch && !prefetch.posted && pending.length) {
        prefetch.port.postMessage(pending.map((page) => page.entry.outputFile));
        prefetch.posted = true;
        Atomics.store(prefetch.flags, 2, 1);
        Atomics.notify(prefetch.flags, 2);
      }
      return plan.visit;
    };
    (globalThis as Record<symbol, unknown>)[SELECT_PATHS] = select;
    resetSelector = () => {
      pending = [];
      selected = false;
      observed.clear();
    };
    prototype.canSkip = function (
      this: unknown,
      component: string,
      pathname: string,
      dependencyHash: string,
      ...rest: unknown[]
    ) {
      // Pages linked ahead are unlinked by the selector before Astro renders over them: without it, fail first.
      if (prefetch?.ahead && !selected)
        throw new Error('Pages were linked ahead into the release, but the path selector did not run.');
      observed.set(component, dependencyHash);
      return (canSkip as (...args: unknown[]) => unknown).call(this, component, pathname, dependencyHash, ...rest);
    };
    prototype.findOrphanedFiles = function (this: unknown) {
      const pages = pending;
      pending = [];
      if (pages.length && loaded) {
        checkRoutes(pages, observed);
        const { settings } = loaded;
        const beside = prefetch?.posted ? workerResult() : undefined;
        if (beside?.failed !== undefined) throw new Error(`Linking the unchanged pages failed: ${beside.failed}`);
        const placed = beside?.linkedPages ? beside : undefined;
        if (placed) {
          stats.linked += placed.linked;
          stats.copied += placed.copied;
          if (placed.fallback !== undefined && stats.fallback === undefined) {
            stats.fallback = placed.fallback;
            warnCannotLink(settings, placed.fallback);
          }
          stats.unvisitedBeside = (stats.unvisitedBeside ?? 0) + placed.linked + placed.copied;
        }
        const missing = placed?.missing[0];
        if (missing !== undefined) throw notInCache(pages[missing]!.pathname);
        for (const { component, pathname, dependencyHash, entry } of pages) {
          if (
            !placed &&
            !place(
              settings,
              cachedFile(settings, entry.outputFile),
              fileURLToPath(new URL(entry.outputFile, settings.config.outDir)),
            )
          )
            throw notInCache(pathname);
          (record as RecordPath).call(
            this,
            component,
            dependencyHash,
            pathname,
            entry.cacheKey,
            entry.outputFile,
            undefined,
            entry.staticImages,
            entry.referencedImages,
            entry.headers,
          );
          // The page's optimised images go into the release as a restored page's do.
          if (entry.staticImages?.length) images.restoreStaticImages(entry.staticImages);
          if (entry.referencedImages?.length) images.restoreReferencedImages(entry.referencedImages);
          stats.unvisited += 1;
        }
      }
      return (findOrphanedFiles as () => unknown).call(this);
    };
  }

  /**
   * Stops the worker linking ahead, then removes its links of the pages this build visits (Astro renders
   * them, or restores them itself) and of the pages the last build had and this one does not (an
   * unpublished article): before Astro writes any page, none of its output files is a shared inode.
   */
  const unlinkAhead = (
    worker: Prefetch,
    settings: SettingsLike,
    previous: CacheManifest,
    paths: readonly PathLike[],
    visit: readonly PathLike[],
  ) => {
    const { flags } = worker;
    Atomics.store(flags, 0, 1);
    const deadline = Date.now() + 60_000;
    while (Atomics.load(flags, 3) === 0 && Atomics.load(flags, 1) === 0) {
      if (Date.now() > deadline) throw new Error('The worker linking the unchanged pages did not stop within a minute');
      Atomics.wait(flags, 3, 0, 100);
    }
    let unlinked = 0;
    const remove = (entry: ManifestPath | undefined) => {
      if (typeof entry?.outputFile !== 'string') return;
      try {
        unlinkSync(new URL(entry.outputFile, settings.config.outDir));
        unlinked += 1;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    };
    for (const path of visit) remove(previous.routes?.[path.route.component]?.paths?.[path.pathname]);
    const present = new Set(paths.map((path) => `${path.route.component}\n${path.pathname}`));
    for (const [component, route] of Object.entries(previous.routes ?? {}))
      for (const [pathname, entry] of Object.entries(route.paths ?? {}))
        if (!present.has(`${component}\n${pathname}`)) remove(entry);
    stats.unlinkedAhead = unlinked;
  };

  /** The worker's last message: waits for it (synchronously: Astro's findOrphanedFiles and writeManifest are). */
  const workerResult = (): WorkerResult | undefined => {
    if (!prefetch) return undefined;
    if (!prefetch.result) {
      const { flags, port } = prefetch;
      Atomics.store(flags, 0, 1);
      if (Atomics.compareExchange(flags, 2, 0, 2) === 0) Atomics.notify(flags, 2);
      // Generous: ~61k links take the worker ~1-2 s, and it started while the pages rendered.
      Atomics.wait(flags, 1, 0, 120_000);
      prefetch.result = receiveMessageOnPort(port)?.message as WorkerResult | undefined;
    }
    return prefetch.result;
  };

  /** Stops the worker, waits for it, removes the folders it made that no page uses. */
  const finishPrefetch = () => {
    if (!prefetch) return;
    const result = workerResult();
    prefetch.port.close();
    prefetch = undefined;
    const made = result?.made ?? [];
    stats.prefetched += result?.madeCount ?? 0;
    if (result?.linkedAhead) stats.linkedAhead = result.linkedAhead;
    // Deepest first, so that a folder emptied by the removal of its only subfolder goes too.
    const unused = made.filter((dir) => !withPage.has(dir)).sort((a, b) => b.length - a.length);
    for (const dir of unused) {
      try {
        rmdirSync(dir);
        stats.prefetchRemoved += 1;
      } catch {
        // Not empty (a page Astro rendered without caching it, or a subfolder): it stays.
      }
    }
  };
  return {
    get stats() {
      return stats;
    },
    startBuild(options) {
      stats = newStats();
      withPage.clear();
      loaded = undefined;
      prefetch = undefined;
      selecting = unchangedPages !== undefined && options.unchangedPages;
      previousManifest = undefined;
      (globalThis as Record<symbol, unknown>)[SELECTOR_IN_USE] = false;
      resetSelector();
    },
  };
}

/**
 * Replaces the incremental cache of the Astro installed for `siteDir`, in the module instances Astro's
 * build imports (its dist files): for a one-shot build's preload and for the publisher's build process.
 * `unchangedPages`: publish builds may leave the unchanged pages unvisited (astro-unchanged-pages.ts).
 * Warns and returns undefined when this Astro lacks what is replaced (its copies are slower but safe).
 */
export async function linkInstalledAstro(
  siteDir: string,
  options: { unchangedPages: boolean },
): Promise<LinkedCache | undefined> {
  const dist = path.join(packageDir('astro', siteDir), 'dist');
  const load = async <T>(...parts: string[]) => (await import(pathToFileURL(path.join(dist, ...parts)).href)) as T;
  const { IncrementalBuildCache } = await load<{ IncrementalBuildCache?: IncrementalCacheClass }>(
    'core',
    'build',
    'incremental.js',
  );
  const images = await load<Partial<AstroImages>>('assets', 'build', 'generate.js');
  const linked =
    IncrementalBuildCache &&
    linkIncrementalCache(
      IncrementalBuildCache,
      undefined,
      options.unchangedPages &&
        typeof images.restoreStaticImages === 'function' &&
        typeof images.restoreReferencedImages === 'function'
        ? { images: images as AstroImages }
        : undefined,
    );
  if (!linked)
    console.warn(
      `[portal] ${path.join(dist, 'core', 'build', 'incremental.js')} has no IncrementalBuildCache with ` +
        'restoreOutputFile/writeOutputFile (a new Astro?): unchanged pages are copied, not hard-linked ' +
        '(scripts/src/services/astro-hard-links.ts).',
    );
  return linked;
}

/** Prints the build's summary line, when the build used the cache at all. */
export function logLinkSummary(stats: LinkStats): void {
  if (stats.linked + stats.copied + stats.cached > 0) console.log(linkSummary(stats));
}

/** The build log's line: how the unchanged pages got into the release. */
export function linkSummary(stats: LinkStats): string {
  return (
    `[portal] Incremental cache: ${stats.linked} page(s) hard-linked, ${stats.copied} copied, ` +
    `${stats.cached} rendered page(s) cached${stats.fallback ? ` (linking failed: ${stats.fallback})` : ''}; ` +
    `${stats.unvisited} unchanged page(s) not visited` +
    `${stats.unvisitedBeside ? ` (${stats.unvisitedBeside} put in by a worker while pages rendered)` : ''}; ` +
    `${stats.linkedAhead ? `${stats.linkedAhead} page(s) linked ahead, ${stats.unlinkedAhead ?? 0} of them unlinked again; ` : ''}` +
    `${stats.prefetched} page folder(s) made ahead, ${stats.prefetchRemoved} of them removed unused.`
  );
}

/**
 * The cached pages are the releases' files (the same inodes), so they must stay readable by a web server
 * running as another user: `npm start` leaves `<cache>/dist` out of the data folder's 0600 (start.ts), and
 * this makes the pages of a cache tightened by an older version public again (0644, folders 0755), once.
 * Returns how many files it changed (0 once done).
 */
export async function makeCachedPagesPublic(cacheDir: string): Promise<number> {
  const marker = path.join(cacheDir, PUBLIC_MARKER);
  if (
    await stat(marker).then(
      () => true,
      () => false,
    )
  )
    return 0;
  let files = 0;
  const entries = await readdir(path.join(cacheDir, CACHED_OUTPUT_DIR), { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(file, 0o755);
    else if (entry.isFile()) {
      await chmod(file, 0o644);
      files += 1;
    }
  }
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  await writeFile(marker, `${new Date().toISOString()}\n`);
  return files;
}
