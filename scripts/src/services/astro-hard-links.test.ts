import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SELECT_PATHS, SELECTOR_IN_USE, type SelectPaths } from '@portal/site/changed-pages';
import {
  CACHE_MANIFEST,
  CACHED_OUTPUT_DIR,
  linkIncrementalCache,
  linkSummary,
  makeCachedPagesPublic,
  type IncrementalCacheClass,
} from './astro-hard-links.ts';
import { packageDir } from './resolve.ts';
import { SITE_DIR } from './site.ts';

interface Cache {
  restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: unknown, outputFile: string, body: Uint8Array): Promise<void>;
  record(
    component: string,
    hash: string,
    pathname: string,
    key: string,
    outputFile: string,
    contentEntryKeys?: string[],
    staticImages?: unknown[],
  ): void;
  canSkip(component: string, pathname: string, hash: string, key: string): boolean;
  findOrphanedFiles(): string[];
  writeManifest(settings: unknown): void;
}
type CacheClass = IncrementalCacheClass & { load(settings: unknown, ...hashes: unknown[]): Cache };

/** A fresh copy of Astro's IncrementalBuildCache module (the query makes it a module of its own), so each test patches its own. */
async function astroCache(tag: string): Promise<CacheClass> {
  const file = path.join(packageDir('astro', SITE_DIR), 'dist', 'core', 'build', 'incremental.js');
  const module = (await import(`${pathToFileURL(file).href}?${tag}`)) as { IncrementalBuildCache: CacheClass };
  return module.IncrementalBuildCache;
}

const ARTICLE_ROUTE = 'src/pages/tin-tuc/[slug].astro';
/** The paths of these articles, each keyed `<name>1`, but c edited since (`c2`). */
const editedC = (names: readonly string[]) =>
  names.map((name) => ({
    pathname: `/tin-tuc/${name}/`,
    route: { component: ARTICLE_ROUTE },
    cacheKey: name === 'c' ? 'c2' : `${name}1`,
  }));
/** The pathnames the selector hands Astro. */
const visited = (select: SelectPaths, paths: ReturnType<typeof editedC>) =>
  select(paths as unknown as Parameters<SelectPaths>[0]).map((p) => p.pathname);

