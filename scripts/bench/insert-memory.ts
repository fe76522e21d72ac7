/**
 * Does inserting through the Document Service keep memory? Starts a portal with the demo content, stops
 * its CMS, and runs insert-memory-child.ts (Strapi loaded as the CMS is, every document middleware) to
 * create --entries articles after --warmup ones, collecting garbage after each batch. Prints the heap in
 * use per batch and the growth per entry after the warm-up; with --snapshots DIR keeps two heap snapshots
 * (after the warm-up, at the end) for heap-diff.ts.
 *
 *   node scripts/bench/insert-memory.ts [--entries 1000] [--warmup 200] [--batch 100] [--no-transaction] [--no-gc]
 *                                       [--snapshots DIR] [--out scripts/bench/results/insert-memory.json]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { startTestBackend } from '../src/testing.ts';
import { parseBenchArgs } from './args.ts';

const args = parseBenchArgs(
  z.object({
    entries: z.coerce.number().int().min(100).max(50_000).default(1000),
    warmup: z.coerce.number().int().min(0).max(10_000).default(200),
    batch: z.coerce.number().int().min(1).max(1000).default(100),
    'no-transaction': z.boolean().default(false),
    'no-gc': z.boolean().default(false),
    snapshots: z.string().min(1).optional(),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'insert-memory.json')),
  }),
  {
    entries: { type: 'string' },
    warmup: { type: 'string' },
    batch: { type: 'string' },
    'no-transaction': { type: 'boolean' },
    'no-gc': { type: 'boolean' },
    snapshots: { type: 'string' },
    out: { type: 'string' },
  },
);

interface Sample {
  done: number;
  seconds: number;
  heapUsedMb: number;
  externalMb: number;
  rssMb: number;
}

const backend = await startTestBackend({ demoContent: true });
try {
  await backend.services.killCms();
  if (args.snapshots) await mkdir(args.snapshots, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      path.join(REPO_ROOT, 'scripts', 'bench', 'insert-memory-child.ts'),
      JSON.stringify({
        entries: args.entries,
        warmup: args.warmup,
        batch: args.batch,
        transaction: !args['no-transaction'],
        collect: !args['no-gc'],
        ...(args.snapshots ? { snapshots: path.resolve(args.snapshots) } : {}),
      }),
    ],
    {
      cwd: path.join(REPO_ROOT, 'cms'),
      env: { ...backend.cmsEnv, NODE_ENV: 'production', PORTAL_DEMO_CONTENT_DIR: '' },
    },
  );
  const samples: Sample[] = [];
  const other: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => {
      if (!line.startsWith('{')) return void other.push(line);
      console.log(line);
      const parsed = JSON.parse(line) as Sample | { snapshot: string };
      if ('done' in parsed) samples.push(parsed);
    });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`The inserting process failed (exit ${code}):\n${other.slice(-30).join('\n')}`);
  const start = samples.find((s) => s.done === args.warmup);
  const end = samples.at(-1);
  if (!start || !end) throw new Error('No samples');
  const middle = samples.find((s) => s.done >= start.done + (end.done - start.done) / 2) ?? end;
  const perEntryKb = (from: Sample, to: Sample, key: 'heapUsedMb' | 'rssMb') =>
    Math.round((((to[key] - from[key]) * 1000) / Math.max(1, to.done - from.done)) * 10) / 10;
  const summary = {
    // With collections forced before each sample this is what stays alive: a leak shows here.
    ...(args['no-gc'] ? {} : { liveHeapGrowthKbPerEntry: perEntryKb(start, end, 'heapUsedMb') }),
    heapUsedPeakMb: Math.max(...samples.map((s) => s.heapUsedMb)),
    rssPeakMb: Math.max(...samples.map((s) => s.rssMb)),
    // A process that keeps memory grows in the second half as in the first; one that reuses it levels off.
    rssGrowthKbPerEntryFirstHalf: perEntryKb(start, middle, 'rssMb'),
    rssGrowthKbPerEntrySecondHalf: perEntryKb(middle, end, 'rssMb'),
  };
  const result = {
    benchmark: 'insert-memory',
    measuredAt: new Date().toISOString(),
    command: `node scripts/bench/insert-memory.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    entries: args.entries,
    warmup: args.warmup,
    batch: args.batch,
    transaction: !args['no-transaction'],
    forcedGc: !args['no-gc'],
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    ...summary,
    samples,
  };
  console.log(JSON.stringify(summary));
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${args.out}`);
} finally {
  await backend.dispose();
}
