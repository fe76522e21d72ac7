/**
 * Search benchmark: indexes N generated documents (default 100,000, of which --long 5,000 are long legal
 * texts of 10k–60k words like national laws) into fresh Meilisearch indexes with the portal's settings,
 * then measures, all on loopback:
 *   - one client, the page's real federated request, one search at a time: Meilisearch processing time and
 *     the client call (fetch to parsed answer), p50/p95 over --single searches; and the client call again
 *     with the compressed answer a browser gets;
 *   - keystroke → results painted in Chromium (the site's search script on the search page's markup):
 *     Enter's keydown to the first frame painted with the results, p50/p95 (--browser-rounds, 0 skips it);
 *   - throughput from C concurrent clients (default 32) for a bounded number of requests.
 * Writes the numbers, with the load average, to scripts/bench/results/search-latency.json.
 *
 *   node scripts/bench/search-latency.ts [--documents 100000] [--long 5000] [--single 400] [--browser-rounds 4]
 *     [--clients 32] [--requests 6400] [--out <file>] [--meili-data <dir> [--index-only]] [--profile 2]
 *
 * Indexing runs Meilisearch under `nice -n 10` (--nice), so it yields the CPU to other work on a shared
 * machine; the measurements run on a fresh Meilisearch process at normal priority over the same data.
 * --meili-data keeps the index in <dir> (outside git, e.g. /work/search-bench-data/100k): an empty or
 * missing <dir> is indexed, one indexed before with the same documents is reused without indexing again
 * (index settings changed since are applied first, niced: Meilisearch re-indexes only what they touch),
 * any other content is refused. With --index-only the bench stops after
 * indexing, so the slow part can run while the machine is busy and the measuring later, when it is idle.
 * --profile N times every sub-query of the federated request on its own, N times per bench query, with
 * and without highlighting and facets, and with one hit instead of 20 (what reading the hits' stored
 * documents costs): where a search's time goes.
 *
 * Not part of `npm test`: it takes minutes and its numbers depend on the machine.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import {
  INDEXES,
  STORES,
  createSearchIndex,
  ensureSearchKey,
  indexViews,
  storeOf,
  type SearchIndex,
} from '@portal/search';
import { federatedRequest, searchPortal, type SearchClientConfig } from '@portal/search/client';
import { freePort, resolveMeilisearchBinary, startMeilisearch } from '../src/services/index.ts';
import { BENCH_QUERIES, benchmarkEntries, longLegalEntries } from './search-corpus.ts';
import { keystrokeToPainted } from './search-page-timing.ts';

/** Bounded: the load stays on loopback and ends. */
const ArgsSchema = z.object({
  documents: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  long: z.coerce.number().int().min(0).max(100_000).default(5000),
  single: z.coerce.number().int().min(1).max(100_000).default(400),
  'browser-rounds': z.coerce.number().int().min(0).max(100).default(4),
  clients: z.coerce.number().int().min(1).max(256).default(32),
  requests: z.coerce.number().int().min(1).max(100_000).default(6400),
  batch: z.coerce.number().int().min(100).max(100_000).default(10_000),
  'meili-data': z.string().min(1).optional(),
  'index-only': z.boolean().default(false),
  nice: z.coerce.number().int().min(0).max(19).default(10),
  'indexing-threads': z.coerce.number().int().min(1).max(64).optional(),
  profile: z.coerce.number().int().min(0).max(100).default(0),
  out: z
    .string()
    .min(1)
    .default(path.join(import.meta.dirname, 'results', 'search-latency.json')),
});
const args = parseBenchArgs(ArgsSchema, {
  documents: { type: 'string' },
  long: { type: 'string' },
  single: { type: 'string' },
  'browser-rounds': { type: 'string' },
  clients: { type: 'string' },
  requests: { type: 'string' },
  batch: { type: 'string' },
  'meili-data': { type: 'string' },
  'index-only': { type: 'boolean' },
  nice: { type: 'string' },
  'indexing-threads': { type: 'string' },
  profile: { type: 'string' },
  out: { type: 'string' },
});
if (args['index-only'] && !args['meili-data']) {
  console.error('--index-only needs --meili-data <dir>: an index built into a temporary folder is deleted at the end.');
  process.exit(2);
}
const DOCUMENTS = args.documents;
const LONG = Math.min(args.long, DOCUMENTS);
const CLIENTS = args.clients;
const REQUESTS = args.requests;
const BATCH = args.batch;
const TASK = { timeout: 1_800_000, interval: 200 };