describe("Astro's incremental cache with hard links", () => {
  let dir: string;
  let settings: { config: { cacheDir: URL; outDir: URL } };
  const cached = (name: string) => path.join(dir, 'cache', CACHED_OUTPUT_DIR, name);
  const release = (n: number, name: string) => path.join(dir, `release-${n}`, name);
  const outDir = (n: number) => pathToFileURL(`${path.join(dir, `release-${n}`)}/`);

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'astro-links-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** One build as Astro's generate.js does it: a rendered page goes to the output folder, then the cache. */
  const render = async (cache: Cache, n: number, name: string, body: string) => {
    settings.config.outDir = outDir(n);
    await mkdir(path.dirname(release(n, name)), { recursive: true });
    await writeFile(release(n, name), body);
    await cache.writeOutputFile(settings, name, Buffer.from(body));
  };
  const restore = (cache: Cache, n: number, name: string) => {
    settings.config.outDir = outDir(n);
    return cache.restoreOutputFile(settings, name, pathToFileURL(release(n, name)));
  };

  it('restores unchanged pages as links, and a re-rendered page never changes an earlier release', async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache')}/`), outDir: outDir(1) } };
    const Cache = await astroCache('links');
    const linked = linkIncrementalCache(Cache);
    assert.ok(linked, "Astro's IncrementalBuildCache still has the two methods replaced");
    const { stats } = linked;
    const cache = Cache.load(settings, 'config', 'lock', 'key');

    // Build 1 renders both pages.
    await render(cache, 1, 'index.html', '<h1>Trang chủ v1</h1>');
    await render(cache, 1, 'tin-tuc/a/index.html', '<h1>Tin A</h1>');
    assert.equal(
      (await stat(cached('index.html'))).ino,
      (await stat(release(1, 'index.html'))).ino,
      'one file, not two',
    );

    // Build 2: the article is unchanged (linked), the home page is rendered again.
    assert.equal(await restore(cache, 2, 'tin-tuc/a/index.html'), true);
    await render(cache, 2, 'index.html', '<h1>Trang chủ v2, dài hơn</h1>');
    assert.equal(await restore(cache, 2, 'khong-co/index.html'), false, 'a page not in the cache is rendered');
    await rm(path.join(dir, 'release-2', 'tin-tuc'), { recursive: true });
    assert.equal(await restore(cache, 2, 'tin-tuc/a/index.html'), true, 'a folder removed meanwhile is made again');

    const article = await Promise.all([1, 2].map((n) => stat(release(n, 'tin-tuc/a/index.html'))));
    assert.equal(article[0]?.ino, article[1]?.ino, 'the unchanged page is shared by both releases');
    assert.equal(await readFile(release(1, 'index.html'), 'utf8'), '<h1>Trang chủ v1</h1>', 'release 1 is unchanged');
    assert.equal(await readFile(release(2, 'index.html'), 'utf8'), '<h1>Trang chủ v2, dài hơn</h1>');
    assert.equal(await readFile(cached('index.html'), 'utf8'), '<h1>Trang chủ v2, dài hơn</h1>');
    assert.notEqual((await stat(release(1, 'index.html'))).ino, (await stat(cached('index.html'))).ino);

    // Build 3 links the new home page; build 2's copy stays as it was when build 4 renders it again.
    assert.equal(await restore(cache, 3, 'index.html'), true);
    await render(cache, 4, 'index.html', 'v4');
    assert.equal(await readFile(release(3, 'index.html'), 'utf8'), '<h1>Trang chủ v2, dài hơn</h1>');
    assert.equal(await readFile(release(2, 'index.html'), 'utf8'), '<h1>Trang chủ v2, dài hơn</h1>');
    assert.deepEqual(stats, { linked: 3, copied: 0, cached: 4, prefetched: 0, prefetchRemoved: 0, unvisited: 0 });
    assert.match(linkSummary(stats), /3 page\(s\) hard-linked, 0 copied, 4 rendered page\(s\) cached; /);
  });

  it('writes the cache where Astro itself looks for it', async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache2')}/`), outDir: outDir(5) } };
    const Original = await astroCache('original');
    const Patched = await astroCache('patched');
    linkIncrementalCache(Patched);
    await render(Patched.load(settings, 'c', 'l', 'k'), 5, 'van-ban/index.html', 'finder');
    // Astro's own (unpatched) restore finds the file the patched cache wrote.
    const destination = pathToFileURL(release(6, 'van-ban/index.html'));
    assert.equal(
      await Original.load(settings, 'c', 'l', 'k').restoreOutputFile(settings, 'van-ban/index.html', destination),
      true,
    );
    assert.equal(await readFile(release(6, 'van-ban/index.html'), 'utf8'), 'finder');
  });

  it('copies when the cache and the release are on different filesystems (EXDEV), and says so', async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache3')}/`), outDir: outDir(7) } };
    const Cache = await astroCache('exdev');
    const exdev = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    const linked = linkIncrementalCache(Cache, {
      linkSync: () => {
        throw exdev;
      },
    });
    assert.ok(linked);
    const { stats } = linked;
    const cache = Cache.load(settings, 'c', 'l', 'k');
    await render(cache, 7, 'index.html', 'v1');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      assert.equal(await restore(cache, 8, 'index.html'), true);
      assert.equal(await restore(cache, 8, 'index.html'.replace('index', 'khac')), false);
    } finally {
      console.warn = warn;
    }
    assert.equal(await readFile(release(8, 'index.html'), 'utf8'), 'v1');
    assert.notEqual(
      (await stat(release(8, 'index.html'))).ino,
      (await stat(path.join(dir, 'cache3', CACHED_OUTPUT_DIR, 'index.html'))).ino,
    );
    await render(cache, 9, 'index.html', 'v2');
    assert.equal(await readFile(release(8, 'index.html'), 'utf8'), 'v1');
    assert.equal(stats.fallback, 'EXDEV');
    assert.deepEqual(
      { ...stats, fallback: undefined },
      { linked: 0, copied: 1, cached: 2, fallback: undefined, prefetched: 0, prefetchRemoved: 0, unvisited: 0 },
    );
    assert.equal(warnings.length, 1, 'said once');
    assert.match(warnings[0] ?? '', /different filesystems/);
  });

  it("makes the folders of the last build's pages ahead, and removes those no page of this build uses", async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache5')}/`), outDir: outDir(10) } };
    const Cache = await astroCache('prefetch');
    const linked = linkIncrementalCache(Cache);
    assert.ok(linked);
    const { stats } = linked;
    const [page, ...others] = ['tin-tuc/a/index.html', 'tin-tuc/b/index.html', 'tin-tuc/c/trang/2/index.html'] as const;
    const pages = [page, ...others];
    // Build 10 renders three pages and records them (Astro's manifest, which the next build's worker reads).
    const first = Cache.load(settings, 'c', 'l', 'k');
    for (const page of pages) {
      await render(first, 10, page, page);
      first.record('src/pages/tin-tuc/[slug].astro', 'd', `/${path.dirname(page)}/`, page, page);
    }
    first.writeManifest(settings);
    assert.equal(stats.prefetched, 0, 'no manifest before the first build: nothing made ahead');

    // Build 11 has only page a: b and c are gone (unpublished), their folders must not stay behind.
    settings.config.outDir = outDir(11);
    await mkdir(path.join(dir, 'release-11')); // Astro empties (makes) the output folder before it loads the cache
    const second = Cache.load(settings, 'c', 'l', 'k');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok((await stat(path.join(dir, 'release-11', 'tin-tuc', 'b'))).isDirectory(), 'made ahead');
    assert.equal(await restore(second, 11, page), true);
    second.record('src/pages/tin-tuc/[slug].astro', 'd', '/tin-tuc/a/', page, page);
    second.writeManifest(settings);
    assert.equal(await readFile(release(11, page), 'utf8'), page);
    for (const gone of ['tin-tuc/b', 'tin-tuc/c/trang/2', 'tin-tuc/c/trang', 'tin-tuc/c'])
      await assert.rejects(stat(path.join(dir, 'release-11', gone)), { code: 'ENOENT' }, `${gone} removed`);
    assert.deepEqual([stats.prefetched, stats.prefetchRemoved], [6, 4]);
    assert.match(linkSummary(stats), /6 page folder\(s\) made ahead, 4 of them removed unused\.$/);
  });

  it('a publish build visits only the changed pages and its route checks, and links the others into the release', async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache6')}/`), outDir: outDir(20) } };
    const Cache = await astroCache('unvisited');
    const restored: unknown[] = [];
    const linked = linkIncrementalCache(Cache, undefined, {
      images: { restoreStaticImages: (images) => restored.push(...images), restoreReferencedImages: () => {} },
    });
    assert.ok(linked);
    const { stats } = linked;
    const select = (globalThis as Record<symbol, unknown>)[SELECT_PATHS] as SelectPaths;
    const ARTICLE = ARTICLE_ROUTE;
    const names = ['a', 'b', 'c', 'd'];
    const page = (name: string) => `tin-tuc/${name}/index.html`;
    const image = { originalPath: `/cover-d.jpg`, hash: 'h' };
    // Build 20 renders four articles (d with a cover image) and records them.
    const first = Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    for (const name of names) {
      await render(first, 20, page(name), `${name}1`);
      first.record(
        ARTICLE,
        'd',
        `/tin-tuc/${name}/`,
        `${name}1`,
        page(name),
        undefined,
        name === 'd' ? [image] : undefined,
      );
    }
    first.findOrphanedFiles();
    first.writeManifest(settings);

    // Build 21: c is edited; a is visited as its route's check; b and d are left out and linked.
    settings.config.outDir = outDir(21);
    await mkdir(path.join(dir, 'release-21'));
    const second = Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    const paths = editedC(names);
    assert.deepEqual(visited(select, paths), ['/tin-tuc/a/', '/tin-tuc/c/']);
    assert.equal(second.canSkip(ARTICLE, '/tin-tuc/a/', 'd', 'a1'), true);
    assert.equal(await restore(second, 21, page('a')), true);
    second.record(ARTICLE, 'd', '/tin-tuc/a/', 'a1', page('a'));
    assert.equal(second.canSkip(ARTICLE, '/tin-tuc/c/', 'd', 'c2'), false);
    await render(second, 21, page('c'), 'c2');
    second.record(ARTICLE, 'd', '/tin-tuc/c/', 'c2', page('c'));
    assert.deepEqual(second.findOrphanedFiles(), [], 'the pages left out are still in the cache');
    second.writeManifest(settings);

    for (const name of ['b', 'd']) {
      assert.equal(await readFile(release(21, page(name)), 'utf8'), `${name}1`);
      assert.equal(
        (await stat(release(21, page(name)))).ino,
        (await stat(release(20, page(name)))).ino,
        `${name} linked`,
      );
    }
    assert.equal(await readFile(release(21, page('c')), 'utf8'), 'c2');
    assert.equal(await readFile(release(20, page('c')), 'utf8'), 'c1', 'the earlier release keeps its bytes');
    assert.deepEqual(restored, [image], "the page left out keeps its image in the build's image step");
    assert.equal(stats.unvisited, 2);
    assert.equal(stats.unvisitedBeside, 2, 'linked by the worker while the build rendered');
    const manifest = JSON.parse(await readFile(new URL(CACHE_MANIFEST, settings.config.cacheDir), 'utf8')) as {
      routes: Record<string, { paths: Record<string, { cacheKey: string }> }>;
    };
    assert.deepEqual(
      Object.entries(manifest.routes[ARTICLE]?.paths ?? {}).map(([pathname, entry]) => [pathname, entry.cacheKey]),
      [
        ['/tin-tuc/a/', 'a1'],
        ['/tin-tuc/c/', 'c2'],
        ['/tin-tuc/b/', 'b1'],
        ['/tin-tuc/d/', 'd1'],
      ],
      'the next build knows every page',
    );
    assert.match(linkSummary(stats), /2 unchanged page\(s\) not visited \(2 put in by a worker/);

    // Build 22 (in the same process, as the site builder runs them): the route's code changed (another
    // dependency hash) since b and d were made: the build fails.
    linked.startBuild({ unchangedPages: true });
    assert.notEqual(linked.stats, stats, 'a new build counts anew');
    settings.config.outDir = outDir(22);
    await mkdir(path.join(dir, 'release-22'));
    const third = Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    assert.equal(
      select(
        paths.map((p) => ({
          ...p,
          cacheKey: p.pathname === '/tin-tuc/c/' ? 'c2' : p.cacheKey,
        })) as unknown as Parameters<SelectPaths>[0],
      ).length,
      1,
    );
    assert.equal(third.canSkip(ARTICLE, '/tin-tuc/a/', 'd-new', 'a1'), false);
    assert.throws(() => third.findOrphanedFiles(), /changed since the last build/);

    // A full build of the same process (no list of changes): every path is visited.
    linked.startBuild({ unchangedPages: false });
    settings.config.outDir = outDir(23);
    await mkdir(path.join(dir, 'release-23'));
    Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    assert.equal(select(paths as unknown as Parameters<SelectPaths>[0]).length, names.length);
    assert.equal(linked.stats.unvisited, 0);
  });

  it('links the recorded pages ahead in a publish build, and unlinks those it renders or no longer has before Astro writes', async () => {
    settings = { config: { cacheDir: pathToFileURL(`${path.join(dir, 'cache7')}/`), outDir: outDir(30) } };
    const Cache = await astroCache('ahead');
    const linked = linkIncrementalCache(Cache, undefined, {
      images: { restoreStaticImages: () => {}, restoreReferencedImages: () => {} },
    });
    assert.ok(linked);
    const select = (globalThis as Record<symbol, unknown>)[SELECT_PATHS] as SelectPaths;
    const ARTICLE = ARTICLE_ROUTE;
    const page = (name: string) => `tin-tuc/${name}/index.html`;
    // Build 30 renders five articles and records them.
    const first = Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await render(first, 30, page(name), `${name}1`);
      first.record(ARTICLE, 'd', `/tin-tuc/${name}/`, `${name}1`, page(name));
    }
    first.findOrphanedFiles();
    first.writeManifest(settings);

    // Build 31, with the site's integration in use: c is edited, e unpublished; the worker links all five ahead.
    linked.startBuild({ unchangedPages: true });
    (globalThis as Record<symbol, unknown>)[SELECTOR_IN_USE] = true;
    settings.config.outDir = outDir(31);
    await mkdir(path.join(dir, 'release-31'));
    const second = Cache.load(settings, 'c', 'l', 'k', new Map(), false);
    const inode = async (n: number, name: string) => (await stat(release(n, name))).ino;
    for (let i = 0; i < 100; i += 1) {
      if ((await readdir(path.join(dir, 'release-31', 'tin-tuc')).catch(() => [])).length === 5) break;
      await sleep(20);
    }
    assert.equal(await inode(31, page('e')), await inode(30, page('e')), 'linked before the build chose its pages');
    assert.throws(
      () => second.canSkip(ARTICLE, '/tin-tuc/a/', 'd', 'a1'),
      /the path selector did not run/,
      'no page is generated over the links ahead before the selector removed them',
    );
    assert.deepEqual(visited(select, editedC(['a', 'b', 'c', 'd'])), ['/tin-tuc/a/', '/tin-tuc/c/']);
    for (const name of ['a', 'c', 'e'])
      await assert.rejects(stat(release(31, page(name))), { code: 'ENOENT' }, `${name} unlinked before Astro writes`);
    // As Astro does: a restored by its route check, c rendered (written to the release, then the cache).
    assert.equal(second.canSkip(ARTICLE, '/tin-tuc/a/', 'd', 'a1'), true);
    assert.equal(await restore(second, 31, page('a')), true);
    second.record(ARTICLE, 'd', '/tin-tuc/a/', 'a1', page('a'));
    assert.equal(second.canSkip(ARTICLE, '/tin-tuc/c/', 'd', 'c2'), false);
    await render(second, 31, page('c'), 'c2');
    second.record(ARTICLE, 'd', '/tin-tuc/c/', 'c2', page('c'));
    second.findOrphanedFiles();
    second.writeManifest(settings);

    assert.equal(await readFile(release(30, page('c')), 'utf8'), 'c1', 'the earlier release keeps its bytes');
    assert.equal(await readFile(release(31, page('c')), 'utf8'), 'c2');
    for (const name of ['a', 'b', 'd']) assert.equal(await inode(31, page(name)), await inode(30, page(name)));
    await assert.rejects(stat(path.join(dir, 'release-31', 'tin-tuc', 'e')), { code: 'ENOENT' }, 'no empty folder');
    assert.equal(linked.stats.linkedAhead, 5);
    assert.equal(linked.stats.unlinkedAhead, 3);
    assert.equal(linked.stats.unvisited, 2);
    assert.match(linkSummary(linked.stats), /5 page\(s\) linked ahead, 3 of them unlinked again/);
  });

  it("loads into a one-shot build's process as its preload, finding the installed Astro's cache class", () => {
    const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'astro-hard-links-preload.ts');
    const run = spawnSync(process.execPath, ['--import', preload, '-e', ''], {
      cwd: SITE_DIR,
      encoding: 'utf8',
      env: { ...process.env, SITE_CONTENT_CHANGES: '/nonexistent.json' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /copied, not hard-linked/, 'no warning: the replacements are in place');
  });

  it('leaves a class without the expected methods alone', () => {
    class Other {}
    assert.equal(linkIncrementalCache(Other as unknown as IncrementalCacheClass), undefined);
  });

  it('makes the pages of a cache an older version made private (0600) readable again, once', async () => {
    const cache = path.join(dir, 'cache4');
    const page = path.join(cache, CACHED_OUTPUT_DIR, 'tin-tuc', 'a', 'index.html');
    await mkdir(path.dirname(page), { recursive: true });
    await writeFile(page, 'a');
    await chmod(page, 0o600);
    await chmod(path.dirname(page), 0o700);
    assert.equal(await makeCachedPagesPublic(cache), 1);
    assert.equal((await stat(page)).mode & 0o777, 0o644);
    assert.equal((await stat(path.dirname(page))).mode & 0o777, 0o755);
    await chmod(page, 0o600);
    assert.equal(await makeCachedPagesPublic(cache), 0, 'done once');
    assert.equal(await makeCachedPagesPublic(path.join(dir, 'no-cache-yet')), 0);
  });
});
