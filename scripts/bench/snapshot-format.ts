/**
 * Which file format a publish build should keep its content snapshot in (site/src/lib/content-snapshot.ts):
 * loading it is on every publish build's path. Makes `--articles N` articles of realistic Vietnamese sizes
 * (~15-word titles, ~600-word bodies, the export's shape), writes them as JSON, as NDJSON and with node:v8,
 * and times writing and loading each (file read included), best of `--rounds`:
 *
 *   node scripts/bench/snapshot-format.ts [--articles 50000] [--rounds 3] [--out …json]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { parseBenchArgs } from './args.ts';

const { articles, rounds, out } = parseBenchArgs(
  z.object({
    articles: z.coerce.number().int().min(1).max(200_000).default(50_000),
    rounds: z.coerce.number().int().min(1).max(10).default(3),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'snapshot-format.json')),
  }),
  { articles: { type: 'string' }, rounds: { type: 'string' }, out: { type: 'string' } },
);

const WORDS =
  'ủy ban nhân dân tỉnh yêu cầu các sở ban ngành triển khai thực hiện nghiêm túc kế hoạch đã ban hành người dân có thể nộp hồ sơ trực tuyến'.split(
    ' ',
  );
const text = (seed: number, count: number) =>
  Array.from({ length: count }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

function entries(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    documentId: `bench${String(i).padStart(19, '0')}`,
    title: text(i, 15),
    slug: `tin-so-${i}`,
    lead: text(i + 1, 40),
    postedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    category: { name: 'Tin hoạt động', slug: 'tin-hoat-dong' },
    cover: null,
    coverCaption: null,
    kind: 'tin_tuc',
    body: Array.from({ length: 8 }, (_, p) => ({
      type: 'paragraph',
      children: [{ type: 'text', text: text(i + p, 75) }],
    })),
    author: 'Phòng Văn hóa',
    source: null,
    updatedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    relatedDocuments: [
      { documentId: 'x', slug: '12-2024-qd-ubnd', documentNumber: '12/2024/QĐ-UBND', abstract: text(i, 20) },
    ],
    relatedProcedures: [],
    featured: false,
  }));
}

async function main() {
  const rows = { ids: Array.from({ length: articles }, (_, i) => i + 1), entries: entries(articles) };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'snapshot-format-'));
  const best: Record<string, { writeMs: number; loadMs: number; megabytes: number }> = {};
  const time = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    return Math.round(performance.now() - started);
  };
  const formats: Record<string, { write(file: string): Promise<void>; load(file: string): Promise<unknown> }> = {
    json: {
      write: (file) => writeFile(file, JSON.stringify(rows)),
      load: async (file) => JSON.parse(await readFile(file, 'utf8')) as unknown,
    },
    ndjson: {
      write: (file) => writeFile(file, rows.entries.map((e) => JSON.stringify(e)).join('\n')),
      load: async (file) => (await readFile(file, 'utf8')).split('\n').map((line) => JSON.parse(line) as unknown),
    },
    v8: {
      write: (file) => writeFile(file, serialize(rows)),
      load: async (file) => deserialize(await readFile(file)) as unknown,
    },
  };
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const [name, format] of Object.entries(formats)) {
        const file = path.join(dir, `snapshot.${name}`);
        const writeMs = await time(() => format.write(file));
        const loadMs = await time(() => format.load(file));
        const megabytes = Math.round((await readFile(file)).length / 1e6);
        const previous = best[name];
        best[name] = {
          writeMs: Math.min(writeMs, previous?.writeMs ?? Infinity),
          loadMs: Math.min(loadMs, previous?.loadMs ?? Infinity),
          megabytes,
        };
        console.log(`round ${round} ${name}: write ${writeMs} ms, load ${loadMs} ms, ${megabytes} MB`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const result = {
    benchmark: 'snapshot-format',
    at: new Date().toISOString(),
    articles,
    rounds,
    best,
    loadAverage: os.loadavg(),
    cpus: os.cpus().length,
  };
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(best), `written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
