/**
 * The search page in Chromium, on the demo content indexed from a real Strapi into a real Meilisearch:
 * documents and procedures are found by number and code, facets filter with counts, results are
 * announced, nothing found points to the finders, and the page passes axe with facets shown.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DRAFT_ARTICLE, DRAFT_DOCUMENT, DRAFT_PROCEDURE, usePortal } from './shared-portal.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';
import { screenshot } from '@portal/cms/tests/guide-screenshots';

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
    page.setDefaultTimeout(20_000);
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

  it('offers the right spelling of a misspelt query as a link, which searches it', async () => {
    const page = await open('/tim-kiem/?q=ly+lich+tu+phpa');
    const link = page.getByRole('status').getByTestId('did-you-mean');
    await link.waitFor();
    assert.equal(await link.textContent(), 'ly lich tu phap');
    assert.match((await page.getByRole('status').textContent()) ?? '', /Có phải bạn muốn tìm: ly lich tu phap/);
    await link.click();
    await page.waitForURL(/q=ly\+lich\+tu\+phap/);
    await results(page)
      .filter({ hasText: /lý lịch tư pháp/i })
      .first()
      .waitFor();
    assert.equal(await page.getByRole('searchbox').last().inputValue(), 'ly lich tu phap');
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

  it('on a phone shows the first result without scrolling, filters behind "Lọc kết quả", 3 Tabs from the box', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${site.url}/tim-kiem/?q=thu+tuc+hanh+chinh`);
    const first = results(page).first();
    await first.waitFor();
    const box = await first.boundingBox();
    assert.ok(box && box.y + box.height <= 844, `first result ends at ${box?.y ?? '?'} px`);
    const filters = page.locator('details[data-filters]');
    assert.equal(await filters.getAttribute('open'), null, 'closed on a phone');
    assert.match((await filters.locator('summary').textContent()) ?? '', /Lọc kết quả/);
    await page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' }).focus();
    let tabs = 0;
    while (tabs < 3 && !(await first.evaluate((a) => a === document.activeElement))) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert.ok(await first.evaluate((a) => a === document.activeElement), 'first result reached in ≤ 3 Tabs');
    await filters.locator('summary').click();
    await page.locator('[data-facets] fieldset').first().waitFor();
    await context.close();
  });

  it('on a phone, with and without JavaScript, shows the first result of a typed search without scrolling', async () => {
    const query = 'cap giay phep xay dung';
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        javaScriptEnabled,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${site.url}/tim-kiem/`);
      await page.getByLabel('Từ khóa tìm kiếm').fill(query);
      await page.keyboard.press('Enter');
      // Without JavaScript the form goes to the results page the site's server answers.
      if (!javaScriptEnabled) await page.waitForURL(/\/tim-kiem\/ket-qua\/\?q=cap\+giay/);
      const first = results(page).first();
      await first.waitFor();
      const box = await first.boundingBox();
      assert.ok(box && box.y + box.height <= 844, `JS ${javaScriptEnabled}: first result ends at ${box?.y ?? '?'} px`);
      assert.equal(await page.getByLabel('Từ khóa tìm kiếm').inputValue(), query, 'the query stays in the box');
      assert.match((await results(page).allTextContents()).join(' '), /giấy phép xây dựng/i);
      // The editors' guide shows both (docs/huong-dan-bien-tap.md; PORTAL_GUIDE_SCREENSHOTS=1 rewrites them).
      await screenshot(page, javaScriptEnabled ? 'tim-kiem-dien-thoai' : 'tim-kiem-dien-thoai-khong-js', {
        guide: true,
      });
      await context.close();
    }
  });

  describe('results page without JavaScript (/tim-kiem/ket-qua/)', () => {
    it('looks a document number up from the document finder and keeps it in the box', async () => {
      const page = await open('/van-ban/', false);
      await page.getByLabel('Số ký hiệu').fill('2543/QD-UBND');
      await page.getByRole('button', { name: 'Tra cứu số ký hiệu' }).click();
      await page.waitForURL(/\/tim-kiem\/ket-qua\/\?/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('pham-vi'), 'van-ban');
      const first = results(page).first();
      assert.match((await first.textContent()) ?? '', /2543\/QĐ-UBND/);
      assert.match((await first.getAttribute('href')) ?? '', /^\/van-ban\/[^/]+\/$/);
      assert.equal(await page.getByLabel('Từ khóa tìm kiếm').inputValue(), '2543/QD-UBND');
      assert.equal(await page.getByLabel('Tìm trong').inputValue(), 'van-ban');
      assert.match(
        (await page.getByRole('status').textContent()) ?? '',
        /Tìm thấy \d+ kết quả cho “2543\/QD-UBND” trong mục Văn bản/,
      );
      for (const href of await results(page).evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        assert.match(href ?? '', /^\/van-ban\//, 'the scope keeps other kinds out');
      // The site's header and footer are there.
      assert.equal((await page.locator('header').count()) > 0, true);
      assert.equal((await page.locator('footer').count()) > 0, true);
      await page.context().close();
    });

    it('offers the right spelling of a misspelt query as a link to its results', async () => {
      const page = await open('/tim-kiem/ket-qua/?q=ly+lich+tu+phpa', false);
      const link = page.getByTestId('did-you-mean');
      assert.equal(await link.textContent(), 'ly lich tu phap');
      assert.equal(await link.getAttribute('href'), '/tim-kiem/ket-qua/?q=ly+lich+tu+phap');
      await link.click();
      await page.waitForURL(/q=ly\+lich\+tu\+phap/);
      assert.match((await results(page).first().textContent()) ?? '', /lý lịch tư pháp/i);
      assert.equal(await page.getByTestId('did-you-mean').count(), 0, 'a known spelling gets no suggestion');
      await page.context().close();
    });

    it('answers the search box of any page, pages through results, and passes axe', async () => {
      const home = await open('/', false);
      // In the closed menu disclosure on a narrow screen: found by its markup, not its (hidden) role.
      const header = home.locator('header form[aria-label="Tìm kiếm trên cổng thông tin"]');
      assert.equal(await header.getAttribute('action'), '/tim-kiem/ket-qua/', 'the header box works without JS');
      await home.context().close();
      const page = await open('/tim-kiem/', false);
      const box = page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
      await box.fill('thu tuc hanh chinh');
      await box.press('Enter');
      await page.waitForURL(/\/tim-kiem\/ket-qua\/\?q=thu\+tuc\+hanh\+chinh$/);
      assert.equal(await results(page).count(), 20);
      assert.equal(await page.getByLabel('Từ khóa tìm kiếm').inputValue(), 'thu tuc hanh chinh');
      const firstPage = await results(page).first().getAttribute('href');
      await page.getByRole('link', { name: 'Trang sau' }).click();
      await page.waitForURL(/trang=2/);
      assert.ok((await results(page).count()) > 0);
      assert.notEqual(await results(page).first().getAttribute('href'), firstPage);
      await page.getByRole('link', { name: 'Trang trước' }).waitFor();
      // axe runs as a script: the same server-rendered page, opened with JavaScript on.
      const checked = await open(new URL(page.url()).pathname + new URL(page.url()).search, true);
      const axe = await new AxeBuilder({ page: checked }).withTags(WCAG_TAGS).analyze();
      assert.deepEqual(
        axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
      await checked.context().close();
      await page.context().close();
    });

    it('never lists a draft the editors saved but did not publish', async () => {
      for (const q of [
        DRAFT_DOCUMENT.documentNumber,
        DRAFT_DOCUMENT.abstract,
        DRAFT_PROCEDURE.name,
        DRAFT_ARTICLE,
        'Zq7',
      ]) {
        const response = await fetch(`${site.url}/tim-kiem/ket-qua/?q=${encodeURIComponent(q)}`);
        const html = await response.text();
        assert.equal(response.status, 200, q);
        // The results list only: the query itself is echoed in the box and the status line.
        const list = /<ol class="results[^]*?<\/ol>/.exec(html)?.[0] ?? '';
        const plain = list.replace(/<[^>]+>/g, '');
        for (const secret of ['999/QĐ-UBND', 'Dự thảo nội bộ', '9.999999', 'Zq7', 'nháp'])
          assert.ok(!plain.includes(secret), `${q}: ${secret} listed`);
      }
    });

    it('escapes what is typed, refuses bad parameters with 400 in Vietnamese, and never answers 500', async () => {
      const evil = '"><script>window.pwned=1</script><img src=x onerror=alert(1)>';
      const page = await open(`/tim-kiem/ket-qua/?q=${encodeURIComponent(evil)}`, true);
      assert.equal(await page.getByLabel('Từ khóa tìm kiếm').inputValue(), evil);
      assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
      assert.equal(await page.locator('main script, main img[src="x"]').count(), 0);
      await page.context().close();

      for (const [query, pattern] of [
        ['q=a&pham-vi=tat-ca', /Phạm vi tìm kiếm không hợp lệ/],
        ['q=a&trang=999', /Số trang/],
        [`q=${'a'.repeat(300)}`, /Từ khóa quá dài/],
      ] as const) {
        const response = await fetch(`${site.url}/tim-kiem/ket-qua/?${query}`);
        assert.equal(response.status, 400, query);
        assert.match(await response.text(), pattern);
      }
      for (const query of [
        'q=%E0%A4%A',
        'q=' + encodeURIComponent('"unclosed'),
        'q=' + encodeURIComponent('a OR b AND (c'),
      ]) {
        const response = await fetch(`${site.url}/tim-kiem/ket-qua/?${query}`);
        assert.ok(response.status === 200 || response.status === 400, `${query}: ${response.status}`);
      }
      const empty = await fetch(`${site.url}/tim-kiem/ket-qua/`);
      assert.equal(empty.status, 200);
      assert.equal(empty.headers.get('cache-control'), 'no-store');
    });
  });
});
