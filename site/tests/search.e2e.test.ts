/**
 * The search page in Chromium, on the demo content indexed from a real Strapi into a real Meilisearch:
 * documents and procedures are found by number and code, facets filter with counts, results are
 * announced, nothing found points to the finders, and the page passes axe with facets shown.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { usePortal } from './shared-portal.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';

describe('search page in Chromium', () => {
  let backend: Awaited<ReturnType<typeof usePortal>>;
  let site: { url: string };
  let browser: Browser;

  before(async () => {
    assertChromium();
    backend = await usePortal();
    site = { url: backend.siteUrl };
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await backend?.release();
  });

  async function open(pathname: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'vi-VN' });
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  const results = (page: Page) => page.locator('[data-testid="search-result"]');

  it('finds a decision by its number typed without Đ, first, linked to its document page', async () => {
    const page = await open('/tim-kiem/');
    await page.getByRole('searchbox').last().fill('2543/QD-UBND');
    const first = results(page).first();
    await first.filter({ hasText: '2543/QĐ-UBND' }).waitFor();
    assert.match((await first.getAttribute('href')) ?? '', /^\/van-ban\/[^/]+\/$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Tìm thấy \d+ kết quả cho “2543\/QD-UBND”/);
    await page.context().close();
  });

  it('finds a procedure by its code, linked to its procedure page', async () => {
    const page = await open('/tim-kiem/?q=2.000488');
    const first = results(page).first();
    await first
      .filter({ hasText: 'Lý lịch tư pháp' })
      .or(first.filter({ hasText: 'lý lịch tư pháp' }))
      .waitFor();
    assert.match((await first.getAttribute('href')) ?? '', /^\/thu-tuc-hanh-chinh\/[^/]+\/$/);
    await page.context().close();
  });

  it('filters by a facet checkbox, whose label shows the count', async () => {
    const page = await open('/tim-kiem/?q=chuyen+doi+so');
    await results(page).first().waitFor();
    const documents = page.getByRole('checkbox', { name: /^Văn bản \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec((await documents.locator('..').textContent()) ?? '')?.[1]);
    assert.ok(count > 0);
    await documents.check();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="search-result"]').length === n &&
        [...document.querySelectorAll('[data-testid="search-result"]')].every((a) =>
          a.getAttribute('href')?.startsWith('/van-ban/'),
        ),
      count,
    );
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement ? `${active.name}=${active.value}` : '';
    });
    assert.equal(focused, 'kind=Văn bản', 'focus stays on the checkbox after the results update');
    await page.context().close();
  });

  it('says nothing was found and points to the finders', async () => {
    const page = await open('/tim-kiem/?q=xyzzyqwv');
    const status = page.getByRole('status');
    await status.getByText('Không tìm thấy kết quả nào').waitFor();
    assert.equal(await status.getByRole('link', { name: 'Tra cứu văn bản' }).getAttribute('href'), '/van-ban/');
    assert.equal(
      await status.getByRole('link', { name: 'Tra cứu thủ tục hành chính' }).getAttribute('href'),
      '/thu-tuc-hanh-chinh/',
    );
    await page.context().close();
  });

  it('without JavaScript, explains how to use the finders', async () => {
    const page = await open('/tim-kiem/?q=2543', false);
    const note = page.locator('main .no-js-only');
    assert.ok(await note.isVisible());
    assert.equal(await note.getByRole('link', { name: 'Tra cứu văn bản' }).getAttribute('href'), '/van-ban/');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations with results and facets shown', async () => {
    const page = await open('/tim-kiem/?q=thu+tuc+hanh+chinh');
    await results(page).first().waitFor();
    await page.locator('[data-facets] fieldset').first().waitFor();
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, []);
    await page.context().close();
  });
});
