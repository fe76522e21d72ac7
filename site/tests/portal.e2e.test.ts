/**
 * The portal as a citizen meets it: the site built from the demo content against a real CMS and a
 * real Meilisearch, served statically and opened in Debian's Chromium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DEMO_CONTENT_DIR } from '@portal/scripts/portal';
import { usePortal } from './shared-portal.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';

interface DemoArticle {
  slug: string;
  title: string;
  postedAt: string;
}

describe('public portal in Chromium', () => {
  let backend: Awaited<ReturnType<typeof usePortal>>;
  let site: { url: string };
  let browser: Browser;
  let outDir: string;
  let searchKey: string;
  let newest: DemoArticle;
  let itArticle: DemoArticle;

  before(async () => {
    assertChromium();
    const articles = JSON.parse(await readFile(path.join(DEMO_CONTENT_DIR, 'articles.json'), 'utf8')) as DemoArticle[];
    newest = articles.reduce((a, b) => (Date.parse(b.postedAt) > Date.parse(a.postedAt) ? b : a));
    const found = articles.find((a) => a.title.includes('ứng dụng công nghệ thông tin'));
    assert.ok(found, 'the demo content has an article titled with "ứng dụng công nghệ thông tin"');
    itArticle = found;

    backend = await usePortal();
    ({ outDir, searchKey } = backend);
    site = { url: backend.siteUrl };
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await backend?.release();
  });

  async function open(pathname: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: 'vi-VN' });
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('shows the newest demo article on the home page, linked to its page', async () => {
    const page = await open('/');
    const link = page.getByRole('link', { name: newest.title }).first();
    assert.equal(await link.getAttribute('href'), `/tin-tuc/${newest.slug}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.context().close();
  });

  it('renders an article with its title and an optimised cover image', async () => {
    const page = await open(`/tin-tuc/${itArticle.slug}/`);
    assert.equal((await page.locator('h1').textContent())?.trim(), itArticle.title);
    const cover = page.locator('main picture img').first();
    await cover.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await cover.elementHandle(),
    );
    const source = await cover.evaluate((img) => (img as HTMLImageElement).currentSrc);
    assert.match(source, /\.(avif|webp)(\?|$)/, `cover is served as AVIF or WebP, got ${source}`);
    assert.ok((await cover.getAttribute('alt'))?.trim(), 'cover has alternative text');
    assert.ok(await cover.getAttribute('width'), 'cover has a width so the layout does not shift');
    await page.context().close();
  });

  it('finds the article when the search is typed without diacritics', async () => {
    const page = await open('/tim-kiem/');
    await page.getByRole('searchbox').last().fill('ung dung cong nghe thong tin');
    const result = page.locator('[data-testid="search-result"]').filter({ hasText: itArticle.title });
    await result.first().waitFor({ timeout: 15_000 });
    assert.equal(await result.first().getAttribute('href'), `/tin-tuc/${itArticle.slug}/`);
    assert.match((await page.getByRole('status').textContent()) ?? '', /kết quả/);
    await page.context().close();
  });

  it('offers a plain search form that works without JavaScript', async () => {
    const page = await open('/tim-kiem/?q=chuyen+doi+so', { javaScriptEnabled: false });
    const form = page.locator('main form[action="/tim-kiem/ket-qua/"]');
    assert.equal(await form.count(), 1);
    assert.equal(await form.locator('input[name="q"]').count(), 1);
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on the home, news, article and search pages', async () => {
    const report: string[] = [];
    for (const pathname of [
      '/',
      '/tin-tuc/',
      `/tin-tuc/${itArticle.slug}/`,
      '/tim-kiem/?q=ung+dung',
      '/khong-ton-tai/',
    ]) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${site.url}${pathname}`);
      if (pathname.startsWith('/tim-kiem/')) await page.locator('[data-testid="search-result"]').first().waitFor();
      report.push(...(await seriousViolations(page)).map((line) => `${pathname}: ${line}`));
      await context.close();
    }
    assert.deepEqual(report, []);
  });

  it('runs under its Content-Security-Policy with nothing blocked (scripts, styles, images, search)', async () => {
    const blocked: string[] = [];
    for (const pathname of ['/', `/tin-tuc/${itArticle.slug}/`, '/tim-kiem/?q=ung+dung']) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(`${pathname}: ${message.text()}`);
      });
      const response = await page.goto(`${site.url}${pathname}`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/, pathname);
      if (pathname.startsWith('/tim-kiem/')) await page.locator('[data-testid="search-result"]').first().waitFor();
      // The inline script of the layout ran: it marks the page as having JavaScript.
      assert.equal(await page.locator('html.js').count(), 1, pathname);
      await context.close();
    }
    assert.deepEqual(blocked, []);
  });

  it('ships no CMS token or Meilisearch master key in the built site', async () => {
    const { glob } = await import('node:fs/promises');
    const secrets = [backend.secrets.PORTAL_SITE_TOKEN, backend.secrets.MEILI_MASTER_KEY];
    let files = 0;
    for await (const file of glob('**/*.{html,js,css,json,xml,txt}', { cwd: outDir })) {
      const text = await readFile(path.join(outDir, file), 'utf8');
      files += 1;
      for (const secret of secrets) assert.ok(!text.includes(secret), `${file} contains a secret`);
    }
    assert.ok(files > 5, `expected a built site, found ${files} files`);
    assert.notEqual(searchKey, backend.secrets.MEILI_MASTER_KEY);
  });
});
