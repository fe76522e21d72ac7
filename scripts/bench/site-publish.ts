/**
 * Site publishing at a province's scale: seeds N entries of realistic Vietnamese sizes (~15-word
 * titles, ~600-word article bodies) through the CMS's Document Service (site-publish-seed.ts: every
 * middleware of the CMS, without HTTP; the admin API manages ~2.5 entries/s on a loaded 2-core
 * machine, far too slow for 50k), then
 * measures with the real publisher (scripts/src/publisher/) and the real site build:
 *
 * - the cold full build: duration, pages (HTML files) and pages/s, peak RSS of the whole build
 *   process tree (sampled from /proc every 250 ms), and the content-read time the build reports;
 * - publish → live: an article published through the admin API until its page is served from the
 *   current release, and unpublish → gone (404), p50/p95 over --publishes publishes made
 *   --interval-ms apart (editors publish while builds run; the publisher coalesces).
 *
 *   npm run bench:site-publish -- [--entries 5000] [--publishes 50] [--interval-ms 2000]
 *                                 [--out scripts/bench/results/site-publish.json] [--image-cache DIR]
 *                                 [--data-dir DIR]
 *
 * --entries splits as the issue's province does: 80% articles, 16% documents, 4% procedures (50k:
 * 40k / 8k / 2k). Prints progress lines while seeding and building; writes JSON with the load average.
 * The publisher keeps optimised images in <data dir>/image-cache as `npm start` does (empty: the cold
 * build makes every variant); --image-cache DIR uses a kept folder instead (a fresh install or a new CMS
 * address with PORTAL_DATA_DIR kept: bench:image-cache --image-cache DIR fills one with the demo's).
 *
 * --data-dir DIR keeps the benchmark's portal data (CMS database, Meilisearch, secrets) in DIR instead of a
 * temp folder: the first run seeds it and writes DIR/bench-seeded.json; a later run with the same --entries
 * reuses the seeded CMS (seeding 50k entries takes tens of minutes) and measures again. Every run removes
 * the site's releases, Astro's cache and the image cache kept in DIR first, so the build is still cold.
 * The articles each run publishes get slugs of their own (the previous runs' stay as drafts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { REPO_ROOT, StartConfigSchema } from '../src/config.ts';
import { Meilisearch } from 'meilisearch';
import { createSearchIndex, ensureSearchKey, STORES, storeUid } from '@portal/search';
import { createSitePublisher, DEMO_CONTENT_DIR } from '../src/portal.ts';
import { releasePaths } from '../src/publisher/releases.ts';
import { seededRandom } from '../src/random.ts';
import { serveStatic } from '../src/services/index.ts';
import { adminSession, graphql, startTestBackend } from '../src/testing.ts';
import { parseBenchArgs } from './args.ts';
import { imageStepSeconds } from './astro-log.ts';
import { buildPhases } from './build-phases.ts';

/** The publisher's timing when nothing is configured (PORTAL_PUBLISH_QUIET_MS, PORTAL_PUBLISH_MAX_WAIT_MS). */
const PUBLISH_DEFAULTS = StartConfigSchema.parse({});

const {
  entries,
  publishes,
  'interval-ms': intervalMs,
  out,
  'image-cache': keptImages,
  'data-dir': dataDir,
  'builder-idle-ms': builderIdleMs,
} = parseBenchArgs(
  z.object({
    entries: z.coerce.number().int().min(50).max(200_000).default(5000),
    publishes: z.coerce.number().int().min(1).max(1000).default(50),
    'interval-ms': z.coerce.number().int().min(0).max(600_000).default(2000),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'site-publish.json')),
    'image-cache': z.string().min(1).optional(),
    'data-dir': z.string().min(1).optional(),
    /** The publisher's long-lived builder (PORTAL_PUBLISH_BUILDER_IDLE_MS); 0: a process per build. */
    'builder-idle-ms': z.coerce
      .number()
      .int()
      .min(0)
      .max(86_400_000)
      .default(PUBLISH_DEFAULTS.PORTAL_PUBLISH_BUILDER_IDLE_MS),
  }),
  {
    entries: { type: 'string' },
    publishes: { type: 'string' },
    'interval-ms': { type: 'string' },
    out: { type: 'string' },
    'image-cache': { type: 'string' },
    'data-dir': { type: 'string' },
    'builder-idle-ms': { type: 'string' },
  },
);

const ARTICLE = 'api::article.article';
const counts = {
  articles: Math.round(entries * 0.8),
  documents: Math.round(entries * 0.16),
  procedures: entries - Math.round(entries * 0.8) - Math.round(entries * 0.16),
};