const PREFIX = 'bench_';
const MANIFEST = 'bench-manifest.json';

/** What the kept index holds: a reused data folder must hold the same documents, in the same indexes. */
function fingerprint(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ documents: DOCUMENTS, long: LONG }));
  hash.update(JSON.stringify(STORES.map((store) => [store.name, store.members.map((member) => member.name)])));
  // A sample of the documents as toDocument builds them: a change of the corpus or of a definition shows.
  const byName = new Map<string, SearchIndex>(INDEXES.map((index) => [index.name, index]));
  for (const { index, entry } of benchmarkEntries(Math.min(50, DOCUMENTS - LONG)))
    hash.update(JSON.stringify(byName.get(index)?.toDocument({ locale: 'vi', ...entry })));
  for (const { index, entry } of longLegalEntries(Math.min(2, LONG)))
    hash.update(JSON.stringify(byName.get(index)?.toDocument({ locale: 'vi', ...entry })));
  return hash.digest('hex');
}

/** The index settings as the definitions write them now. */
const settingsFingerprint = () =>
  createHash('sha256')
    .update(JSON.stringify(STORES.map((store) => [store.name, store.settings])))
    .digest('hex');

interface Manifest {
  fingerprint: string;
  settings: string;
  masterKey: string;
  indexing: Record<string, unknown>;
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Starts Meilisearch on the data folder: niced while indexing, at normal priority to measure. */
async function start(dir: string, masterKey: string, niceness: number) {
  return startMeilisearch({
    binary: await resolveMeilisearchBinary(process.env.MEILI_BIN),
    port: await freePort(),
    dataDir: dir,
    masterKey,
    logFile: path.join(dir, 'meilisearch.log'),
    ...(args['indexing-threads'] ? { maxIndexingThreads: args['indexing-threads'] } : {}),
    niceness,
  });
}

/** Builds the indexes as the portal does, fills them with the corpus and waits until Meilisearch is done. */
async function indexCorpus(admin: Meilisearch) {
  const byName = new Map<string, SearchIndex>(INDEXES.map((index) => [index.name, index]));
  // As the portal builds them: every searchable field known, so an index the corpus leaves empty answers.
  for (const store of STORES) await createSearchIndex(admin, `${PREFIX}${store.name}`, store);

  // Indexing: documents built by the real toDocument, sent in batches; timed until the last task is done.
  const started = performance.now();
  const batches = new Map<string, object[]>();
  const tasks: Array<Promise<unknown>> = [];
  const flush = (name: string) => {
    const documents = batches.get(name) ?? [];
    const definition = byName.get(name);
    if (documents.length && definition)
      tasks.push(
        admin
          .index(`${PREFIX}${storeOf(definition).name}`)
          .addDocuments(documents)
          .waitTask(TASK),
      );
    batches.set(name, []);
  };
  const add = (index: string, entry: Record<string, unknown>, batchSize: number) => {
    const definition = byName.get(index);
    if (!definition) return;
    const list = batches.get(index) ?? [];
    list.push(definition.toDocument({ locale: 'vi', ...entry }));
    batches.set(index, list);
    if (list.length >= batchSize) flush(index);
  };
  for (const { index, entry } of benchmarkEntries(DOCUMENTS - LONG)) add(index, entry, BATCH);
  for (const name of batches.keys()) flush(name);
  await Promise.all(tasks.splice(0));
  const shortSeconds = (performance.now() - started) / 1000;
  console.log(`  ${DOCUMENTS - LONG} short documents indexed (${shortSeconds.toFixed(0)} s)`);
  // Long texts in small batches (each is 200–800 kB with its toned copy); waited for every 250, so the
  // bench never holds more than that in memory. Progress, since they take most of the time.
  let long = 0;
  const longStarted = performance.now();
  for (const { index, entry } of longLegalEntries(LONG)) {
    add(index, entry, 25);
    long += 1;
    if (long % 250 === 0) {
      for (const name of batches.keys()) flush(name);
      await Promise.all(tasks.splice(0));
      const seconds = (performance.now() - longStarted) / 1000;
      console.log(
        `  ${long}/${LONG} long texts indexed (${((performance.now() - started) / 1000).toFixed(0)} s, ` +
          `${(long / seconds).toFixed(1)} long texts/s, load ${os.loadavg()[0]?.toFixed(1)})`,
      );
    }
  }
  for (const name of batches.keys()) flush(name);
  await Promise.all(tasks);
  const seconds = (performance.now() - started) / 1000;
  const longSeconds = (performance.now() - longStarted) / 1000;
  return {
    documents: DOCUMENTS,
    longTexts: LONG,
    seconds,
    documentsPerSecond: DOCUMENTS / seconds,
    shortSeconds,
    longSeconds,
    longTextsPerSecond: LONG / longSeconds,
    niceness: args.nice,
    // Indexing shares the machine: how busy it was when indexing ended.
    loadAverage: os.loadavg(),
    date: new Date().toISOString(),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const PAGE_OPTIONS = {
  limit: 20,
  locale: 'vi',
  facets: ['kind', 'documentType', 'category', 'fields', 'agency', 'year', 'status', 'serviceLevel'],
};

/**
 * Each sub-query of the page's federated request on its own (a plain multi-search of one query), as the page
 * sends it and without its highlighting; and the federated request without facets, and without highlighting.
 * Meilisearch's processing time, p50/p95 per kind of sub-query over the bench queries.
 */
async function profile(config: SearchClientConfig, rounds: number) {
  const post = async (body: unknown) => {
    const response = await fetch(`${config.host}/multi-search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as { processingTimeMs?: number; results?: Array<{ processingTimeMs: number }> };
  };
  const samples = new Map<string, number[]>();
  const note = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
  for (let round = 0; round < rounds; round += 1) {
    for (const q of BENCH_QUERIES) {
      const { body } = federatedRequest(config, q, PAGE_OPTIONS);
      note('federated, as the page sends it', (await post(body)).processingTimeMs ?? NaN);
      const { body: bare } = federatedRequest(config, q, { ...PAGE_OPTIONS, facets: [] });
      note('federated, no facets', (await post(bare)).processingTimeMs ?? NaN);
      const unmarked = {
        ...body,
        queries: body.queries.map(({ attributesToHighlight, ...query }) => (void attributesToHighlight, query)),
      };
      note('federated, no highlighting', (await post(unmarked)).processingTimeMs ?? NaN);
      for (const { federationOptions, ...query } of body.queries) {
        void federationOptions;
        const on = query['attributesToSearchOn'] as string[];
        const fields = on.includes('tonedText')
          ? 'toned body'
          : on.includes('tonedTitle')
            ? 'toned short fields'
            : on.includes('text')
              ? 'body'
              : 'short fields';
        const key = `${query.indexUid.slice(PREFIX.length)}: ${fields}, ${String(query['matchingStrategy'])}`;
        const single: Record<string, unknown> = { ...query, limit: 20 };
        // Once untimed first: the variants below read the same hits, and the first to read them would pay for
        // the page cache alone.
        await post({ queries: [single] });
        note(key, (await post({ queries: [single] })).results?.[0]?.processingTimeMs ?? NaN);
        const { attributesToHighlight, ...plain } = single;
        void attributesToHighlight;
        note(`${key} · no highlight`, (await post({ queries: [plain] })).results?.[0]?.processingTimeMs ?? NaN);
        // One hit instead of 20: the difference is reading the hits' stored documents (a law's is its full text).
        const one = { ...single, limit: 1 };
        note(`${key} · 1 hit`, (await post({ queries: [one] })).results?.[0]?.processingTimeMs ?? NaN);
        if (query['matchingStrategy'] !== 'all') {
          const strict = { ...single, matchingStrategy: 'all' };
          note(`${key} · all words`, (await post({ queries: [strict] })).results?.[0]?.processingTimeMs ?? NaN);
        }
      }
    }
  }
  const rows = [...samples.entries()]
    .map(([query, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { query, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
    })
    // The sub-queries of indexes the corpus leaves empty cost nothing: left out.
    .filter((row) => (row.max ?? 0) > 0);
  console.table(rows);
  return rows;
}

async function measure(config: SearchClientConfig) {
  for (const q of BENCH_QUERIES) await searchPortal(config, q, PAGE_OPTIONS); // warm-up
  const profiled = args.profile > 0 ? await profile(config, args.profile) : undefined;

  // One client, one search at a time: what a citizen's search costs on an otherwise idle engine.
  const engineMs: number[] = [];
  const clientMs: number[] = [];
  for (let i = 0; i < args.single; i += 1) {
    const t0 = performance.now();
    const page = await searchPortal(config, BENCH_QUERIES[i % BENCH_QUERIES.length] ?? '', PAGE_OPTIONS);
    clientMs.push(performance.now() - t0);
    engineMs.push(page.processingTimeMs);
  }
  engineMs.sort((a, b) => a - b);
  clientMs.sort((a, b) => a - b);
  // The same calls with the compressed answer a browser gets (it cannot ask for an uncompressed one, see
  // searchHeaders in search/src/client.ts): Meilisearch's chunked compressed answer waits for a delayed ACK.
  const compressedMs: number[] = [];
  const plainFetch = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    plainFetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), 'Accept-Encoding': 'gzip, deflate' },
    });
  try {
    for (let i = 0; i < args.single; i += 1) {
      const t0 = performance.now();
      await searchPortal(config, BENCH_QUERIES[i % BENCH_QUERIES.length] ?? '', PAGE_OPTIONS);
      compressedMs.push(performance.now() - t0);
    }
  } finally {
    globalThis.fetch = plainFetch;
  }
  compressedMs.sort((a, b) => a - b);
  const single = {
    searches: args.single,
    meilisearchP50Ms: percentile(engineMs, 50),
    meilisearchP95Ms: percentile(engineMs, 95),
    clientP50Ms: percentile(clientMs, 50),
    clientP95Ms: percentile(clientMs, 95),
    compressedClientP50Ms: percentile(compressedMs, 50),
    compressedClientP95Ms: percentile(compressedMs, 95),
    loadAverage: os.loadavg(),
  };
  console.log(
    `One client, ${single.searches} searches: Meilisearch processing p50 ${single.meilisearchP50Ms} ms, ` +
      `p95 ${single.meilisearchP95Ms} ms; client call p50 ${single.clientP50Ms.toFixed(1)} ms, p95 ${single.clientP95Ms.toFixed(1)} ms ` +
      `(compressed answer, as a browser gets it: p50 ${single.compressedClientP50Ms.toFixed(1)} ms, p95 ${single.compressedClientP95Ms.toFixed(1)} ms)`,
  );

  let browser: { rounds: number; samples: number; p50Ms: number; p95Ms: number; loadAverage: number[] } | undefined;
  if (args['browser-rounds'] > 0) {
    const timing = await keystrokeToPainted({ config, queries: BENCH_QUERIES, rounds: args['browser-rounds'] });
    const sorted = [...timing.samplesMs].sort((a, b) => a - b);
    browser = {
      rounds: args['browser-rounds'],
      samples: sorted.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      loadAverage: os.loadavg(),
    };
    console.log(
      `Chromium, keystroke (Enter) → results painted, ${browser.samples} searches: ` +
        `p50 ${browser.p50Ms.toFixed(1)} ms, p95 ${browser.p95Ms.toFixed(1)} ms`,
    );
  }
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const searchStarted = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        const q = BENCH_QUERIES[i % BENCH_QUERIES.length] ?? '';
        const t0 = performance.now();
        try {
          await searchPortal(config, q, PAGE_OPTIONS);
          latencies.push(performance.now() - t0);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const searchSeconds = (performance.now() - searchStarted) / 1000;
  latencies.sort((a, b) => a - b);
  const search = {
    clients: CLIENTS,
    requests: latencies.length,
    failures,
    seconds: searchSeconds,
    requestsPerSecond: latencies.length / searchSeconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
    loadAverage: os.loadavg(),
  };
  console.log(
    `Search, ${CLIENTS} concurrent clients, ${search.requests} requests (${failures} failed): ` +
      `p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms, p99 ${search.p99Ms.toFixed(1)} ms, ` +
      `${search.requestsPerSecond.toFixed(0)} requests/s`,
  );
  return { single, browser, search, profile: profiled };
}

async function main() {
  const kept = args['meili-data'] ? path.resolve(args['meili-data']) : undefined;
  const dir = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'portal-bench-')));
  const print = fingerprint();
  let manifest = kept ? await readManifest(kept) : undefined;
  if (kept && manifest && manifest.fingerprint !== print) {
    console.error(
      `${kept} holds an index of other documents (--documents, --long, the corpus or a definition's toDocument ` +
        'changed). Delete it, or give another --meili-data folder.',
    );
    process.exit(2);
  }
  if (kept && !manifest) {
    const present = await readdir(kept).catch(() => []);
    if (present.length) {
      console.error(`${kept} is not empty and was not made by this bench: give an empty or new folder.`);
      process.exit(2);
    }
  }
  const reused = manifest !== undefined;
  try {
    if (!manifest) {
      const masterKey = randomBytes(24).toString('hex');
      console.log(
        `Indexing ${DOCUMENTS} documents (${LONG} long texts) into ${dir}, Meilisearch under nice -n ${args.nice}`,
      );
      const server = await start(dir, masterKey, args.nice);
      try {
        const indexing = await indexCorpus(new Meilisearch({ host: server.url, apiKey: masterKey }));
        console.log(
          `Indexed ${DOCUMENTS} documents in ${indexing.seconds.toFixed(1)} s (${indexing.documentsPerSecond.toFixed(0)} documents/s; ` +
            `long texts ${indexing.longTextsPerSecond.toFixed(2)}/s)`,
        );
        manifest = { fingerprint: print, settings: settingsFingerprint(), masterKey, indexing };
      } finally {
        await server.process.stop();
      }
      // Written last: a folder whose indexing was cut off has no manifest, and is refused, not measured.
      if (kept) await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    } else {
      console.log(`Reusing the index in ${dir} (indexed ${String(manifest.indexing['date'])})`);
      if (manifest.settings !== settingsFingerprint()) {
        // Settings changed since: Meilisearch applies them (re-indexing only what they touch), niced as well.
        console.log('The index definitions changed since: applying their settings (Meilisearch under nice)…');
        const started = performance.now();
        const server = await start(dir, manifest.masterKey, args.nice);
        try {
          const admin = new Meilisearch({ host: server.url, apiKey: manifest.masterKey });
          for (const store of STORES) {
            const task = await admin.index(`${PREFIX}${store.name}`).updateSettings(store.settings).waitTask(TASK);
            if (task.status !== 'succeeded')
              throw new Error(`Settings of ${store.name}: ${JSON.stringify(task.error)}`);
          }
        } finally {
          await server.process.stop();
        }
        manifest = {
          ...manifest,
          settings: settingsFingerprint(),
          indexing: { ...manifest.indexing, settingsUpdatedSeconds: (performance.now() - started) / 1000 },
        };
        await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
        console.log(`Settings applied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    if (args['index-only']) {
      console.log(
        `Kept in ${dir}. To measure: node scripts/bench/search-latency.ts --documents ${DOCUMENTS} --long ${LONG} --meili-data ${dir}`,
      );
      return;
    }

    const server = await start(dir, manifest.masterKey, 0);
    try {
      const admin = new Meilisearch({ host: server.url, apiKey: manifest.masterKey });
      const config = {
        host: server.url,
        apiKey: await ensureSearchKey(admin, PREFIX),
        indexes: indexViews(STORES, PREFIX),
      };
      const measured = await measure(config);
      const result = {
        benchmark: 'search-latency',
        date: new Date().toISOString(),
        // Other work on the machine skews latency: the load average says how busy it was.
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          node: process.version,
          loadAverage: os.loadavg(),
        },
        indexing: { ...manifest.indexing, reused },
        ...measured,
      };
      const out = path.resolve(args.out);
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`Wrote ${path.relative(process.cwd(), out)}`);
    } finally {
      await server.process.stop();
    }
  } finally {
    if (!kept) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
