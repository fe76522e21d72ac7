/**
 * Search benchmark: indexes N generated documents (default 100,000) into fresh Meilisearch indexes with
 * the portal's settings, then runs the browser client's federated search from C concurrent clients
 * (default 32) on loopback for a bounded number of requests, and prints indexing throughput and search
 * latency p50/p95/p99. Writes the numbers to scripts/bench/results/search-latency.json.
 *
 *   node scripts/bench/search-latency.ts [--documents 100000] [--clients 32] [--requests 6400] [--out <file>]
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
import { BENCH_QUERIES, benchmarkEntries } from './search-corpus.ts';

/** Bounded: the load stays on loopback and ends. */
const ArgsSchema = z.object({
  documents: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
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
  clients: { type: 'string' },
  requests: { type: 'string' },
  batch: { type: 'string' },
  out: { type: 'string' },
});
const DOCUMENTS = args.documents;
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
    for (const { index, entry } of benchmarkEntries(DOCUMENTS)) {
      const definition = byName.get(index);
      if (!definition) continue;
      const list = batches.get(index) ?? [];
      list.push(definition.toDocument({ locale: 'vi', ...entry }));
      batches.set(index, list);
      if (list.length >= BATCH) flush(index);
    }
    for (const name of batches.keys()) flush(name);
    await Promise.all(tasks);
    const indexingSeconds = (performance.now() - started) / 1000;
    const indexing = {
      documents: DOCUMENTS,
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
    for (const q of BENCH_QUERIES) await searchPortal(config, q); // warm-up
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
            await searchPortal(config, q, { limit: 20, facets: ['kind', 'documentType', 'year', 'status'] });
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