let progressLines = 0;
const progress = (line: string) => {
  progressLines += 1;
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

// Realistic Vietnamese: words drawn from the demo content's own articles, documents and procedures.
const random = seededRandom(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const demoText = [
  await readFile(path.join(DEMO_CONTENT_DIR, 'articles.json'), 'utf8'),
  await readFile(path.join(DEMO_CONTENT_DIR, 'legal-documents.json'), 'utf8'),
  await readFile(path.join(DEMO_CONTENT_DIR, 'procedures.json'), 'utf8'),
].join(' ');
const WORDS = [...new Set(demoText.normalize('NFC').match(/\p{L}+/gu) ?? [])].filter((w) => w.length > 1);
const words = (n: number) => {
  const text = Array.from({ length: n }, () => pick(WORDS).toLocaleLowerCase('vi')).join(' ');
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
};
const paragraph = (n: number) => ({ type: 'paragraph', children: [{ type: 'text', text: `${words(n)}.` }] });
const body = (totalWords: number) => Array.from({ length: Math.ceil(totalWords / 75) }, () => paragraph(75));
/** Resident memory (bytes) of the processes below `root`, except those in `exclude` and below them. */
async function treeRss(root: number, exclude: ReadonlySet<number>): Promise<number> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)?.push(Number(entry));
  }
  let total = 0;
  const walk = async (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (exclude.has(child)) continue;
      const status = await readFile(`/proc/${child}/status`, 'utf8').catch(() => '');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      await walk(child);
    }
  };
  await walk(root);
  return total;
}
async function descendants(root: number): Promise<Set<number>> {
  const found = new Set<number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === root) found.add(Number(entry));
  }
  return found;
}

async function countFiles(dir: string) {
  let html = 0;
  let all = 0;
  for (const file of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    all += 1;
    if (file.name.endsWith('.html')) html += 1;
  }
  return { html, all };
}

progress(
  `site-publish bench: ${counts.articles} articles, ${counts.documents} documents, ${counts.procedures} procedures`,
);
const keptDir = dataDir ? path.resolve(dataDir) : undefined;
const seededMark = keptDir ? path.join(keptDir, 'bench-seeded.json') : undefined;
const SeededSchema = z.object({
  counts: z.object({ articles: z.number(), documents: z.number(), procedures: z.number() }),
  seedSeconds: z.number(),
  seededAt: z.string(),
});
let seeded: z.infer<typeof SeededSchema> | undefined;
if (seededMark) {
  const text = await readFile(seededMark, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    seeded = SeededSchema.parse(JSON.parse(text));
    if (JSON.stringify(seeded.counts) !== JSON.stringify(counts))
      throw new Error(
        `${keptDir} holds ${JSON.stringify(seeded.counts)}, not ${JSON.stringify(counts)}: use another --data-dir`,
      );
  } else if ((await readdir(keptDir as string).catch(() => [])).length > 0) {
    throw new Error(`${keptDir} is not empty and was not seeded by this benchmark (no bench-seeded.json)`);
  }
}
// Stopped by a signal (Ctrl-C, kill): exit, so that the services it started are killed with it
// (services/process.ts kills them on exit) instead of being left running on the data folder.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`site-publish bench: ${signal}, stopping`);
    process.exit(130);
  });
