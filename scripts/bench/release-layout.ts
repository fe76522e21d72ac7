/**
 * What putting a publish build's unchanged pages into a new release costs per page, by the release's layout
 * (scripts/src/services/astro-hard-links.ts does it for every publish build, ~61k pages at 50k entries):
 * - `folders`: a folder and a hard link per page (`tin-tuc/<slug>/index.html`, Astro's `build.format:
 *   'directory'`, what the site uses today);
 * - `files`: a hard link per page into its section's folder (`tin-tuc/<slug>.html`, `build.format: 'file'`).
 * Makes `--pages` cached pages of ~20 KB under `--dir` (on the filesystem of the data folder to mean anything),
 * then times each layout `--rounds` times, alternating, each into a new release folder as a build does, and
 * prints and writes wall time and the process's user and system CPU (the kernel's work is most of it):
 *
 *   node scripts/bench/release-layout.ts [--pages 61000] [--rounds 3] [--dir DIR] [--out …json]
 */
import { linkSync, mkdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { parseBenchArgs } from './args.ts';

const { pages, rounds, dir, out } = parseBenchArgs(
  z.object({
    pages: z.coerce.number().int().min(1).max(500_000).default(61_000),
    rounds: z.coerce.number().int().min(1).max(10).default(3),
    dir: z.string().min(1).default(os.tmpdir()),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'release-layout.json')),
  }),
  { pages: { type: 'string' }, rounds: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' } },
);

const LAYOUTS = {
  folders: (release: string, cached: string, slug: string) => {
    const folder = path.join(release, 'tin-tuc', slug);
    mkdirSync(folder);
    linkSync(cached, path.join(folder, 'index.html'));
  },
  files: (release: string, cached: string, slug: string) =>
    linkSync(cached, path.join(release, 'tin-tuc', `${slug}.html`)),
} as const;
type Layout = keyof typeof LAYOUTS;

async function main() {
  const root = await mkdtemp(path.join(dir, 'release-layout-'));
  const results: Record<Layout, Array<{ wallMs: number; userMs: number; systemMs: number }>> = {
    folders: [],
    files: [],
  };
  try {
    const cache = path.join(root, 'cache');
    await mkdir(cache);
    const page = `<!doctype html><html lang="vi"><body>${'Tin tức hoạt động của tỉnh. '.repeat(700)}</body></html>`;
    for (let i = 0; i < pages; i += 1) {
      await writeFile(path.join(cache, `bai-${i}.html`), page);
      if ((i + 1) % 10_000 === 0) console.log(`cached pages: ${i + 1}/${pages}`);
    }
    for (let round = 1; round <= rounds; round += 1)
      for (const layout of Object.keys(LAYOUTS) as Layout[]) {
        const release = path.join(root, `release-${layout}-${round}`);
        await mkdir(path.join(release, 'tin-tuc'), { recursive: true });
        const started = performance.now();
        const cpu = process.cpuUsage();
        for (let i = 0; i < pages; i += 1) LAYOUTS[layout](release, path.join(cache, `bai-${i}.html`), `bai-${i}`);
        const used = process.cpuUsage(cpu);
        const row = {
          wallMs: Math.round(performance.now() - started),
          userMs: Math.round(used.user / 1000),
          systemMs: Math.round(used.system / 1000),
        };
        results[layout].push(row);
        console.log(
          `round ${round} ${layout}: ${row.wallMs} ms wall, CPU ${row.userMs} ms user + ${row.systemMs} ms system`,
        );
      }
  } finally {
    console.log(`removing ${root}…`);
    await rm(root, { recursive: true, force: true });
  }
  const result = {
    benchmark: 'release-layout',
    at: new Date().toISOString(),
    command: `node scripts/bench/release-layout.ts --pages ${pages} --rounds ${rounds} --dir ${dir}`,
    pages,
    rounds,
    results,
    loadAverage: os.loadavg(),
    cpus: os.cpus().length,
  };
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
