/**
 * The documents and procedures finders as a citizen meets them: the site built from the demo content
 * (plus a draft and an attachment written through the admin API, as an editor would) against a real
 * CMS and Meilisearch, served statically and opened in Debian's Chromium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import {
  ATTACHMENT_NAME,
  demoFixtures,
  DRAFT_DOCUMENT,
  DRAFT_PROCEDURE,
  FORM_NAME,
  usePortal,
  type DemoDocument,
  type DemoProcedure,
} from './shared-portal.ts';
import { numberTokens } from '../src/lib/document-number.ts';
import { pageFileCandidates } from '../src/lib/page-files.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';

const folded = (number: string) => numberTokens(number).join(' ');
const slugOf = (number: string) => numberTokens(number).join('-');

describe('documents and procedures finders in Chromium', () => {
  let backend: Awaited<ReturnType<typeof usePortal>>;
  let site: { url: string };
  let browser: Browser;
  let outDir: string;
  let documents: DemoDocument[];
  let procedures: DemoProcedure[];
  let replaced: DemoDocument;
  let replacing: DemoDocument;
  let birth: DemoProcedure;

  before(async () => {
    assertChromium();
    ({ documents, procedures, replaced, replacing, birth } = await demoFixtures());
    backend = await usePortal();
    outDir = backend.outDir;
    site = { url: backend.siteUrl };
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await backend?.release();
  });

  async function open(
    pathname: string,
    options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      locale: 'vi-VN',
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  const listedNumbers = async (page: Page) =>
    (await page.locator('main [data-testid="document-item"]:visible h2').allTextContents()).map((t) =>
      t.replace(/^.* số /s, '').trim(),
    );

  const expectedNumbers = (keep: (d: DemoDocument) => boolean) =>
    documents
      .filter(keep)
      .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || a.documentNumber.localeCompare(b.documentNumber, 'vi'))
      .map((d) => d.documentNumber);

  /** The schema.org types a page declares in JSON-LD, and its canonical URL. */
  const metadata = async (page: Page) => ({
    types: await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) =>
        scripts.map((s) => (JSON.parse(s.textContent ?? '{}') as { '@type': string })['@type']),
      ),
    canonical: await page.locator('link[rel="canonical"]').getAttribute('href'),
  });

  it('renders a document page with its fields, attachment, relations and citing procedures', async () => {
    const page = await open(`/van-ban/${slugOf(replacing.documentNumber)}/`);
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(replacing.documentNumber));
    assert.equal(await page.getByTestId('document-number').textContent(), replacing.documentNumber);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.ok(main.includes(replacing.abstract));
    const [y, m, d] = replacing.issueDate.split('-');
    assert.ok(main.includes(`${d}/${m}/${y}`), 'issue date shown dd/mm/yyyy');
    if (replacing.signer) assert.ok(main.includes(replacing.signer));
    const attachment = page.getByTestId('attachment');
    assert.match((await attachment.textContent()) ?? '', new RegExp(`${ATTACHMENT_NAME}.*\\(PDF, 3 KB\\)`, 's'));
    const href = (await attachment.getAttribute('href')) ?? '';
    assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.pdf$/);
    assert.equal((await fetch(href)).status, 200, 'the attachment downloads from the CMS');
    const relation = page.getByTestId('relations').getByRole('link', { name: replaced.documentNumber });
    assert.equal(await relation.getAttribute('href'), `/van-ban/${slugOf(replaced.documentNumber)}/`);
    assert.match((await page.getByTestId('relations').textContent()) ?? '', /Thay thế:/);
    const { types, canonical } = await metadata(page);
    assert.deepEqual(types.sort(), ['BreadcrumbList', 'Legislation']);
    assert.match(canonical ?? '', new RegExp(`/van-ban/${slugOf(replacing.documentNumber)}/$`));
    await page.context().close();
  });

  it('shows the replaced document as no longer in force, replaced by the newer one, with its history', async () => {
    const page = await open(`/van-ban/${slugOf(replaced.documentNumber)}/`);
    assert.equal((await page.getByTestId('validity').textContent())?.trim(), 'Hết hiệu lực toàn bộ');
    const relations = (await page.getByTestId('relations').textContent()) ?? '';
    assert.match(relations, new RegExp(`Bị thay thế bởi:\\s*Quyết định số ${replacing.documentNumber}`));
    const history = (await page.locator('#lich-su-hieu-luc + .table-scroll').textContent()) ?? '';
    assert.ok(history.includes('Hết hiệu lực toàn bộ') && history.includes(replacing.documentNumber), history);
    await page.context().close();
  });

  it('says at the title, on a phone, that a document is no longer in force and what replaced it', async () => {
    const page = await open(`/van-ban/${slugOf(replaced.documentNumber)}/`, { viewport: { width: 390, height: 844 } });
    const notice = page.getByTestId('validity-notice');
    const box = await notice.boundingBox();
    assert.ok(box && box.y + box.height < 844, `the validity notice is in the first screen (y=${box?.y})`);
    const said = ((await notice.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(said, /Hết hiệu lực toàn bộ/);
    assert.match(said, new RegExp(`Đã bị thay thế bởi Quyết định số ${replacing.documentNumber}`));
    const link = notice.getByRole('link', { name: new RegExp(replacing.documentNumber) });
    assert.equal(await link.getAttribute('href'), `/van-ban/${slugOf(replacing.documentNumber)}/`);
    assert.equal(await page.getByRole('button', { name: 'In trang' }).count(), 1);
    await page.context().close();
    // In the lists too, the status comes first and stands out.
    const list = await open(`/van-ban/hieu-luc/het-hieu-luc-toan-bo/`);
    const first = list.locator('[data-testid="document-item"] .meta > :first-child').first();
    assert.equal((await first.textContent())?.trim(), 'Hết hiệu lực toàn bộ');
    assert.match((await first.getAttribute('class')) ?? '', /status-het-hieu-luc-toan-bo/);
    await list.context().close();
  });

  it('reads the cách thức and hồ sơ tables at 320 and 390 px without sideways scrolling', async () => {
    for (const width of [320, 390]) {
      const page = await open('/thu-tuc-hanh-chinh/', { viewport: { width, height: 800 } });
      await page.getByRole('link', { name: birth.name, exact: true }).click();
      await page.waitForURL(/\/thu-tuc-hanh-chinh\/[a-z0-9-]+\/$/);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `scrolls ${overflow}px sideways at ${width} px`);
      for (const table of ['methods', 'dossier']) {
        const cells = page.getByTestId(table).locator('td, th');
        for (const right of await cells.evaluateAll((all) => all.map((cell) => cell.getBoundingClientRect().right)))
          assert.ok(right <= width, `${table}: a cell ends at ${right} px, beyond ${width} px`);
      }
      // Each value is preceded by its column name, so a stacked row still says what it is.
      assert.match(
        (await page
          .getByTestId('methods')
          .locator('td')
          .first()
          .evaluate((td) => getComputedStyle(td, '::before').content)) ?? '',
        /Thời hạn giải quyết/,
      );
      await page.context().close();
    }
  });

  it('gives every demo procedure described channels and real forms to download, and a print button', async () => {
    const withForm = procedures.find((p) => p.code !== birth.code && p.dossier?.some((item) => 'form' in item));
    assert.ok(withForm, 'a demo procedure besides the edited one has a form');
    const page = await open('/thu-tuc-hanh-chinh/');
    await page.getByRole('link', { name: withForm.name, exact: true }).click();
    await page.waitForURL(/\/thu-tuc-hanh-chinh\/[a-z0-9-]+\/$/);
    const descriptions = await page.getByTestId('methods').locator('td:last-child').allTextContents();
    assert.ok(descriptions.length > 0 && descriptions.every((d) => d.trim().length > 20), descriptions.join(' | '));
    const form = page
      .getByTestId('dossier')
      .getByRole('link', { name: /Tải mẫu/ })
      .first();
    const href = (await form.getAttribute('href')) ?? '';
    assert.match(href, /\.(pdf|docx|odt)$/);
    const file = await fetch(href);
    assert.equal(file.status, 200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A real file of its kind: PDF starts "%PDF-", DOCX and ODT are ZIP packages ("PK").
    const magic = String.fromCharCode(...bytes.slice(0, 5));
    assert.ok(magic.startsWith('%PDF-') || magic.startsWith('PK'), `${href} starts with ${JSON.stringify(magic)}`);
    assert.equal(await page.getByRole('button', { name: 'In trang' }).count(), 1);
    await page.context().close();
  });

  it('looks a number up without JavaScript: the finder form goes to the search results for documents', async () => {
    const page = await open('/van-ban/', { javaScriptEnabled: false });
    const box = page.getByLabel('Số ký hiệu');
    assert.equal(await box.isVisible(), true, 'the number box is shown without JavaScript');
    const sent = page.waitForRequest((request) => request.url().includes('/tim-kiem/ket-qua/'));
    await page.route('**/tim-kiem/ket-qua/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
    await box.fill('2543/QĐ-UBND');
    await page.getByRole('button', { name: 'Tra cứu số ký hiệu' }).click();
    const url = new URL((await sent).url());
    assert.equal(url.pathname, '/tim-kiem/ket-qua/');
    assert.deepEqual([...url.searchParams].sort(), [
      ['pham-vi', 'van-ban'],
      ['q', '2543/QĐ-UBND'],
    ]);
    await page.context().close();
  });

  it('searches procedures by name without JavaScript', async () => {
    const page = await open('/thu-tuc-hanh-chinh/', { javaScriptEnabled: false });
    const sent = page.waitForRequest((request) => request.url().includes('/tim-kiem/ket-qua/'));
    await page.route('**/tim-kiem/ket-qua/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
    await page.getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    const url = new URL((await sent).url());
    assert.equal(url.pathname, '/tim-kiem/ket-qua/');
    assert.deepEqual([...url.searchParams].sort(), [
      ['pham-vi', 'thu-tuc'],
      ['q', 'khai sinh'],
    ]);
    await page.context().close();
  });

  it('links a procedure to its legal basis and each document back to the procedure', async () => {
    const page = await open('/thu-tuc-hanh-chinh/');
    await page.getByRole('link', { name: birth.name, exact: true }).click();
    await page.waitForURL(/\/thu-tuc-hanh-chinh\/[a-z0-9-]+\/$/);
    const procedureUrl = new URL(page.url()).pathname;
    const basis = page.getByTestId('legal-basis').getByRole('link');
    assert.equal(await basis.count(), birth.legalBasis.length);
    for (const number of birth.legalBasis) {
      const link = page.getByTestId('legal-basis').getByRole('link', { name: number });
      assert.equal(await link.getAttribute('href'), `/van-ban/${slugOf(number)}/`);
    }
    const first = birth.legalBasis[0] ?? '';
    await page.getByTestId('legal-basis').getByRole('link', { name: first }).click();
    await page.waitForURL(`**/van-ban/${slugOf(first)}/`);
    const back = page.getByTestId('citing-procedures').getByRole('link', { name: birth.name });
    assert.equal(await back.getAttribute('href'), procedureUrl);
    await page.context().close();
  });

  it('reads a procedure end to end: steps, cách thức with deadlines and fees, dossier, submission link', async () => {
    const page = await open('/thu-tuc-hanh-chinh/');
    await page.getByRole('link', { name: birth.name, exact: true }).click();
    await page.waitForURL(/\/thu-tuc-hanh-chinh\/[a-z0-9-]+\/$/);
    assert.equal(await page.getByTestId('procedure-code').textContent(), birth.code);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const step of birth.steps ?? []) assert.ok(main.includes(step.title), step.title);
    const methods = (await page.getByTestId('methods').textContent()) ?? '';
    for (const method of birth.methods ?? []) {
      if (method.fee) assert.ok(methods.includes(method.fee), method.fee);
      if (method.duration) assert.ok(methods.includes(method.duration), method.duration);
    }
    const dossier = (await page.getByTestId('dossier').textContent()) ?? '';
    for (const item of birth.dossier ?? []) assert.ok(dossier.includes(item.name), item.name);
    const form = page.getByTestId('dossier').getByRole('link', { name: new RegExp(FORM_NAME) });
    assert.match((await form.textContent()) ?? '', /\(DOCX, 45 KB\)/);
    const formUrl = (await form.getAttribute('href')) ?? '';
    assert.match(formUrl, /^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.docx$/);
    assert.equal((await fetch(formUrl)).status, 200, 'the form downloads from the CMS');
    const submit = page.getByTestId('submit-online');
    assert.equal(await submit.getAttribute('href'), birth.onlineUrl);
    assert.match((await submit.textContent()) ?? '', /Nộp hồ sơ trực tuyến/);
    assert.deepEqual((await metadata(page)).types.sort(), ['BreadcrumbList', 'GovernmentService']);
    assert.equal(await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link').count(), 2);
    await page.context().close();
  });

  it('finds every demo document by its number typed without diacritics or separators', async () => {
    const page = await open('/van-ban/');
    const box = page.getByLabel('Số ký hiệu');
    for (const demo of documents) {
      await box.fill(folded(demo.documentNumber));
      await page.locator('[data-finder-filtered]:visible').waitFor();
      await page.waitForFunction(
        (n) => document.querySelector('[data-finder-filtered] h2')?.textContent?.includes(n),
        demo.documentNumber,
      );
      assert.ok((await listedNumbers(page)).includes(demo.documentNumber), demo.documentNumber);
    }
    await page.context().close();
  });

  it('combines filters in the browser and keeps them in the URL', async () => {
    const page = await open('/van-ban/?loai=quyet-dinh&nam=2026');
    await page.locator('[data-finder-filtered]:visible').waitFor();
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.documentType === 'quyet_dinh' && d.issueDate.startsWith('2026-')),
    );
    assert.equal(await page.getByLabel('Loại văn bản').inputValue(), 'quyet-dinh');
    await page.getByLabel('Năm ban hành').selectOption('2021');
    await page.waitForURL(/nam=2021/);
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.documentType === 'quyet_dinh' && d.issueDate.startsWith('2021-')),
    );
    await page.getByLabel('Số ký hiệu').fill('qd 2543');
    await page.waitForURL(/so=qd\+2543/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Không tìm thấy/);
    await page.context().close();
  });

  it('reads the finder data a year at a time: a year filter fetches that year only', async () => {
    const index = (await (await fetch(`${site.url}/van-ban/du-lieu.json`)).json()) as {
      total: number;
      shards: Array<{ year: string; count: number; url: string }>;
    };
    const years = [...new Set(documents.map((d) => d.issueDate.slice(0, 4)))].sort().reverse();
    assert.deepEqual(
      index.shards.map((shard) => shard.year),
      years,
      'one file per issue year, newest first',
    );
    assert.equal(index.total, documents.length);
    assert.equal(
      index.shards.reduce((sum, shard) => sum + shard.count, 0),
      documents.length,
    );
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/van-ban/du-lieu')) fetched.push(pathname);
    });
    await page.goto(`${site.url}/van-ban/?nam=2021`);
    await page.locator('[data-finder-filtered]:visible').waitFor();
    await page.waitForFunction(() =>
      /Tìm thấy|Không tìm thấy/.test(document.querySelector('[data-finder-status]')?.textContent ?? ''),
    );
    assert.deepEqual(fetched.sort(), ['/van-ban/du-lieu.json', '/van-ban/du-lieu/2021.json']);
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.issueDate.startsWith('2021-')),
    );
    // Without a year every file is read, newest first, and the list is the same as from one file.
    await page.getByLabel('Năm ban hành').selectOption('');
    await page.getByLabel('Loại văn bản').selectOption('quyet-dinh');
    await page.waitForURL((url) => url.search === '?loai=quyet-dinh');
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.documentType === 'quyet_dinh'),
    );
    assert.deepEqual(
      [...new Set(fetched)].sort(),
      ['/van-ban/du-lieu.json', ...years.map((year) => `/van-ban/du-lieu/${year}.json`)].sort(),
    );
    await context.close();
  });

  it('filters by facet links without JavaScript', async () => {
    const page = await open('/van-ban/', { javaScriptEnabled: false });
    // Without JavaScript only the number box (sent to the search results) is offered; the filters are links.
    assert.equal(await page.locator('form.finder-form select').first().isVisible(), false, 'JS-only filters hidden');
    assert.equal(await page.getByLabel('Số ký hiệu').isVisible(), true);
    assert.ok((await listedNumbers(page)).length > 0);
    const facets = page.getByRole('navigation', { name: 'Lọc văn bản theo' });
    await facets.getByRole('link', { name: '2021', exact: true }).click();
    await page.waitForURL('**/van-ban/nam/2021/');
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.issueDate.startsWith('2021-')),
    );
    await facets.getByRole('link', { name: 'Nghị quyết', exact: true }).click();
    await page.waitForURL('**/van-ban/loai/nghi-quyet/');
    assert.deepEqual(
      await listedNumbers(page),
      expectedNumbers((d) => d.documentType === 'nghi_quyet'),
    );
    await page.context().close();
  });

  it('serves an RSS feed of published documents that parses as XML', async () => {
    const xml = await (await fetch(`${site.url}/van-ban/rss.xml`)).text();
    const page = await open('/van-ban/');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        links: [...doc.querySelectorAll('item > link')].map((l) => l.textContent),
      };
    }, xml);
    assert.equal(parsed.error, null);
    assert.equal(parsed.links.length, documents.length);
    assert.ok(!xml.includes(DRAFT_DOCUMENT.abstract));
    await page.context().close();
  });

  it('puts no draft in the build: pages, feed, finder data', async () => {
    let files = 0;
    for await (const file of glob('**/*.{html,json,xml,js}', { cwd: outDir })) {
      const text = await readFile(path.join(outDir, file), 'utf8');
      files += 1;
      for (const secret of [DRAFT_DOCUMENT.abstract, DRAFT_DOCUMENT.documentNumber, DRAFT_PROCEDURE.name])
        assert.ok(!text.includes(secret), `${file} contains the draft "${secret}"`);
    }
    assert.ok(files > 20, `expected a built site, found ${files} files`);
    // No page for the draft in either page layout (src/lib/page-files.ts); a published document has its file.
    const pageExists = (pathname: string) =>
      pageFileCandidates(pathname).some((file) => existsSync(path.join(outDir, file)));
    assert.ok(!pageExists(`/van-ban/${slugOf(DRAFT_DOCUMENT.documentNumber)}/`));
    assert.ok(pageExists(`/van-ban/${slugOf(replacing.documentNumber)}/`));
  });

  const templates = () => [
    '/van-ban/',
    '/van-ban/loai/quyet-dinh/',
    `/van-ban/${slugOf(replacing.documentNumber)}/`,
    '/thu-tuc-hanh-chinh/',
    '/thu-tuc-hanh-chinh/cap/xa/',
  ];

  it('has no serious or critical accessibility violations on each template', async () => {
    const report: string[] = [];
    const page = await open('/thu-tuc-hanh-chinh/');
    await page.getByRole('link', { name: birth.name, exact: true }).click();
    const procedurePath = new URL(page.url()).pathname;
    await page.context().close();
    for (const pathname of [...templates(), procedurePath, '/van-ban/?loai=quyet-dinh']) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const tab = await context.newPage();
      await tab.goto(`${site.url}${pathname}`);
      if (pathname.includes('?')) await tab.locator('[data-finder-filtered]:visible').waitFor();
      const results = await new AxeBuilder({ page: tab }).withTags(WCAG_TAGS).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(`axe ${pathname}: ${results.violations.length} violations, ${serious.length} serious/critical`);
      report.push(
        ...serious.map(
          (v) => `${pathname}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      );
      await context.close();
    }
    assert.deepEqual(report, []);
  });

  it('can be used with the keyboard only on a phone: skip link, visible focus, operable filters', async () => {
    const phone = { width: 360, height: 740 };
    const page = await open('/van-ban/', { viewport: phone });
    await page.keyboard.press('Tab');
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Bỏ qua, đến nội dung chính/);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'noi-dung');
    // From the main landmark, the first stops are the breadcrumbs, then the number box.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'so')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'so');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible on the number box');
    await page.keyboard.type(folded(replaced.documentNumber));
    await page.keyboard.press('Enter');
    await page.locator('[data-finder-filtered]:visible').waitFor();
    assert.deepEqual(await listedNumbers(page), [replaced.documentNumber]);
    // Tab on to the year select and choose with the arrow keys.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'loai')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'loai');
    await page.context().close();

    // Procedures: a facet link reached by Tab and followed with Enter.
    const procedures = await open('/thu-tuc-hanh-chinh/', { viewport: phone });
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await procedures.keyboard.press('Tab');
      reached = await procedures.evaluate(() => document.activeElement?.textContent?.trim() === 'Cấp xã');
    }
    assert.ok(reached, 'the "Cấp xã" filter is reachable with Tab');
    await procedures.keyboard.press('Enter');
    await procedures.waitForURL('**/thu-tuc-hanh-chinh/cap/xa/');
    await procedures.context().close();
  });

  it('reflows on a 320 px phone screen without horizontal page scrolling', async () => {
    const paths = [...templates(), `/van-ban/${slugOf(replaced.documentNumber)}/`];
    const page = await open('/thu-tuc-hanh-chinh/', { viewport: { width: 320, height: 640 } });
    await page.getByRole('link', { name: birth.name, exact: true }).click();
    paths.push(new URL(page.url()).pathname);
    for (const pathname of paths) {
      await page.goto(`${site.url}${pathname}`);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${pathname}: page is ${scroll}px wide in a ${client}px viewport`);
    }
    await page.context().close();
  });

  it('stays within the page budget: ≤ 10 kB of JavaScript, no third-party requests', async () => {
    const page = await open('/thu-tuc-hanh-chinh/');
    await page.getByRole('link', { name: birth.name, exact: true }).click();
    const procedurePath = new URL(page.url()).pathname;
    await page.context().close();
    for (const pathname of [...templates(), procedurePath]) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const tab = await context.newPage();
      const weights = { html: 0, css: 0, js: 0, other: 0 };
      const rawJs = { bytes: 0 };
      const foreign: string[] = [];
      tab.on('response', (response) => {
        if (!response.url().startsWith(site.url)) foreign.push(response.url());
      });
      const bodies: Array<Promise<void>> = [];
      tab.on('requestfinished', (request) => {
        bodies.push(
          (async () => {
            const response = await request.response();
            const body = await response?.body().catch(() => undefined);
            if (!body) return;
            const kind = request.resourceType();
            const key =
              kind === 'document' ? 'html' : kind === 'stylesheet' ? 'css' : kind === 'script' ? 'js' : 'other';
            weights[key] += gzipSync(body).length;
            if (key === 'js') rawJs.bytes += body.length;
          })(),
        );
      });
      await tab.goto(`${site.url}${pathname}`, { waitUntil: 'networkidle' });
      await Promise.all(bodies);
      // Inline scripts count too: Astro inlines small ones into the page.
      const inlineJs = await tab.evaluate(() =>
        [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')]
          .map((s) => s.textContent ?? '')
          .join(''),
      );
      const total = weights.html + weights.css + weights.js;
      console.log(
        `weight ${pathname}: ${total} B gzip (html ${weights.html}, css ${weights.css}, js files ${weights.js}); ` +
          `js uncompressed ${rawJs.bytes + Buffer.byteLength(inlineJs)} B`,
      );
      // The budget is on uncompressed bytes, inline and external: the stricter reading of "10 kB".
      const js = rawJs.bytes + Buffer.byteLength(inlineJs);
      assert.ok(js <= 10_000, `${pathname}: ${js} bytes of JavaScript`);
      assert.deepEqual(foreign, [], `${pathname} made third-party requests`);
      await context.close();
    }
  });
});
