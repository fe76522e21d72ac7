/**
 * Keystroke → results painted, in Chromium: the site's own search script (site/src/scripts/search-page.ts,
 * bundled with esbuild as Astro would) on a page with the search page's markup, talking to Meilisearch
 * with the search-only key. For each query the input is filled, then Enter is pressed (the keystroke that
 * searches at once; typing waits DEBOUNCE_MS more first) and the time runs from that keydown to the first
 * frame painted after the results list changed (a requestAnimationFrame, then a task, after the mutation).
 */
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { SearchClientConfig } from '@portal/search/client';
import { freePort } from '../src/services/index.ts';

const SEARCH_SCRIPT = path.join(import.meta.dirname, '..', '..', 'site', 'src', 'scripts', 'search-page.ts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The search page's markup (site/src/pages/tim-kiem/[...index].astro) around the real script. */
function pageHtml(config: SearchClientConfig, script: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<div class="search-page" data-search-config="${escapeAttribute(JSON.stringify(config))}">
<h1>Tìm kiếm</h1>
<form role="search" method="get" action="/tim-kiem/ket-qua/"><label for="tu-khoa">Từ khóa tìm kiếm</label>
<input id="tu-khoa" name="q" type="search" autocomplete="off"><button type="submit">Tìm</button></form>
<div class="status" role="status" aria-live="polite"></div>
<details class="filters" data-filters hidden><summary>Lọc kết quả</summary>
<select data-sort><option value="relevance">Phù hợp nhất</option><option value="newest">Mới nhất</option></select>
<div class="facets" data-facets></div></details>
<ol id="ket-qua"></ol><button type="button" data-more hidden>Xem thêm kết quả</button>
</div><script>${script}</script></body></html>`;
}

export interface PageTiming {
  queries: number;
  samplesMs: number[];
}

export async function keystrokeToPainted(options: {
  config: SearchClientConfig;
  queries: readonly string[];
  rounds: number;
}): Promise<PageTiming> {
  const bundled = await build({
    entryPoints: [SEARCH_SCRIPT],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const html = pageHtml(options.config, bundled.outputFiles[0]?.text ?? '');
  const port = await freePort();
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/tim-kiem/`);
    // The measuring hooks: Enter's keydown starts the clock; the first paint after #ket-qua changes stops it.
    await page.evaluate(() => {
      const w = window as unknown as { __t0?: number; __done?: Promise<number>; __arm: () => void };
      const list = document.getElementById('ket-qua') as HTMLElement;
      const status = document.querySelector('[role="status"]') as HTMLElement;
      w.__arm = () => {
        w.__done = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - (w.__t0 ?? 0)), 0));
          });
          observer.observe(list, { childList: true });
          observer.observe(status, { childList: true, subtree: true });
        });
      };
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') w.__t0 = performance.now();
        },
        true,
      );
    });
    const input = page.locator('#tu-khoa');
    const samplesMs: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const q of options.queries) {
        // The same query twice in a row would change nothing visible: clear first, let the page settle.
        await input.fill('');
        await page.waitForTimeout(300);
        await input.fill(q);
        await page.evaluate(() => (window as unknown as { __arm: () => void }).__arm());
        await input.press('Enter');
        const ms = await page.evaluate(() => (window as unknown as { __done: Promise<number> }).__done);
        if (round > 0 || options.rounds === 1) samplesMs.push(ms); // the first round warms up
      }
    }
    await context.close();
    return { queries: options.queries.length, samplesMs };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
