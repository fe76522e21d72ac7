/**
 * What putting N unchanged pages into a new release costs, with Astro's own IncrementalBuildCache: its
 * copies (fs.promises.copyFile, as Astro 7 restores a page) against the hard links of
 * scripts/src/services/astro-hard-links.ts, one page after another as Astro's generate step calls it.
 * Pages of a realistic size (~30 KB, an article page) in folders shaped like the site's
 * (/tin-tuc/<slug>/index.html), in a temporary folder on the machine's disk.
 *
 *   node scripts/bench/restore-pages.ts [--pages 61400] [--rounds 2] [--out scripts/bench/results/restore-pages.json]
 *
 * Reports wall and CPU seconds per way and round, the disk the new release takes (blocks not shared
 * with the cache), and the time to remove it again.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { linkIncrementalCache, type IncrementalCacheClass } from '../src/services/astro-hard-links.ts';
import { packageDir } from '../src/services/resolve.ts';
import { SITE_DIR } from '../src/services/site.ts';
import { parseBenchArgs } from './args.ts';

const { pages, rounds, out } = parseBenchArgs(
  z.object({
    pages: z.coerce.number().int().min(1).max(500_000).default(61_400),
    rounds: z.coerce.number().int().min(1).max(10).default(2),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'restore-pages.json')),
  }),
  { pages: { type: 'string' }, rounds: { type: 'string' }, out: { type: 'string' } },
);

interface Cache {
  restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
}
type CacheClass = IncrementalCacheClass & { load(settings: unknown, ...hashes: string[]): Cache };

async function astroCache(tag: string): Promise<CacheClass> {
  const file = path.join(packageDir('astro', SITE_DIR), 'dist', 'core', 'build', 'incremental.js');
  return ((await import(`${pathToFileURL(file).href}?${tag}`)) as { IncrementalBuildCache: CacheClass })
    .IncrementalBuildCache;
}

/** Bytes of the files under dir whose inode has one link (not shared with the cache). */
function ownBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const info = statSync(path.join(entry.parentPath, entry.name));
    if (info.nlink === 1) bytes += info.blocks * 512;
  }
  return bytes;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'restore-pages-'));
try {
  const cacheDir = path.join(work, 'cache');
  const name = (i: number) => `tin-tuc/tin-tong-hop-so-${i + 1}/index.html`;
  const page = Buffer.from(
    `<!doctype html><html lang="vi">${'<p>Ủy ban nhân dân tỉnh triển khai kế hoạch. '.repeat(620)}</html>`,
  );
  console.log(`Writing ${pages} cached pages of ${page.byteLength} bytes…`);
  for (let i = 0; i < pages; i += 1) {
    const file = path.join(cacheDir, 'dist', name(i));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page);
  }
  const ways = { copies: await astroCache('copies'), links: await astroCache('links') };
  linkIncrementalCache(ways.links);
  const runs: Array<Record<string, unknown>> = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const [way, Cache] of Object.entries(ways)) {
      const outDir = path.join(work, `release-${way}`);
      const settings = { config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) } };
      const cache = Cache.load(settings, 'config', 'lock', 'key');
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < pages; i += 1) {
        const restored = await cache.restoreOutputFile(settings, name(i), pathToFileURL(path.join(outDir, name(i))));
        if (!restored) throw new Error(`${name(i)} was not restored`);
      }
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const run = {
        way,
        round,
        pages,
        seconds: Number(seconds.toFixed(2)),
        cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
        releaseOwnMB: Number((ownBytes(outDir) / 1e6).toFixed(1)),
        loadAverage: os.loadavg(),
      };
      // Pruning an old release (the publisher does it beside the next build).
      const removing = performance.now();
      await rm(outDir, { recursive: true, force: true });
      const measured = { ...run, removeSeconds: Number(((performance.now() - removing) / 1000).toFixed(2)) };
      console.log(JSON.stringify(measured));
      runs.push(measured);
    }
  }
  const result = {
    benchmark: 'restore-pages',
    at: new Date().toISOString(),
    pageBytes: page.byteLength,
    loadAverage: os.loadavg(),
    cpus: os.cpus().length,
    runs,
  };
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Written to ${out}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