// Distinct slugs per run: a reused CMS keeps the previous runs' measured articles (as drafts).
const runTag = Date.now().toString(36);
const backend = await startTestBackend({ demoContent: true, keptDir });
let site: { url: string; close(): Promise<void> } | undefined;
let publisher: ReturnType<typeof createSitePublisher> | undefined;
try {
  const lookup = async (query: string) => {
    const answer = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, query);
    return Object.values(answer.body.data ?? {})[0] as Array<{ documentId: string }>;
  };
  const categories = await lookup('{ categories(pagination: { limit: 100 }) { documentId } }');
  const connect = (documentId: string) => ({ connect: [{ documentId }] });

  // Seeding: the CMS stopped, a Strapi of its own writes through the Document Service (site-publish-seed.ts).
  // With all counts 0 it only drops the search outbox's pending rows (a reused data folder seeded before that).
  async function seedCms(seedCounts: typeof counts) {
    await backend.services.killCms();
    const seedStarted = performance.now();
    const seeder = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'bench', 'site-publish-seed.ts'), JSON.stringify(seedCounts)],
      {
        cwd: path.join(REPO_ROOT, 'cms'),
        env: { ...backend.cmsEnv, NODE_ENV: 'production', PORTAL_DEMO_CONTENT_DIR: '' },
      },
    );
    const seederLog: string[] = [];
    for (const stream of [seeder.stdout, seeder.stderr])
      createInterface({ input: stream }).on('line', (line) => {
        if (line.startsWith('seeded ')) progress(line);
        else seederLog.push(line);
      });
    const [code] = (await once(seeder, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`Seeding failed (exit ${code}):\n${seederLog.slice(-30).join('\n')}`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await backend.services.startCms();
    // Connections kept alive to the killed CMS fail on their next use (ECONNRESET): use them up on a health check.
    for (let attempt = 1; ; attempt += 1) {
      const answer = await fetch(`${backend.cmsUrl}/_health`).catch((error: unknown) => {
        if (attempt >= 20) throw error;
        return undefined;
      });
      if (answer?.status === 204 || answer?.ok) break;
      await sleep(250);
    }
    progress(
      `seeded ${Object.values(seedCounts).reduce((a, b) => a + b)} entries in ${round(seedSeconds)} s; the CMS is back`,
    );
    if (seededMark && seedCounts === counts)
      await writeFile(
        seededMark,
        `${JSON.stringify({ counts, seedSeconds: round(seedSeconds), seededAt: new Date().toISOString() }, null, 2)}\n`,
      );
    return seedSeconds;
  }
  const seedSeconds = seeded ? seeded.seedSeconds : await seedCms(counts);
  if (seeded) {
    progress(`reusing the ${entries} entries seeded in ${keptDir} at ${seeded.seededAt}`);
    await seedCms({ articles: 0, documents: 0, procedures: 0 });
  }

  // The cold build, through the publisher (the outbox holds every seeded change).
  // Only the search-only key the build embeds: reindexing thousands of entries is not what this measures (and
  // on the loaded machine the reconcile's requests were reset after minutes); the CMS's own sync keeps indexing.
  const meili = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
  const searchKey = await ensureSearchKey(meili, backend.indexPrefix);
  // The indexes themselves, empty, with their settings, so the publishes' own search changes are applied as in
  // production (without them the CMS's worker retried every batch: ~29% of its CPU in the 50k run).
  const existing = new Set((await meili.getIndexes({ limit: 1000 })).results.map((index) => index.uid));
  for (const store of STORES) {
    const uid = storeUid(store, backend.indexPrefix);
    if (!existing.has(uid)) await createSearchIndex(meili, uid, store);
  }
  // Each build's wall time as the publisher saw it: build steps, release switch, telling the CMS.
  const publisherBuilds: Array<{ release: string; seconds: number }> = [];
  const siteRoot = path.join(backend.dir, 'site');
  // A cold build every run, also on a reused data folder.
  for (const kept of ['site', 'site-cache', 'image-cache'])
    await rm(path.join(backend.dir, kept), { recursive: true, force: true });
  publisher = createSitePublisher(backend, {
    secrets: backend.secrets,
    indexPrefix: backend.indexPrefix,
    searchKey,
    log: (line) => {
      const live = /Publisher: (\S+) is live \((\d+) ms/.exec(line);
      if (live) publisherBuilds.push({ release: live[1] ?? '', seconds: round(Number(live[2]) / 1000, 2) });
      progress(line);
    },
    publish: {
      siteRoot,
      keep: 3,
      // What `npm start` uses when nothing is configured: the figures are the ones a portal gets.
      quietMs: PUBLISH_DEFAULTS.PORTAL_PUBLISH_QUIET_MS,
      maxWaitMs: PUBLISH_DEFAULTS.PORTAL_PUBLISH_MAX_WAIT_MS,
      buildTimeoutMs: 3 * 3600_000,
      retryMaxMs: 30_000,
      pollMs: 250,
      // As `npm start` does: Astro's cache (incremental builds) and the image cache under the data folder.
      cacheDir: path.join(backend.dir, 'site-cache'),
      imageCacheDir: keptImages ? path.resolve(keptImages) : path.join(backend.dir, 'image-cache'),
      builderIdleMs,
    },
  });
  const services = await descendants(process.pid);
  let peakRss = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, await treeRss(process.pid, services));
      await sleep(250);
    }
  })();
  const buildLog = backend.logs.build;
  const logBefore = (await readFile(buildLog, 'utf8').catch(() => '')).length;
  const coldStarted = performance.now();
  const first = publisher.nextRelease({ rejectOnFailure: true });
  await publisher.start('bench: cold build');
  const release = await first;
  const coldSeconds = (performance.now() - coldStarted) / 1000;
  sampling = false;
  await sampler;
  const files = await countFiles(path.join(releasePaths(siteRoot).releases, release));
  const log = (await readFile(buildLog, 'utf8')).slice(logBefore);
  const readMs = Number(/\[site\] content read: .* in (\d+) ms/.exec(log)?.[1] ?? NaN);
  const cold = {
    seconds: round(coldSeconds),
    htmlPages: files.html,
    files: files.all,
    pagesPerSecond: round(files.html / coldSeconds),
    peakRssGb: round(peakRss / 1024 ** 3, 2),
    contentReadSeconds: round(readMs / 1000, 2),
    imageStepSeconds: round(imageStepSeconds(log) ?? NaN, 2),
  };
  progress(`cold build: ${JSON.stringify(cold)}`);

  // Publish → live and unpublish → gone, through the admin API and the publisher.
  site = await serveStatic(releasePaths(siteRoot).current, 0, { searchOrigin: backend.meili.url });
  const status = async (pathname: string) =>
    (await fetch(`${site?.url}${pathname}`, { headers: { 'Accept-Encoding': 'identity' } })).status;
  // One poller for every page waited on, one request at a time, ~10 rounds a second: a poller per publish
  // (up to 50 at once, every 100 ms) made ~500 requests/s to the static server in this process, whose file
  // reads then queued the publisher's own in libuv's thread pool (a build's start waited up to 8 s at 50k).
  const waiting = new Set<{ pathname: string; wanted: number; done: () => void }>();
  let polling: Promise<void> | undefined;
  const poll = async () => {
    while (waiting.size > 0) {
      for (const page of [...waiting]) {
        if ((await status(page.pathname)) !== page.wanted) continue;
        waiting.delete(page);
        page.done();
      }
      await sleep(100);
    }
    polling = undefined;
  };
  const waitUntil = (pathname: string, wanted: number) =>
    new Promise<void>((done) => {
      waiting.add({ pathname, wanted, done });
      polling ??= poll();
    });
  const measure = async (label: string, act: (i: number) => Promise<string>, wanted: number) => {
    const samples: number[] = [];
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < publishes; i += 1) {
      const started = performance.now();
      const pathname = await act(i);
      pending.push(
        waitUntil(pathname, wanted).then(() => {
          samples.push((performance.now() - started) / 1000);
          if (samples.length % 10 === 0 || samples.length === publishes)
            progress(`${label}: ${samples.length}/${publishes} done`);
        }),
      );
      await sleep(intervalMs);
    }
    await Promise.all(pending);
    return summary(samples);
  };
  // Logged in now, not before seeding: an admin session expires (50k entries take longer to seed than it lasts).
  const editor = await adminSession(backend);
  const published: string[] = [];
  const publishToLive = await measure(
    'publish → live',
    async (i) => {
      const created = await editor.createPublished(ARTICLE, {
        title: `${words(12)} (tin đo độ trễ ${i + 1})`,
        slug: `bench-do-tre-${runTag}-${i + 1}`,
        lead: words(40),
        body: body(600),
        category: connect(pick(categories).documentId),
      });
      published.push(String(created.documentId));
      return `/tin-tuc/bench-do-tre-${runTag}-${i + 1}/`;
    },
    200,
  );
  const unpublishToGone = await measure(
    'unpublish → gone',
    async (i) => {
      await editor.request('POST', `${editor.base(ARTICLE)}/${published[i]}/actions/unpublish`, {});
      return `/tin-tuc/bench-do-tre-${runTag}-${i + 1}/`;
    },
    404,
  );

  const result = {
    benchmark: 'site-publish',
    measuredAt: new Date().toISOString(),
    command: `npm run bench:site-publish -- --entries ${entries} --publishes ${publishes} --interval-ms ${intervalMs}${keptImages ? ` --image-cache ${keptImages}` : ''}${dataDir ? ` --data-dir ${dataDir}` : ''} --builder-idle-ms ${builderIdleMs}`,
    entries: counts,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      // Other work on the machine skews every number: keep the load next to them.
      loadAverage: os.loadavg().map((n) => round(n, 2)),
    },
    seedSeconds: round(seedSeconds),
    // true: the CMS seeded by an earlier run with --data-dir (seedSeconds is that run's).
    reusedSeed: seeded !== undefined,
    coldBuild: cold,
    publishToLiveSeconds: publishToLive,
    unpublishToGoneSeconds: unpublishToGone,
    builds: publisher.succeeded,
    // Each live build's wall time as the publisher saw it (build steps, release switch, telling the CMS)…
    publisherBuilds,
    // …and where each build's time went (build-phases.ts reads the build log; failed builds too): the cold build first.
    buildBreakdown: buildPhases((await readFile(buildLog, 'utf8')).slice(logBefore)),
    progressLines,
  };
  console.log(JSON.stringify(result, null, 2));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${out}`);
} catch (error) {
  console.error(error);
  console.error(
    `CMS log (last lines):\n${(await readFile(backend.logs.cms, 'utf8').catch(() => '')).split('\n').slice(-40).join('\n')}`,
  );
  process.exitCode = 1;
} finally {
  await site?.close();
  await publisher?.stop();
  await backend.dispose();
}
