/**
 * What the content-keyed image cache (site/src/lib/image-service.ts) saves on a cold build of the demo
 * content (its 16 article covers and banner images):
 *
 *   node scripts/bench/image-cache.ts [--image-cache DIR] [--out scripts/bench/results/image-cache.json]
 *
 * Two full builds of the same content, each with an empty Astro cache (Astro keys remote images by URL,
 * so its cache is as good as empty after `npm ci`, a new CMS address or a restore into a fresh install):
 * (1) "first-build" with an empty image cache: every variant is made (this is what every cold build
 * did before); (2) "fresh-install" with the image cache the first build filled. Reports each build's
 * wall time and its image step (Astro's "generating optimized images" until its "Completed in").
 * --image-cache keeps the image folder (e.g. to give it to bench:site-publish); default: a temporary one.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { indexContent } from '../src/portal.ts';
import { buildSite } from '../src/services/index.ts';
import { backendBuildEnv, startTestBackend } from '../src/testing.ts';
import { parseBenchArgs } from './args.ts';
import { imageStepSeconds } from './astro-log.ts';

const { 'image-cache': keptImages, out } = parseBenchArgs(
  z.object({
    'image-cache': z.string().min(1).optional(),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'image-cache.json')),
  }),
  { 'image-cache': { type: 'string' }, out: { type: 'string' } },
);

const round = (n: number) => Math.round(n * 10) / 10;
const work = path.join(os.tmpdir(), `portal-image-cache-${process.pid}`);
const imageCacheDir = keptImages ? path.resolve(keptImages) : path.join(work, 'images');
const backend = await startTestBackend({ demoContent: true });
try {
  const { searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
  const runs: Array<Record<string, unknown>> = [];
  for (const name of ['first-build', 'fresh-install']) {
    const logFile = path.join(work, `${name}.log`);
    await mkdir(work, { recursive: true });
    console.log(`[${new Date().toISOString().slice(11, 19)}] build ${name}…`);
    const started = performance.now();
    await buildSite(
      {
        ...backendBuildEnv(backend, searchKey),
        outDir: path.join(work, `out-${name}`),
        // A new Astro cache per build: the URL-keyed one a fresh install or a new CMS address would not have.
        cacheDir: path.join(work, `astro-cache-${name}`),
        imageCacheDir,
      },
      logFile,
    );
    const log = await readFile(logFile, 'utf8');
    const run = {
      name,
      seconds: round((performance.now() - started) / 1000),
      imageStepSeconds: round(imageStepSeconds(log) ?? NaN),
      imageVariants: (log.match(/▶ \/_astro\/\S+/g) ?? []).length,
    };
    console.log(JSON.stringify(run));
    runs.push(run);
  }
  const result = {
    benchmark: 'image-cache',
    measuredAt: new Date().toISOString(),
    command: `node scripts/bench/image-cache.ts${keptImages ? ` --image-cache ${keptImages}` : ''}`,
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    runs,
  };
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${out}`);
} finally {
  await backend.dispose();
  await rm(work, { recursive: true, force: true });
}
