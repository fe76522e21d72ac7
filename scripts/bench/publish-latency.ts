/**
 * Publish → searchable latency: an editor publishes an article through the admin API; the clock
 * stops when its document can be fetched from Meilisearch. Real Strapi (temporary SQLite), real
 * Meilisearch, the real outbox worker: what an editor waits for before a citizen can find the news.
 *
 *   node scripts/bench/publish-latency.ts [--count 200] [--out scripts/bench/results/publish-latency.json]
 *
 * Prints p50/p95/max and writes them as JSON. The committed result is a reference measured on the
 * development machine named inside it; rerun it on yours before comparing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { articleIndex, indexUidOf } from '@portal/search';
import { parseBenchArgs } from './args.ts';
import { REPO_ROOT } from '../src/config.ts';
import { indexContent } from '../src/portal.ts';
import { adminSession, startTestBackend } from '../src/testing.ts';

const ArgsSchema = z.object({
  count: z.coerce.number().int().min(1).max(10_000).default(200),
  out: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'publish-latency.json')),
});

const { count, out } = parseBenchArgs(ArgsSchema, { count: { type: 'string' }, out: { type: 'string' } });

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

const backend = await startTestBackend({ demoContent: false });
try {
  await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
  const editor = await adminSession(backend);
  const index = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey }).index(
    indexUidOf(articleIndex, backend.indexPrefix),
  );
  const total: number[] = [];
  const afterResponse: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    const started = performance.now();
    const { documentId } = await editor.createPublished('api::article.article', {
      title: `Tin đo độ trễ số ${i}: UBND tỉnh triển khai dịch vụ công trực tuyến`,
    });
    const answered = performance.now();
    const id = articleIndex.keyOf(String(documentId), null);
    const deadline = Date.now() + 60_000;
    while (
      !(await index.getDocument(id).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`Article ${i} was not searchable within 60 s`);
      await sleep(5);
    }
    const found = performance.now();
    total.push(found - started);
    afterResponse.push(found - answered);
  }
  const result = {
    benchmark: 'publish-latency',
    measuredAt: new Date().toISOString(),
    publishes: count,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      // Other work on the machine skews the tail: keep the load next to the numbers.
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    /** From sending the publish request until the document is in the index. */
    publishToSearchableMs: summary(total),
    /** From the publish request's answer until the document is in the index (the sync's own share). */
    answerToSearchableMs: summary(afterResponse),
  };
  console.log(`publish → searchable over ${count} publishes (ms):`, result.publishToSearchableMs);
  console.log('after the publish request answered (ms):         ', result.answerToSearchableMs);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${out}`);
} finally {
  await backend.dispose();
}
