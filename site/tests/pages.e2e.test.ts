/**
 * The portal's pages (home, news lists, article, calendar, agencies, static and English pages,
 * feeds) built from the demo content against a real CMS, with a draft of each kind saved in the
 * admin panel first, served statically and opened in Debian's Chromium. Independent of today's
 * date: the demo calendar's week is always built (see calendar-week.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DEMO_CONTENT_DIR } from '@portal/scripts/portal';
import { pageFileOf, pathnameOfFile } from '../src/lib/page-files.ts';
import { DRAFT_ARTICLE, DRAFT_ENTRY, DRAFT_PAGE, usePortal } from './shared-portal.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';

const ARTICLE = 'le-hoi-mua-vang-muong-tien-2026-thu-hut-hon-30-000-luot-du-khach';
const KB = 1024;

const demo = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(path.join(DEMO_CONTENT_DIR, file), 'utf8')) as T;

describe('portal pages in Chromium', () => {
  let backend: Awaited<ReturnType<typeof usePortal>>;
  let site: { url: string };
  let browser: Browser;
  let outDir: string;

  before(async () => {
    assertChromium();
    backend = await usePortal();
    outDir = backend.outDir;
    site = { url: backend.siteUrl };
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await backend?.release();
  });

  async function open(pathname: string, options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      ...(options.width ? { viewport: { width: options.width, height: 800 } } : {}),
    });
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  const text = async (page: Page, selector = 'main') =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

  async function builtFiles(pattern: string): Promise<string[]> {
    const files: string[] = [];
    for await (const file of glob(pattern, { cwd: outDir })) files.push(file);
    return files.sort();
  }

  /** The sitemap's URLs as paths, parsed by the browser's XML parser (which also proves it well-formed). */
  async function xmlLocs(pathname: string, tag: string): Promise<string[]> {
    const page = await open('/');
    const xml = await (await fetch(`${site.url}${pathname}`)).text();
    const result = await page.evaluate(
      ({ xml, tag }) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length)
          return { error: doc.documentElement.textContent ?? 'parse error' };
        return { values: [...doc.getElementsByTagName(tag)].map((node) => node.textContent ?? '') };
      },
      { xml, tag },
    );
    await page.context().close();
    assert.ok('values' in result, `${pathname} is not well-formed XML: ${'error' in result ? result.error : ''}`);
    return result.values ?? [];
  }

  /** Every page URL of the sitemap: sitemap.xml is an index of sitemap files (each well-formed). */
  async function sitemapLocs(): Promise<string[]> {
    const files = await xmlLocs('/sitemap.xml', 'loc');
    assert.ok(files.length >= 1, 'the sitemap index lists at least one file');
    const locs: string[] = [];
    for (const file of files) {
      assert.match(new URL(file).pathname, /^\/sitemap-\d+\.xml$/);
      locs.push(...(await xmlLocs(new URL(file).pathname, 'loc')));
    }
    return locs;
  }

  it('shows the article with its lead, cover caption, author, source, dd/mm/yyyy date, share and print', async () => {
    const page = await open(`/tin-tuc/${ARTICLE}/`);
    const main = await text(page);
    assert.match(main, /Mùa vàng năm 2026 với chủ đề/);
    assert.match(main, /Ảnh minh họa: ruộng bậc thang mùa lúa chín ở Mường Tiên\./);
    assert.match(main, /Tác giả: Phương Thảo/);
    assert.match(main, /Nguồn: Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Hà/);
    assert.match(main, /19:30 27\/09\/2026/);
    assert.equal(await page.getByRole('navigation', { name: 'Chia sẻ bài viết' }).getByRole('link').count(), 4);
    assert.equal((await page.getByRole('button', { name: /In/ }).count()) > 0, true);
    assert.equal(await page.getByRole('heading', { name: 'Tin liên quan' }).count(), 1);
    const crumbs = await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link').allTextContents();
    assert.deepEqual(
      crumbs.map((c) => c.trim()),
      ['Trang chủ', 'Tin tức', 'Văn hóa – Du lịch'],
    );
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const types = jsonLd.map((json) => (JSON.parse(json) as { '@type': string })['@type']);
    assert.deepEqual(types.sort(), ['BreadcrumbList', 'NewsArticle']);
    assert.equal(await page.locator('meta[property="og:type"]').getAttribute('content'), 'article');
    assert.match((await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '', /^http.*\.jpg$/);
    await page.context().close();
  });

  it("links an article's related documents and procedures to their pages", async () => {
    const articles =
      await demo<Array<{ slug: string; relatedDocuments?: string[]; relatedProcedures?: string[] }>>('articles.json');
    const article = articles.find((a) => a.relatedDocuments?.length && a.relatedProcedures?.length);
    assert.ok(article, 'the demo content has an article with related documents and procedures');
    const page = await open(`/tin-tuc/${article.slug}/`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Văn bản, thủ tục liên quan' }) });
    for (const number of article.relatedDocuments ?? []) {
      const href = await section.getByRole('link', { name: number, exact: true }).getAttribute('href');
      assert.match(href ?? '', /^\/van-ban\/[a-z0-9-]+\/$/, number);
    }
    assert.equal(
      await section.locator('a[href^="/thu-tuc-hanh-chinh/"]').count(),
      article.relatedProcedures?.length ?? 0,
    );
    await page.context().close();
  });

  it('hides the navigation, breadcrumbs, share links and buttons when printed', async () => {
    const page = await open(`/tin-tuc/${ARTICLE}/`);
    await page.emulateMedia({ media: 'print' });
    for (const name of ['Điều hướng chính', 'Đường dẫn', 'Chia sẻ bài viết', 'Liên kết cuối trang'])
      assert.equal(await page.getByRole('navigation', { name }).isVisible(), false, `${name} is hidden in print`);
    assert.equal(await page.locator('h1').isVisible(), true);
    await page.context().close();
  });

  it('lists a category with only its own articles, and offers its RSS feed', async () => {
    const articles = await demo<Array<{ slug: string; title: string; category: string }>>('articles.json');
    const page = await open('/tin-tuc/chuyen-muc/chuyen-doi-so/');
    const links = await page
      .locator('main .article-list h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = articles.filter((a) => a.category === 'chuyen-doi-so').map((a) => `/tin-tuc/${a.slug}/`);
    assert.deepEqual([...links].sort(), expected.sort());
    const feed = await xmlLocs('/tin-tuc/chuyen-muc/chuyen-doi-so/rss.xml', 'guid');
    assert.deepEqual(feed.map((url) => new URL(url).pathname).sort(), expected.sort());
    await page.context().close();
  });

  it('builds the press releases list even when there are none', async () => {
    const page = await open('/tin-tuc/thong-cao-bao-chi/');
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Thông cáo báo chí');
    await page.context().close();
  });

  it("shows the demo week of the leaders' calendar by day and session, with links between weeks", async () => {
    const entries = await demo<Array<{ date: string; content: string; venue: string }>>('calendar.json');
    const page = await open('/lich-cong-tac/2026-tuan-48/');
    assert.match((await page.locator('h1').textContent()) ?? '', /tuần 48 năm 2026/);
    assert.equal(await page.locator('[data-testid="calendar-entry"]').count(), entries.length);
    const main = await text(page);
    for (const entry of entries) assert.ok(main.includes(entry.content), entry.content);
    assert.match(main, /Thứ Hai, 23\/11\/2026/);
    assert.match(main, /Từ Thứ Hai 23\/11\/2026 đến Chủ nhật 29\/11\/2026/);
    assert.match(main, /Buổi sáng/);
    const home = await open('/');
    assert.ok((await text(home)).includes(entries[0]?.content ?? '∅'), 'the home page shows the week');
    await home.context().close();
    await page.context().close();
  });

  it('lists the agencies as a tree and shows one with its contacts in Vietnamese and English', async () => {
    const agencies =
      await demo<Array<{ code: string; phone: string; vi: { name: string }; en: { name: string } }>>('agencies.json');
    const justice = agencies.find((a) => a.code === 'STP');
    assert.ok(justice);
    const list = await open('/co-quan/');
    const link = list.getByRole('link', { name: justice.vi.name });
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(href.startsWith('/co-quan/'), href);
    const page = await open(href);
    assert.equal((await page.locator('h1').textContent())?.trim(), justice.vi.name);
    assert.ok((await text(page)).includes(justice.phone));
    const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (json) => JSON.parse(json) as { '@type': string; name?: string },
    );
    assert.ok(jsonLd.some((data) => data['@type'] === 'GovernmentOrganization' && data.name === justice.vi.name));
    const english = await open('/en/agencies/');
    assert.equal(await english.locator('html').getAttribute('lang'), 'en');
    const englishHref = (await english.getByRole('link', { name: justice.en.name }).getAttribute('href')) ?? '';
    const englishPage = await open(englishHref);
    assert.equal((await englishPage.locator('h1').textContent())?.trim(), justice.en.name);
    assert.equal(await englishPage.locator('html').getAttribute('lang'), 'en');
    for (const p of [list, page, english, englishPage]) await p.context().close();
  });

  it('has the static pages in Vietnamese and the parts the law requires in English under /en/', async () => {
    const pages =
      await demo<Array<{ vi: { slug: string; title: string }; en: { slug: string; title: string } }>>('pages.json');
    for (const { vi, en } of pages) {
      const viPage = await open(`/${vi.slug}/`);
      assert.equal((await viPage.locator('h1').textContent())?.trim(), vi.title);
      assert.equal(await viPage.locator('html').getAttribute('lang'), 'vi');
      await viPage.context().close();
      const enPage = await open(`/en/${en.slug}/`);
      assert.equal((await enPage.locator('h1').textContent())?.trim(), en.title);
      assert.equal(await enPage.locator('html').getAttribute('lang'), 'en');
      await enPage.context().close();
    }
    const viHome = await open('/');
    const nav = viHome.getByRole('navigation', { name: 'Điều hướng chính' });
    assert.equal(await nav.getByRole('link', { name: 'Giới thiệu' }).getAttribute('href'), `/${pages[0]?.vi.slug}/`);
    await viHome.context().close();
    const home = await open('/en/');
    for (const { en } of pages)
      assert.equal((await home.getByRole('link', { name: en.title }).count()) > 0, true, en.title);
    await home.context().close();
  });

  it('shows the site settings from the CMS in the footer', async () => {
    const settings = await demo<{ ownerAgency: string; licenceLine: string; email: string }>('site-settings.json');
    const page = await open('/');
    const footer = await text(page, 'footer');
    for (const value of [settings.ownerAgency, settings.licenceLine, settings.email])
      assert.ok(footer.includes(value), value);
    await page.context().close();
  });

  it('changes the text size with A+ and keeps it on the next page', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: /^A\+/ }).click();
    const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(await size(), '20px');
    await page.goto(`${site.url}/tin-tuc/`);
    assert.equal(await size(), '20px');
    await page.context().close();
  });

  it('reads an article without JavaScript, with the text size control hidden rather than broken', async () => {
    const page = await open(`/tin-tuc/${ARTICLE}/`, { javaScriptEnabled: false });
    assert.match(await text(page), /Tác giả: Phương Thảo/);
    assert.equal(await page.getByRole('group', { name: 'Cỡ chữ' }).isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible(), true);
    await page.context().close();
  });

  it('publishes no draft anywhere in the build', async () => {
    let files = 0;
    for (const file of await builtFiles('**/*.{html,xml,txt,js,json}')) {
      const content = await readFile(path.join(outDir, file), 'utf8');
      files += 1;
      for (const draft of [DRAFT_ARTICLE, DRAFT_PAGE, DRAFT_ENTRY])
        assert.ok(!content.includes(draft), `${file} shows "${draft}"`);
    }
    assert.ok(files > 30, `expected a built site, found ${files} files`);
  });

  it('lists every built page in a well-formed sitemap, and each listed URL exists', async () => {
    const locs = (await sitemapLocs()).map((loc) => new URL(loc).pathname);
    // Every page file (src/lib/page-files.ts), less the status pages Astro writes at the root (404.html).
    const pages = (await builtFiles('**/*.html')).map(pathnameOfFile).filter((p) => p.endsWith('/'));
    // Every page of the news lists is listed too (page 2 onwards is how crawlers reach older lists).
    const listable = pages.filter((p) => !p.startsWith('/tim-kiem/') && p !== '/en/404/');
    assert.deepEqual(
      listable.filter((p) => !locs.includes(p)),
      [],
      'built pages missing from the sitemap',
    );
    for (const loc of locs) assert.ok(pages.includes(loc), `${loc} is in the sitemap but was not built`);
    assert.match(await (await fetch(`${site.url}/robots.txt`)).text(), /^Sitemap: http.*\/sitemap\.xml$/m);
    await xmlLocs('/tin-tuc/rss.xml', 'item');
  });

  /** One page of each template this file covers (documents and procedures: finders.e2e). */
  const templates = [
    '/',
    '/tin-tuc/',
    '/tin-tuc/chuyen-muc/chuyen-doi-so/',
    '/tin-tuc/thong-cao-bao-chi/',
    `/tin-tuc/${ARTICLE}/`,
    '/lich-cong-tac/',
    '/lich-cong-tac/2026-tuan-48/',
    '/co-quan/',
    '/gioi-thieu/',
    '/en/',
    '/en/about/',
    '/en/agencies/',
    '/khong-ton-tai/',
  ];

  it('stays within the size budgets and makes no third-party requests', async () => {
    const html = await readFile(path.join(outDir, pageFileOf(`/tin-tuc/${ARTICLE}/`)));
    const assets = (html.toString().match(/\/_astro\/[^"')\s]+\.(?:css|js)/g) ?? []).filter(
      (v, i, a) => a.indexOf(v) === i,
    );
    let total = gzipSync(html).length;
    for (const asset of assets) total += gzipSync(await readFile(path.join(outDir, asset))).length;
    assert.ok(total <= 50 * KB, `article page is ${total} B compressed (HTML+CSS+JS), budget 50 kB`);

    // The weight of each template, for the record (the budget above is the article's).
    for (const pathname of templates) {
      const file = path.join(outDir, pageFileOf(pathname === '/khong-ton-tai/' ? '/404.html' : pathname));
      const page = await readFile(file);
      const linked = (page.toString().match(/\/_astro\/[^"')\s]+\.(?:css|js)/g) ?? []).filter(
        (v, i, a) => a.indexOf(v) === i,
      );
      let weight = gzipSync(page).length;
      for (const asset of linked) weight += gzipSync(await readFile(path.join(outDir, asset))).length;
      console.log(`weight ${pathname}: ${weight} B gzip (HTML+CSS+JS), HTML ${page.length} B uncompressed`);
    }

    for (const file of await builtFiles('**/*.html')) {
      const page = (await readFile(path.join(outDir, file))).toString();
      // Anything the browser fetches by itself: src=, <link href=>, CSS url(). Plain links are the reader's choice.
      const fetched = [
        ...page.matchAll(/\ssrc(?:set)?="([^"]+)"/g),
        ...page.matchAll(/<link[^>]*\shref="([^"]+)"/g),
        ...page.matchAll(/url\(([^)]+)\)/g),
      ].map((m) => m[1] ?? '');
      const external = fetched.filter(
        (url) => /^(https?:)?\/\//.test(url) && !url.startsWith('http://127.0.0.1:4321/'),
      );
      assert.deepEqual(external, [], `${file} loads from another origin`);
      if (pathnameOfFile(file).startsWith('/tim-kiem/')) continue;
      // The citizens' forms alone (the question form, an open draft's comment form) carry the self-hosted
      // proof-of-work widget (altcha and its worker) that issue 12 asks for; the forms work without it. Their
      // own budget, so nothing else grows unnoticed.
      const budget = page.includes('<altcha-widget') ? 100 * KB : 10 * KB;
      let js = 0;
      for (const [, inline] of page.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g))
        js += Buffer.byteLength(inline ?? '');
      for (const [, src] of page.matchAll(/<script[^>]*\ssrc="(\/_astro\/[^"]+)"/g))
        js += (await readFile(path.join(outDir, src ?? ''))).length;
      assert.ok(js <= budget, `${file} ships ${js} B of JavaScript, budget ${budget / KB} kB`);
    }
  });

  it('keeps the main menu on one row at every desktop width, and the phone header one row high', async () => {
    for (const width of [1024, 1280, 1366, 1920]) {
      const page = await open('/', { width });
      const tops = await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('listitem')
        .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
      assert.equal(new Set(tops).size, 1, `menu rows at ${width} px: ${tops.join(', ')}`);
      await page.context().close();
    }
    const phone = await open('/', { width: 390, javaScriptEnabled: false });
    const header = await phone.locator('.site-header').boundingBox();
    assert.ok(header && header.height <= 110, `phone header is ${header?.height} px high (menu closed)`);
    const nav = phone.getByRole('navigation', { name: 'Điều hướng chính' });
    assert.equal(await nav.isVisible(), false, 'the menu starts closed on a phone');
    // Focus order: skip link, the portal name, the menu button, then what the menu holds.
    await phone.keyboard.press('Tab');
    assert.match((await phone.evaluate(() => document.activeElement?.textContent)) ?? '', /Bỏ qua/);
    await phone.keyboard.press('Tab');
    assert.equal(await phone.evaluate(() => document.activeElement?.classList.contains('brand')), true);
    await phone.keyboard.press('Tab');
    assert.equal(await phone.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
    // The menu button is a <details> disclosure: it opens without JavaScript, from the keyboard too.
    await phone.keyboard.press('Enter');
    assert.equal(await nav.getByRole('link', { name: 'Văn bản' }).isVisible(), true);
    await phone.context().close();
  });

  it('shows the national emblem from /quoc-huy.svg, an SVG the operator can replace', async () => {
    const page = await open('/');
    const emblem = page.getByTestId('emblem');
    assert.equal(await emblem.getAttribute('src'), '/quoc-huy.svg');
    assert.ok(await emblem.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'emblem loads');
    const response = await fetch(`${site.url}/quoc-huy.svg`);
    assert.match(response.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(await response.text(), /^<svg[\s>]/);
    await page.context().close();
  });

  it('shows the organisation and contacts in English on English pages, and an English 404', async () => {
    const page = await open('/en/');
    const footer = await text(page, '[data-testid="owner"]');
    assert.match(footer, /Governing body: People’s Committee of Son Ha Province/);
    assert.match(footer, /Address: 1 Hung Vuong Street/);
    assert.match(footer, /Licence No\. 15\/GP-TTĐT/);
    assert.doesNotMatch(footer, /Cơ quan chủ quản|Địa chỉ|Giấy phép số/);
    await page.context().close();
    const missing = await fetch(`${site.url}/en/no-such-page/`);
    assert.equal(missing.status, 404);
    const body = await missing.text();
    assert.match(body, /<html lang="en"/);
    assert.match(body, /Page not found/);
  });

  it('links a page to its translation both ways, with hreflang', async () => {
    const vi = await open('/gioi-thieu/');
    assert.equal(await vi.getByTestId('language-link').getAttribute('href'), '/en/about/');
    assert.match(
      (await vi.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')) ?? '',
      /\/en\/about\/$/,
    );
    await vi.context().close();
    const en = await open('/en/about/');
    assert.equal(await en.getByTestId('language-link').getAttribute('href'), '/gioi-thieu/');
    assert.match(
      (await en.locator('link[rel="alternate"][hreflang="vi"]').getAttribute('href')) ?? '',
      /\/gioi-thieu\/$/,
    );
    await en.context().close();
    const home = await open('/');
    assert.equal(await home.getByTestId('language-link').getAttribute('href'), '/en/');
    await home.context().close();
  });

  it('makes the contact phone and e-mail tappable, in the footer and on the contact page', async () => {
    const page = await open('/lien-he/');
    for (const scope of ['[data-testid="contacts"]', '[data-testid="owner"]']) {
      assert.equal(await page.locator(`${scope} a[href="tel:02033812345"]`).count(), 1, `${scope} tel:`);
      assert.equal(await page.locator(`${scope} a[href="mailto:bbt@sonha.example.gov.vn"]`).count(), 1, scope);
    }
    await page.context().close();
  });

  it('highlights the introduction item on every static page', async () => {
    for (const pathname of ['/gioi-thieu/', '/co-cau-to-chuc/', '/lien-he/', '/tiep-can-thong-tin/']) {
      const page = await open(pathname);
      const active = await page.locator('.main-nav a.active').allTextContents();
      assert.deepEqual(
        active.map((a) => a.trim()),
        ['Giới thiệu'],
        pathname,
      );
      await page.context().close();
    }
  });

  it('offers the access-to-information request form (Mẫu số 01a) for download', async () => {
    const page = await open('/tiep-can-thong-tin/');
    const files = page.getByTestId('page-attachment');
    assert.equal(await files.count(), 2);
    // The link names the file as uploaded; the stored file's URL is Strapi's own (hashed) name.
    assert.match(await text(page, '[data-testid="page-attachment"]'), /mau-01a-phieu-yeu-cau-cung-cap-thong-tin\.docx/);
    for (const href of await files.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      assert.match(href, /\.(docx|pdf)$/);
      assert.equal((await fetch(href)).status, 200, href);
    }
    await page.context().close();
  });

  it('says which week the home calendar shows, names the text size buttons, and shows banner images', async () => {
    const page = await open('/');
    assert.match(
      await text(page, '[data-testid="calendar-week-note"]'),
      /(Tuần này|tuần gần nhất).*từ \d\d\/\d\d\/\d{4} đến/,
    );
    assert.equal(await page.locator('#lich-tuan .nowrap').count(), 1, 'the week number never breaks from "tuần"');
    assert.equal(await page.getByRole('button', { name: 'A Cỡ chữ bình thường' }).count(), 1);
    assert.equal(await page.getByRole('group', { name: 'Cỡ chữ:' }).isVisible(), true);
    const banners = page.getByTestId('banner-link').locator('img');
    assert.ok((await banners.count()) > 0, 'banner links show their image');
    for (const alt of await banners.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt'))))
      assert.ok(alt && alt.length > 3, `banner image alt "${alt}"`);
    await page.context().close();
  });

  it('offers the news feed as news, not as a category, and hides an empty press-release list', async () => {
    const articles = await demo<Array<{ kind?: string }>>('articles.json');
    const page = await open('/tin-tuc/');
    assert.equal(await page.getByRole('link', { name: 'Theo dõi tin mới qua RSS' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Theo dõi chuyên mục qua RSS' }).count(), 0);
    const pressLinks = await page
      .getByRole('navigation', { name: 'Chuyên mục tin tức' })
      .getByRole('link', { name: 'Thông cáo báo chí' })
      .count();
    assert.equal(pressLinks, articles.some((a) => a.kind === 'thong_cao_bao_chi') ? 1 : 0);
    await page.context().close();
  });

  it("links an agency's page to its documents and procedures", async () => {
    const page = await open('/co-quan/');
    const hrefs = await page
      .locator('main a[href^="/co-quan/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    let linked = 0;
    for (const href of hrefs) {
      const agency = await open(href);
      const links = agency.getByTestId('agency-legal-links').getByRole('link');
      for (const target of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        assert.match(target, /^\/(van-ban|thu-tuc-hanh-chinh)\/co-quan\/[a-z0-9-]+\/$/);
        assert.equal((await fetch(`${site.url}${target}`)).status, 200, target);
        linked += 1;
      }
      await agency.context().close();
    }
    assert.ok(linked > 0, 'some agency links to its documents or procedures');
    await page.context().close();
  });

  it('has no accessibility violation at all and reflows at 320 px on every page in the sitemap', async () => {
    // Every URL, as Starlight's docs do, failing on any violation whatever its impact. One browser, a
    // few pages at a time over one context, against the site this file built: CI time stays low.
    const locs = (await sitemapLocs()).map((loc) => new URL(loc).pathname);
    const all = [...new Set([...locs, '/khong-ton-tai/', '/en/khong-ton-tai/'])];
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 320, height: 640 } });
    const report: string[] = [];
    const queue = [...all];
    const worker = async () => {
      const page = await context.newPage();
      for (let pathname = queue.shift(); pathname !== undefined; pathname = queue.shift()) {
        await page.goto(`${site.url}${pathname}`);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        if (templates.includes(pathname)) console.log(`axe ${pathname}: ${results.violations.length} violations`);
        for (const v of results.violations)
          report.push(`${pathname}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) report.push(`${pathname}: scrolls ${overflow}px sideways at 320 px`);
      }
      await page.close();
    };
    const started = Date.now();
    await Promise.all([worker(), worker(), worker()]);
    console.log(`axe: ${all.length} URLs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await context.close();
    assert.ok(all.length > 100, `expected the whole sitemap, got ${all.length} URLs`);
    assert.deepEqual(report, []);
  });
});
