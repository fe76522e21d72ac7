/// <reference lib="dom" />
/**
 * Page performance as Lighthouse's mobile profile sees it, measured in Debian's Chromium over CDP:
 * 4x CPU slowdown, 150 ms round trip, 1.6 Mbit/s down / 750 kbit/s up, a 412×823 phone viewport,
 * a fresh cache per run. LCP and CLS come from PerformanceObserver in the page; transfer sizes from
 * the Resource Timing entries. Against the local static server, so the network is the throttle only.
 *
 *   node scripts/bench/page-performance.ts [--site <built dir>] [--urls /,/tin-tuc/x/] [--runs 3]
 *                                          [--out scripts/bench/results/page-performance.json]
 *
 * Without --site it starts a demo backend (real Strapi + Meilisearch), builds the site and measures
 * that. Without --urls it takes the home page and the first article, document and procedure page
 * listed in the built sitemap.xml (documents and procedures when the build has them). Prints the
 * median of each URL and writes every run as JSON. Budgets: LCP < 2500 ms, CLS < 0.1.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import { REPO_ROOT } from '../src/config.ts';
import { publishSite } from '../src/portal.ts';
import { serveStatic } from '../src/static-server.ts';
import { startTestBackend, type TestBackend } from '../src/testing.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Lighthouse's "slow 4G" mobile throttling (lighthouse-core/config/constants.js, mobileSlow4G). */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const BUDGET = { lcpMs: 2500, cls: 0.1 };

const ArgsSchema = z.object({
  site: z.string().min(1).optional(),
  urls: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    ),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  out: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'page-performance.json')),
});

const args = parseBenchArgs(ArgsSchema, {
  site: { type: 'string' },
  urls: { type: 'string' },
  runs: { type: 'string' },
  out: { type: 'string' },
});
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  process.exit(2);
}

/** Home, then the first article, document and procedure pages the sitemap lists. */
async function defaultUrls(siteDir: string): Promise<string[]> {
  const sitemap = await readFile(path.join(siteDir, 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
  const first = (pattern: RegExp) => paths.find((p) => pattern.test(p));
  return [
    '/',
    first(/^\/tin-tuc\/(?!chuyen-muc\/|thong-cao-bao-chi\/|trang\/)[^/]+\/$/),
    first(/^\/van-ban\/[^/]+\/$/),
    first(/^\/thu-tuc-hanh-chinh\/[^/]+\/$/),
  ].filter((p): p is string => Boolean(p));
}

interface Run {
  lcpMs: number;
  cls: number;
  fcpMs: number;
  loadMs: number;
  transferBytes: number;
  requests: number;
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

let backend: TestBackend | undefined;
let builtDir: string | undefined;
try {
  let siteDir = args.site ? path.resolve(args.site) : undefined;
  if (!siteDir) {
    console.log('Starting a demo backend and building the site (a few minutes)…');
    backend = await startTestBackend({ demoContent: true });
    builtDir = await mkdtemp(path.join(os.tmpdir(), 'portal-bench-site-'));
    await publishSite(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix, siteOutDir: builtDir });
    siteDir = builtDir;
  }
  const urls = args.urls ?? (await defaultUrls(siteDir));
  // The built site talks to the Meilisearch the backend started (none when --site names a folder).
  const server = await serveStatic(siteDir, 0, backend ? { searchOrigin: backend.meili.url } : {});
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const results: Array<{ url: string; runs: Run[]; median: Run; withinBudget: boolean }> = [];
  try {
    for (const url of urls) {
      const runs: Run[] = [];
      for (let run = 0; run < args.runs; run++) {
        const context = await browser.newContext({
          viewport: { width: 412, height: 823 },
          deviceScaleFactor: 1.75,
          isMobile: true,
          hasTouch: true,
          locale: 'vi-VN',
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: number; __cls: number };
          w.__lcp = 0;
          w.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<
              PerformanceEntry & { value: number; hadRecentInput: boolean }
            >)
              if (!entry.hadRecentInput) w.__cls += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const response = await page.goto(`${server.url}${url}`, { waitUntil: 'load', timeout: 120_000 });
        if (response?.status() !== 200) throw new Error(`GET ${url}: HTTP ${response?.status()}`);
        // Let late images paint and any shift be recorded before reading.
        await page.waitForTimeout(1500);
        const measured = await page.evaluate(() => {
          const w = window as unknown as { __lcp: number; __cls: number };
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            lcpMs: w.__lcp,
            cls: w.__cls,
            fcpMs: fcp?.startTime ?? 0,
            loadMs: navigation ? navigation.loadEventEnd - navigation.startTime : 0,
            transferBytes: (navigation?.transferSize ?? 0) + resources.reduce((sum, r) => sum + r.transferSize, 0),
            requests: 1 + resources.length,
          };
        });
        runs.push(measured);
        await context.close();
      }
      const mid: Run = {
        lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
        cls: Math.round(median(runs.map((r) => r.cls)) * 1000) / 1000,
        fcpMs: Math.round(median(runs.map((r) => r.fcpMs))),
        loadMs: Math.round(median(runs.map((r) => r.loadMs))),
        transferBytes: Math.round(median(runs.map((r) => r.transferBytes))),
        requests: Math.round(median(runs.map((r) => r.requests))),
      };
      const withinBudget = mid.lcpMs < BUDGET.lcpMs && mid.cls < BUDGET.cls;
      results.push({ url, runs, median: mid, withinBudget });
      console.log(
        `${url.padEnd(70)} LCP ${String(mid.lcpMs).padStart(5)} ms  CLS ${mid.cls.toFixed(3)}  FCP ${mid.fcpMs} ms  ` +
          `load ${mid.loadMs} ms  ${(mid.transferBytes / 1024).toFixed(1)} kB in ${mid.requests} requests  ` +
          (withinBudget ? 'ok' : 'OVER BUDGET'),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const report = {
    benchmark: 'page-performance',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
    },
    profile: { cpuSlowdown: CPU_SLOWDOWN, network: NETWORK, viewport: '412x823 @1.75x, mobile' },
    budget: BUDGET,
    runsPerUrl: args.runs,
    results,
  };
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), args.out)}`);
  process.exitCode = results.every((r) => r.withinBudget) ? 0 : 1;
} finally {
  await backend?.dispose();
  if (builtDir) await rm(builtDir, { recursive: true, force: true });
}
