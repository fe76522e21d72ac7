/**
 * Search benchmark: indexes N generated documents (default 100,000, of which --long 5,000 are long legal
 * texts of 10k–60k words like national laws) into fresh Meilisearch indexes with the portal's settings,
 * then measures, all on loopback:
 *   - one client, the page's real federated request, one search at a time: Meilisearch processing time and
 *     the client call (fetch to parsed answer), p50/p95 over --single searches;
 *   - keystroke → results painted in Chromium (the site's search script on the search page's markup):
 *     Enter's keydown to the first frame painted with the results, p50/p95 (--browser-rounds, 0 skips it);
 *   - throughput from C concurrent clients (default 32) for a bounded number of requests.
 * Writes the numbers, with the load average, to scripts/bench/results/search-latency.json.
 *
 *   node scripts/bench/search-latency.ts [--documents 100000] [--long 5000] [--single 400] [--browser-rounds 4]
 *     [--clients 32] [--requests 6400] [--out <file>]
 *
 * Not part of `npm test`: it takes minutes and its numbers depend on the machine.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import { INDEXES, createSearchIndex, ensureSearchKey, indexViews, type SearchIndex } from '@portal/search';
import { searchPortal } from '@portal/search/client';
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
  out: { type: 'string' },
});
const DOCUMENTS = args.documents;
const LONG = Math.min(args.long, DOCUMENTS);
const CLIENTS = args.clients;
const REQUESTS = args.requests;
const BATCH = args.batch;
const TASK = { timeout: 1_800_000, interval: 200 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-bench-'));
  const masterKey = randomBytes(24).toString('hex');
  const server = await startMeilisearch({
    binary: await resolveMeilisearchBinary(process.env.MEILI_BIN),
    port: await freePort(),
    dataDir: dir,
    masterKey,
    logFile: path.join(dir, 'meilisearch.log'),
  });
  try {
    const admin = new Meilisearch({ host: server.url, apiKey: masterKey });
    const prefix = 'bench_';
    const byName = new Map<string, SearchIndex>(INDEXES.map((index) => [index.name, index]));
    // As the portal builds them: every searchable field known, so an index the corpus leaves empty answers.
    for (const index of INDEXES) await createSearchIndex(admin, `${prefix}${index.name}`, index);

    // Indexing: documents built by the real toDocument, sent in batches; timed until the last task is done.
    const started = performance.now();
    const batches = new Map<string, object[]>();
    const tasks: Array<Promise<unknown>> = [];
    const flush = (name: string) => {
      const documents = batches.get(name) ?? [];
      if (documents.length) tasks.push(admin.index(`${prefix}${name}`).addDocuments(documents).waitTask(TASK));
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
    // Long texts in small batches (each is 60–400 kB of text); progress, since they take most of the time.
    let long = 0;
    for (const { index, entry } of longLegalEntries(LONG)) {
      add(index, entry, 50);
      long += 1;
      if (long % 500 === 0) {
        await Promise.all(tasks.splice(0));
        console.log(`  ${long}/${LONG} long texts indexed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    for (const name of batches.keys()) flush(name);
    await Promise.all(tasks);
    const indexingSeconds = (performance.now() - started) / 1000;
    const indexing = {
      documents: DOCUMENTS,
      longTexts: LONG,
      seconds: indexingSeconds,
      documentsPerSecond: DOCUMENTS / indexingSeconds,
    };
    console.log(
      `Indexed ${DOCUMENTS} documents in ${indexingSeconds.toFixed(1)} s (${indexing.documentsPerSecond.toFixed(0)} documents/s)`,
    );

    // Search: CLIENTS concurrent loops share REQUESTS federated searches, as the browser client sends them.
    const config = {
      host: server.url,
      apiKey: await ensureSearchKey(admin, prefix),
      indexes: indexViews(INDEXES, prefix),
    };
    const pageOptions = {
      limit: 20,
      locale: 'vi',
      facets: ['kind', 'documentType', 'category', 'fields', 'agency', 'year', 'status', 'serviceLevel'],
    };
    for (const q of BENCH_QUERIES) await searchPortal(config, q, pageOptions); // warm-up

    // One client, one search at a time: what a citizen's search costs on an otherwise idle engine.
    const engineMs: number[] = [];
    const clientMs: number[] = [];
    for (let i = 0; i < args.single; i += 1) {
      const t0 = performance.now();
      const page = await searchPortal(config, BENCH_QUERIES[i % BENCH_QUERIES.length] ?? '', pageOptions);
      clientMs.push(performance.now() - t0);
      engineMs.push(page.processingTimeMs);
    }
    engineMs.sort((a, b) => a - b);
    clientMs.sort((a, b) => a - b);
    const single = {
      searches: args.single,
      meilisearchP50Ms: percentile(engineMs, 50),
      meilisearchP95Ms: percentile(engineMs, 95),
      clientP50Ms: percentile(clientMs, 50),
      clientP95Ms: percentile(clientMs, 95),
    };
    console.log(
      `One client, ${single.searches} searches: Meilisearch processing p50 ${single.meilisearchP50Ms} ms, ` +
        `p95 ${single.meilisearchP95Ms} ms; client call p50 ${single.clientP50Ms.toFixed(1)} ms, p95 ${single.clientP95Ms.toFixed(1)} ms`,
    );

    let browser: { rounds: number; samples: number; p50Ms: number; p95Ms: number } | undefined;
    if (args['browser-rounds'] > 0) {
      const timing = await keystrokeToPainted({ config, queries: BENCH_QUERIES, rounds: args['browser-rounds'] });
      const sorted = [...timing.samplesMs].sort((a, b) => a - b);
      browser = {
        rounds: args['browser-rounds'],
        samples: sorted.length,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
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
            await searchPortal(config, q, pageOptions);
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
    };
    console.log(
      `Search, ${CLIENTS} concurrent clients, ${search.requests} requests (${failures} failed): ` +
        `p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms, p99 ${search.p99Ms.toFixed(1)} ms, ` +
        `${search.requestsPerSecond.toFixed(0)} requests/s`,
    );
    const result = {
      benchmark: 'search-latency',
      date: new Date().toISOString(),
      // Other work on the machine skews latency: the load average says how busy it was.
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
      indexing,
      single,
      browser,
      search,
    };
    const out = path.resolve(args.out);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await server.process.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
