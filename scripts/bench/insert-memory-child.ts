/**
 * The measuring half of bench:insert-memory (run by it with --expose-gc, cwd cms/, the CMS's environment,
 * the CMS stopped): loads Strapi as the CMS does and creates published articles through the Document
 * Service in transactions of `batch`, as site-publish-seed.ts does. After each batch it collects garbage
 * and prints one JSON line with the heap in use and the resident memory. With `snapshots`, writes a
 * heap snapshot after the warm-up batches and one at the end, to diff.
 *
 *   node --expose-gc scripts/bench/insert-memory-child.ts '{"entries":1000,"batch":100,"warmup":200,"snapshots":"/tmp/x"}'
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import type * as StrapiModule from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

const options = z
  .object({
    entries: z.number().int().min(1),
    batch: z.number().int().min(1).default(100),
    warmup: z.number().int().min(0).default(200),
    snapshots: z.string().optional(),
    transaction: z.boolean().default(true),
    /** false: no forced collection before a sample, memory as a long-running CMS sees it. */
    collect: z.boolean().default(true),
  })
  .strict()
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc');

const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof StrapiModule;
const strapi: Core.Strapi = await createStrapi({
  appDir: process.cwd(),
  distDir: path.join(process.cwd(), 'dist'),
}).load();

const articles = strapi.documents('api::article.article') as unknown as {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
};
const categories = await strapi.documents('api::category.category').findMany({ fields: ['documentId'] });
const category = String(categories[0]?.documentId);
const text = (n: number, i: number) => Array.from({ length: n }, (_, w) => `từ${(i * 7 + w) % 997}`).join(' ');
const article = (i: number) => ({
  title: `Tin đo bộ nhớ số ${i + 1}: ${text(12, i)}`,
  slug: `tin-do-bo-nho-${i + 1}`,
  lead: text(40, i),
  body: Array.from({ length: 8 }, (_, p) => ({
    type: 'paragraph',
    children: [{ type: 'text', text: `${text(75, i + p)}.` }],
  })),
  author: 'Phóng viên',
  postedAt: new Date(Date.UTC(2022, 0, 1) + i * 3_600_000).toISOString(),
  kind: 'tin_tuc',
  category: { connect: [{ documentId: category }] },
  editorialStage: 'da_xuat_ban',
});

const started = performance.now();
const report = (done: number) => {
  if (options.collect) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  console.log(
    JSON.stringify({
      done,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      heapUsedMb: Math.round(usage.heapUsed / 1e5) / 10,
      externalMb: Math.round(usage.external / 1e5) / 10,
      rssMb: Math.round(usage.rss / 1e5) / 10,
    }),
  );
};

try {
  const total = options.warmup + options.entries;
  report(0);
  for (let from = 0; from < total; from += options.batch) {
    const batch = async () => {
      for (let i = from; i < Math.min(total, from + options.batch); i += 1)
        await articles.create({ status: 'published', data: article(i) });
    };
    if (options.transaction) await strapi.db.transaction(batch);
    else await batch();
    const done = Math.min(total, from + options.batch);
    report(done);
    if (options.snapshots && (done === options.warmup || done === total))
      console.log(
        JSON.stringify({ snapshot: v8.writeHeapSnapshot(path.join(options.snapshots, `after-${done}.heapsnapshot`)) }),
      );
  }
} finally {
  await strapi.destroy();
}
process.exit(0);
