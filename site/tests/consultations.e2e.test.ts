/**
 * Lấy ý kiến dự thảo end to end on a real CMS, Meilisearch and the built site served with the public routes
 * forwarded (scripts/src/forward.ts), in Chromium: a citizen comments on an open draft without JavaScript and
 * with it (solving the real proof-of-work), gets a receipt code and a mail (captured by a local SMTP server);
 * a closed draft shows the board's report and refuses comments with a clear Vietnamese message, an upcoming
 * one too; unique marker values in every personal field are then looked for everywhere the public or a log
 * can read; the board moderates a comment through the audited admin API.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { Meilisearch } from 'meilisearch';
import { COMMENT_CONSENT } from '@portal/cms/model/consultations';
import { consultationIndex, indexUidOf, typeFilter } from '@portal/search';
import { publishSite } from '@portal/scripts/portal';
import { siteRoutes } from '@portal/scripts/search-results';
import { serveStatic } from '@portal/scripts/services';
import {
  adminSession,
  createAdminUser,
  graphql,
  startTestBackend,
  type AdminSession,
  type TestBackend,
} from '@portal/scripts/testing';
import { startMailCapture, type CapturedMail, type MailCapture } from './mail-capture.ts';
import { assertChromium, launchChromium, WCAG_TAGS } from './browser.ts';

const CONSULTATION = 'api::consultation.consultation';
const COMMENT = 'api::consultation-comment.consultation-comment';
const DAY = 86_400_000;
/** Unique values in every personal field: none may appear anywhere public. */
const MARKERS = {
  name: 'Trần Thị Zqdraftname',
  email: 'zqdraftmail@example.vn',
  phone: '0977 123 450',
  address: 'Số 3 ngõ Zqdraftaddr, phường Hòa Bình',
  organisation: 'Công ty Zqdraftorg',
};
const OPEN = {
  title: 'Dự thảo Quy định quản lý chợ trên địa bàn tỉnh',
  slug: 'du-thao-quy-dinh-quan-ly-cho',
  summary: 'Lấy ý kiến về dự thảo Quy định phân cấp quản lý chợ, bố trí điểm kinh doanh và thu phí.',
};
const CLOSED = {
  title: 'Dự thảo Nghị quyết mức thu phí tham quan danh lam thắng cảnh',
  slug: 'du-thao-nghi-quyet-phi-tham-quan',
  summary: 'Lấy ý kiến về mức thu phí tham quan các điểm danh lam thắng cảnh do tỉnh quản lý.',
};
const UPCOMING = {
  title: 'Dự thảo Kế hoạch phát triển giao thông nông thôn giai đoạn 2027 – 2030',
  slug: 'du-thao-ke-hoach-giao-thong-nong-thon',
  summary: 'Lấy ý kiến về các tuyến đường ưu tiên đầu tư và cơ chế huy động nguồn lực.',
};
const REPORT = 'Cổng nhận được 12 ý kiến; cơ quan soạn thảo tiếp thu ý kiến về miễn phí cho người cao tuổi.';
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

function assertNoMarker(text: string, where: string) {
  for (const [name, value] of Object.entries(MARKERS))
    assert.equal(text.includes(value), false, `${where} contains the commenter's ${name}`);
  assert.equal(/zqdraft/i.test(text), false, `${where} contains a personal-data marker`);
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const validComment = (slug: string) => ({
  duThao: slug,
  hoTen: 'Nguyễn Văn Góp',
  dienThoai: '0912 000 111',
  noiDung: 'Đề nghị bổ sung quy định về vệ sinh an toàn thực phẩm tại chợ đầu mối.',
  dongY: 'on',
  phienBanDongY: COMMENT_CONSENT.version,
});

describe('comments on draft documents (lấy ý kiến dự thảo)', () => {
  let backend: TestBackend;
  let admin: AdminSession;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let outDir = '';
  let openId = '';
  const codes: string[] = [];
  const mails: CapturedMail[] = [];
  let smtp: MailCapture | undefined;

  async function open(pathname: string, javaScriptEnabled = false): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  /** axe runs as a script, so on a JavaScript-enabled copy of the page. */
  async function axe(url: string) {
    const checked = await browser.newContext({ locale: 'vi-VN', bypassCSP: true });
    const copy = await checked.newPage();
    await copy.goto(url);
    const result = await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
    await checked.close();
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe on ${url}`,
    );
  }

  const post = (body: Record<string, string>, type: 'form' | 'json', client: string) =>
    fetch(`${site.url}/api/du-thao/gop-y`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
        Accept: type === 'form' ? 'text/html' : 'application/json',
        'X-Forwarded-For': client,
      },
      body: type === 'form' ? new URLSearchParams(body) : JSON.stringify(body),
    });

  before(async () => {
    assertChromium();
    smtp = await startMailCapture(mails);
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: {
        PROXY_TRUSTED_HOPS: '1',
        QA_LIMIT_WITHOUT_PROOF: '20',
        QA_LIMIT_WITH_PROOF: '20',
        QA_POW_COST: '50',
        QA_POW_MAX_COUNTER: '2000',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        MAIL_FROM: 'Cổng thông tin thử nghiệm <no-reply@portal.test>',
        // The schedule (and the check for periods that opened or closed) every second.
        PORTAL_SCHEDULE_CRON: '* * * * * *',
      },
    });
    admin = await adminSession(backend);
    const fieldId = String((await admin.createDraft('api::field.field', { name: 'Công thương' })).documentId);
    const agencyId = String(
      (await admin.createPublished('api::agency.agency', { name: 'Sở Công Thương', slug: 'so-cong-thuong' }))
        .documentId,
    );
    const common = {
      field: { connect: [{ documentId: fieldId }] },
      draftingAgency: { connect: [{ documentId: agencyId, locale: 'vi' }] },
    };
    const now = Date.now();
    openId = String(
      (
        await admin.createPublished(CONSULTATION, {
          ...OPEN,
          ...common,
          openAt: new Date(now - 2 * DAY).toISOString(),
          closeAt: new Date(now + 20 * DAY).toISOString(),
        })
      ).documentId,
    );
    await admin.createPublished(CONSULTATION, {
      ...CLOSED,
      ...common,
      openAt: new Date(now - 60 * DAY).toISOString(),
      closeAt: new Date(now - 30 * DAY).toISOString(),
      // Headed as editors do: "Heading 1", then a jump to "Heading 3"; the page nests them below its h2.
      report: [
        { type: 'heading', level: 1, children: [{ type: 'text', text: 'I. Tổng hợp ý kiến' }] },
        { type: 'paragraph', children: [{ type: 'text', text: REPORT }] },
        { type: 'heading', level: 3, children: [{ type: 'text', text: '1. Ý kiến về lệ phí' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'Cơ quan soạn thảo giữ mức phí như dự thảo.' }] },
      ],
      reportDate: new Date(now - 20 * DAY).toISOString().slice(0, 10),
    });
    await admin.createPublished(CONSULTATION, {
      ...UPCOMING,
      ...common,
      openAt: new Date(now + 5 * DAY).toISOString(),
      closeAt: new Date(now + 35 * DAY).toISOString(),
    });
    outDir = path.join(backend.dir, 'site');
    const { searchKey } = await publishSite(backend, {
      secrets: backend.secrets,
      indexPrefix: backend.indexPrefix,
      siteOutDir: outDir,
    });
    site = await serveStatic(outDir, 0, {
      searchOrigin: backend.meili.url,
      cmsUrl: backend.cmsUrl,
      routes: siteRoutes({ siteDir: outDir, meiliUrl: backend.meili.url, searchKey, indexPrefix: backend.indexPrefix }),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await backend?.dispose();
    await smtp?.close();
  });

  it('refuses a draft period that closes before it opens, in Vietnamese', async () => {
    const refused = await admin.request('POST', admin.base(CONSULTATION), {
      title: 'Dự thảo có thời gian sai',
      summary: 'Thời điểm kết thúc trước thời điểm bắt đầu.',
      openAt: '2027-01-10T01:00:00.000Z',
      closeAt: '2027-01-05T10:00:00.000Z',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.error?.message ?? '', /kết thúc lấy ý kiến phải sau thời điểm bắt đầu/);
  });

  it('lists open and upcoming drafts, closed ones apart, on the home page, in RSS and the sitemap', async () => {
    const list = await open('/du-thao/');
    const main = (await list.locator('main').textContent()) ?? '';
    assert.match(main, /Đang lấy ý kiến/);
    assert.match(main, /Sắp lấy ý kiến/);
    assert.equal(await list.getByRole('link', { name: OPEN.title }).count(), 1);
    assert.equal(await list.getByRole('link', { name: UPCOMING.title }).count(), 1);
    assert.equal(await list.getByRole('link', { name: CLOSED.title }).count(), 0);
    // The main menu leads here, marked as the current page.
    const menu = list.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Dự thảo' });
    assert.equal(await menu.getAttribute('href'), '/du-thao/');
    assert.equal(await menu.getAttribute('aria-current'), 'page');
    await list.context().close();
    await axe(`${site.url}/du-thao/`);

    const closed = await open('/du-thao/da-ket-thuc/');
    assert.equal(await closed.getByRole('link', { name: CLOSED.title }).count(), 1);
    assert.equal(await closed.getByRole('link', { name: OPEN.title }).count(), 0);
    await closed.context().close();
    await axe(`${site.url}/du-thao/da-ket-thuc/`);

    const home = await open('/');
    const section = home.getByRole('region', { name: 'Lấy ý kiến dự thảo' });
    assert.equal(await section.getByRole('link', { name: OPEN.title }).getAttribute('href'), `/du-thao/${OPEN.slug}/`);
    await home.context().close();

    const feed = await (await fetch(`${site.url}/du-thao/rss.xml`)).text();
    for (const draft of [OPEN, CLOSED, UPCOMING])
      assert.match(feed, new RegExp(`<link>[^<]*/du-thao/${draft.slug}/</link>`));
    // sitemap.xml is an index of /sitemap-<n>.xml files: read every file it names.
    const index = await (await fetch(`${site.url}/sitemap.xml`)).text();
    let sitemap = '';
    for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g))
      sitemap += await (await fetch(`${site.url}${new URL(loc ?? '').pathname}`)).text();
    for (const pathname of ['/du-thao/', '/du-thao/da-ket-thuc/', `/du-thao/${OPEN.slug}/`, `/du-thao/${CLOSED.slug}/`])
      assert.ok(sitemap.includes(`${pathname}</loc>`), `sitemap lists ${pathname}`);
  });

  it('takes a comment on an open draft without JavaScript and shows a receipt code', async () => {
    const page = await open(`/du-thao/${OPEN.slug}/`);
    assert.equal(((await page.getByTestId('consultation-phase').textContent()) ?? '').trim(), 'Đang lấy ý kiến');
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as { '@type': string; potentialAction?: { '@type': string; endTime: string } },
    );
    const doc = ld.find((item) => item['@type'] === 'DigitalDocument');
    assert.equal(doc?.potentialAction?.['@type'], 'CommentAction');
    assert.match(doc?.potentialAction?.endTime ?? '', /\+07:00$/);
    await page.getByLabel('Họ và tên (*)', { exact: true }).fill(MARKERS.name);
    await page.getByLabel('Tổ chức, doanh nghiệp', { exact: true }).fill(MARKERS.organisation);
    await page.getByLabel('Thư điện tử', { exact: true }).fill(MARKERS.email);
    await page.getByLabel('Số điện thoại', { exact: true }).fill(MARKERS.phone);
    await page.getByLabel('Địa chỉ', { exact: true }).fill(MARKERS.address);
    await page.getByLabel('Điều, khoản góp ý').fill('Điều 7, khoản 2');
    await page
      .getByLabel('Nội dung góp ý (*)')
      .fill('Đề nghị quy định rõ thời hạn bố trí lại điểm kinh doanh khi chợ được cải tạo, nâng cấp.');
    await page.getByLabel(/Tôi đồng ý/).check();
    await Promise.all([
      page.waitForURL(/\/du-thao\/da-gui\/\?ma=/),
      page.getByRole('button', { name: 'Gửi góp ý' }).click(),
    ]);
    const shown = ((await page.locator('.code').textContent()) ?? '').trim();
    assert.match(shown, CODE);
    codes.push(shown);
    assert.match((await page.locator('main').textContent()) ?? '', /Mã tiếp nhận của bạn là/);
    assert.equal(
      await page.getByRole('link', { name: 'Về trang dự thảo' }).getAttribute('href'),
      `/du-thao/${OPEN.slug}/`,
    );
    assertNoMarker(await page.content(), 'the confirmation page');
    await axe(page.url());
    await page.context().close();

    for (let i = 0; i < 50 && mails.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(mails.length, 1, 'one receipt was mailed');
    assert.deepEqual(mails[0]?.to, [MARKERS.email]);
    assert.match(mails[0]?.subject ?? '', new RegExp(shown));
    assert.match(mails[0]?.text ?? '', new RegExp(`/du-thao/${OPEN.slug}/`));
    assert.equal((mails[0]?.text ?? '').includes(MARKERS.name), false);
  });

  it('with JavaScript, solves the proof-of-work on the site origin and is accepted with it', async () => {
    const page = await open(`/du-thao/${OPEN.slug}/`, true);
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url)) outside.push(request.url());
    });
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLInputElement>('input[name="altcha"]')?.value));
    await page.getByLabel('Họ và tên (*)', { exact: true }).fill('Lê Văn Bình');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0911 222 444');
    await page
      .getByLabel('Nội dung góp ý (*)')
      .fill('Đề nghị bổ sung quy định về phòng cháy, chữa cháy đối với chợ hạng 1 và hạng 2.');
    await page.getByLabel(/Tôi đồng ý/).check();
    await Promise.all([
      page.waitForURL(/\/du-thao\/da-gui\/\?ma=/),
      page.getByRole('button', { name: 'Gửi góp ý' }).click(),
    ]);
    const shown = ((await page.locator('.code').textContent()) ?? '').trim();
    assert.match(shown, CODE);
    codes.push(shown);
    assert.deepEqual(outside, [], 'no request leaves the portal');
    await page.context().close();
    const stored = await admin.request('GET', `${admin.base(COMMENT)}?filters[receiptCode][$eq]=${shown}`);
    const rows = (stored.body as { results: Array<{ proofOfWork: boolean; moderationStatus: string }> }).results;
    assert.equal(rows[0]?.proofOfWork, true, 'stored as verified by proof-of-work');
    assert.equal(rows[0]?.moderationStatus, 'moi_nhan', 'waits for moderation');
  });

  it('fits a 390 px phone screen: lists, an open draft with its form, a closed draft with its report', async () => {
    for (const pathname of ['/du-thao/', `/du-thao/${OPEN.slug}/`, `/du-thao/${CLOSED.slug}/`]) {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.url}${pathname}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${pathname} is ${width} px wide at 390 px`);
      // PORTAL_SCREENSHOT_DIR=… keeps a picture of each page to look at.
      const shots = process.env.PORTAL_SCREENSHOT_DIR;
      if (shots)
        await page.screenshot({
          path: path.join(
            shots,
            `du-thao-${pathname.split('/').filter(Boolean).slice(1).join('-') || 'danh-sach'}.png`,
          ),
          fullPage: true,
        });
      await context.close();
    }
  });

  it('shows a closed draft with the report and no form, and refuses a comment on it with a clear message', async () => {
    const page = await open(`/du-thao/${CLOSED.slug}/`);
    assert.equal(((await page.getByTestId('consultation-phase').textContent()) ?? '').trim(), 'Đã hết hạn lấy ý kiến');
    assert.equal(await page.locator('form[action="/api/du-thao/gop-y"]').count(), 0);
    const report = page.getByRole('region', { name: 'Báo cáo tổng hợp, tiếp thu, giải trình ý kiến' });
    assert.match((await report.textContent()) ?? '', /tiếp thu ý kiến về miễn phí cho người cao tuổi/);
    // One h1, and no heading level skipped: the report's own headings sit below its h2.
    const headings = await page
      .locator('main')
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((nodes) => nodes.map((node) => `${node.tagName.toLowerCase()} ${node.textContent?.trim() ?? ''}`));
    const levels = headings.map((heading) => Number(heading[1]));
    assert.equal(levels[0], 1, headings.join(' | '));
    assert.equal(levels.filter((level) => level === 1).length, 1, headings.join(' | '));
    levels.forEach((level, i) =>
      assert.ok(i === 0 || level <= levels[i - 1]! + 1, `skipped a level: ${headings.join(' | ')}`),
    );
    assert.deepEqual(headings.slice(headings.indexOf('h2 Báo cáo tổng hợp, tiếp thu, giải trình ý kiến')), [
      'h2 Báo cáo tổng hợp, tiếp thu, giải trình ý kiến',
      'h3 I. Tổng hợp ý kiến',
      'h4 1. Ý kiến về lệ phí',
    ]);
    await page.context().close();
    await axe(`${site.url}/du-thao/${CLOSED.slug}/`);

    // The browser's form post (as a page built while the draft was open would send it).
    const form = await post(validComment(CLOSED.slug), 'form', '198.51.100.21');
    assert.equal(form.status, 410);
    assert.match(form.headers.get('content-type') ?? '', /text\/html/);
    const html = await form.text();
    assert.match(html, /Đã hết thời gian lấy ý kiến dự thảo “Dự thảo Nghị quyết mức thu phí tham quan/);
    assert.match(html, new RegExp(`href="/du-thao/${CLOSED.slug}/"`));
    const json = await post(validComment(CLOSED.slug), 'json', '198.51.100.22');
    assert.equal(json.status, 410);
    const { error } = (await json.json()) as { error: { name: string; message: string } };
    assert.equal(error.name, 'GoneError');
    assert.match(error.message, /Góp ý không được tiếp nhận/);

    const early = await post(validComment(UPCOMING.slug), 'json', '198.51.100.23');
    assert.equal(early.status, 409);
    assert.match(
      ((await early.json()) as { error: { message: string } }).error.message,
      /chưa đến thời gian lấy ý kiến/,
    );
    const upcoming = await open(`/du-thao/${UPCOMING.slug}/`);
    assert.match((await upcoming.locator('main').textContent()) ?? '', /Chưa đến thời gian lấy ý kiến/);
    assert.equal(await upcoming.locator('form[action="/api/du-thao/gop-y"]').count(), 0);
    await upcoming.context().close();

    const unknown = await post(validComment('khong-co-du-thao-nay'), 'json', '198.51.100.24');
    assert.equal(unknown.status, 404);
    const invalid = await post({ ...validComment(OPEN.slug), email: 'sai-dinh-dang' }, 'form', '198.51.100.25');
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /Thư điện tử: không đúng định dạng/);
    const bot = await post({ ...validComment(OPEN.slug), trangWeb: 'http://spam.example' }, 'json', '198.51.100.26');
    assert.equal(bot.status, 400);
    const count = await admin.request('GET', `${admin.base(COMMENT)}?pageSize=100`);
    assert.equal((count.body as { results: unknown[] }).results.length, codes.length, 'nothing refused was stored');
  });

  it('refuses malformed comments with a 4xx and a message, storing nothing (bounded fuzz)', async () => {
    const valid = validComment(OPEN.slug);
    const wrong: unknown[] = [
      42,
      true,
      null,
      [],
      ['a'],
      {},
      { $ne: '' },
      'x'.repeat(6000),
      '<script>alert(1)</script>',
      'a\u0000b',
      '\u202e',
    ];
    const bodies: Array<{ type: string; body: string }> = [];
    const optionalFields = ['altcha', 'email', 'toChuc', 'dieuKhoan'];
    for (const name of [...Object.keys(valid), ...optionalFields])
      for (const value of wrong) {
        // null in an optional field means "not given", as a blank form field does; true is JSON's ticked box.
        if ((value === null && optionalFields.includes(name)) || (value === true && name === 'dongY')) continue;
        bodies.push({ type: 'application/json', body: JSON.stringify({ ...valid, [name]: value }) });
      }
    for (const name of Object.keys(valid)) {
      const { [name]: _left, ...rest } = valid as Record<string, string>;
      bodies.push({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(rest).toString() });
    }
    bodies.push(
      { type: 'application/json', body: '{"duThao": "' },
      { type: 'application/json', body: '[]' },
      { type: 'application/json', body: '"du-thao"' },
      { type: 'text/plain', body: new URLSearchParams(valid).toString() },
      { type: 'application/xml', body: '<gopY/>' },
      { type: 'application/x-www-form-urlencoded', body: '%E0%A4%A=%ZZ&duThao=%FF%FE' },
      { type: 'application/json', body: JSON.stringify({ ...valid, duThao: '../../admin' }) },
      { type: 'application/json', body: JSON.stringify({ ...valid, noiDung: 'ạ'.repeat(20_000) }) },
      {
        type: 'application/json',
        body: JSON.stringify({ ...valid, altcha: Buffer.from('{"challenge":{}}').toString('base64') }),
      },
    );
    const before = (await admin.request('GET', `${admin.base(COMMENT)}?pageSize=100`)).body as { results: unknown[] };
    // Straight to the CMS, each request its own client (PROXY_TRUSTED_HOPS=1 trusts X-Forwarded-For), so the
    // fuzz tests validation rather than the rate limit.
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const index = next++;
        const { type, body } = bodies[index]!;
        const response = await fetch(`${backend.cmsUrl}/api/du-thao/gop-y`, {
          method: 'POST',
          headers: {
            'Content-Type': type,
            Accept: 'application/json',
            'X-Forwarded-For': `10.9.${index >> 8}.${index & 255}`,
          },
          body,
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status < 400 || response.status >= 500 || !/[À-ỹ]/.test(text))
          failures.push(`${response.status} ${type} ${body.slice(0, 80)} → ${text.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    console.log(
      `Comment fuzz: ${bodies.length} malformed submissions → ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} answers were not a 4xx with a Vietnamese message`);
    const after = (await admin.request('GET', `${admin.base(COMMENT)}?pageSize=100`)).body as { results: unknown[] };
    assert.equal(after.results.length, before.results.length, 'nothing malformed was stored');
  });

  it('lets the board moderate a comment, audited without the personal data', async () => {
    const reviewer = await createAdminUser(backend, admin, {
      email: 'tk-du-thao@portal.test',
      firstname: 'Lan',
      roleName: 'Thư ký tòa soạn',
    });
    const list = await reviewer.request('GET', `${reviewer.base(COMMENT)}?filters[receiptCode][$eq]=${codes[0]}`);
    const rows = (list.body as { results: Array<{ documentId: string; commenterName: string }> }).results;
    assert.equal(rows[0]?.commenterName, MARKERS.name, 'the board sees who commented');
    await reviewer.update(COMMENT, rows[0].documentId, { moderationStatus: 'hop_le' });
    const trail = await admin.request(
      'GET',
      `${admin.base('api::audit-entry.audit-entry')}?filters[entryDocumentId][$eq]=${rows[0].documentId}&pageSize=100`,
    );
    const entries = (trail.body as { results: Array<{ action: string; changes: Record<string, unknown> }> }).results;
    assert.ok(entries.some((entry) => entry.action === 'create'));
    assert.ok(entries.some((entry) => entry.action === 'update' && 'moderationStatus' in (entry.changes ?? {})));
    assertNoMarker(JSON.stringify(trail.body), 'the audit trail');
  });

  it("hands a person's comments to the super admin on request (NĐ 13/2023), audited by field names only", async () => {
    const exported = await admin.request('GET', `/portal/personal-data?email=${encodeURIComponent(MARKERS.email)}`);
    assert.equal(exported.status, 200);
    const comments = (exported.body as { data: { comments: Array<Record<string, unknown>> } }).data.comments;
    assert.ok(comments.length >= 1, 'the comment sent with the e-mail is exported');
    assert.ok(comments.every((comment) => comment.commenterEmail === MARKERS.email));
    assert.ok(comments.some((comment) => codes.includes(String(comment.receiptCode))));
    assert.equal(comments[0]?.consultation, OPEN.title);
    assert.equal(comments[0]?.commenterName, MARKERS.name);
    const trail = await admin.request(
      'GET',
      `${admin.base('api::audit-entry.audit-entry')}?filters[action][$eq]=export&filters[entryDocumentId][$eq]=${String(comments[0]?.documentId)}`,
    );
    const entries = (trail.body as { results: Array<{ changes: Record<string, unknown> }> }).results;
    assert.equal(entries.length, 1);
    assertNoMarker(JSON.stringify(trail.body), 'the export audit line');
  });

  it('never shows a comment or its personal data in REST, GraphQL, the site, the search index or the logs', async () => {
    for (const file of await filesBelow(path.join(backend.dir, 'logs')))
      assertNoMarker(await readFile(file, 'utf8'), `log ${path.basename(file)}`);
    const token = backend.secrets.PORTAL_SITE_TOKEN;
    const auth = { Authorization: `Bearer ${token}` };
    const drafts = await fetch(`${backend.cmsUrl}/api/consultations?populate=*`, { headers: auth });
    assert.equal(drafts.status, 200);
    const draftsText = await drafts.text();
    assert.match(draftsText, new RegExp(OPEN.title));
    assertNoMarker(draftsText, 'REST /api/consultations');
    for (const pathname of ['/api/consultation-comments', '/api/consultation-comments?populate=*']) {
      const response = await fetch(`${backend.cmsUrl}${pathname}`, { headers: auth });
      assert.ok([403, 404].includes(response.status), `${pathname} answers ${response.status}`);
      assertNoMarker(await response.text(), `REST ${pathname}`);
    }
    const listed = await graphql(backend.cmsUrl, token, '{ consultations { title slug summary } }');
    assert.match(JSON.stringify(listed.body), new RegExp(OPEN.title));
    const asked = await graphql(backend.cmsUrl, token, '{ consultationComments { content commenterName } }');
    assert.ok(asked.body.errors?.length, 'comments are not in the public GraphQL schema');
    const type = await graphql(backend.cmsUrl, token, '{ __type(name: "ConsultationComment") { name } }');
    assert.equal((type.body.data as { __type: unknown } | undefined)?.__type ?? null, null);

    for (const file of await filesBelow(outDir)) {
      if (!/\.(html|xml|json|js|txt)$/.test(file)) continue;
      assertNoMarker(await readFile(file, 'utf8'), path.relative(outDir, file));
    }

    const meili = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
    // The drafts share a search index with the other short content types: counted by their type.
    const index = meili.index(indexUidOf(consultationIndex, backend.indexPrefix));
    const ofType = typeFilter(consultationIndex);
    const deadline = Date.now() + 30_000;
    let indexed = 0;
    while (Date.now() < deadline) {
      indexed = await index.getDocuments({ filter: ofType, limit: 10 }).then(
        (page) => page.total,
        () => 0,
      );
      if (indexed >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(indexed, 3, 'the published drafts are in the search index');
    const faceted = await index.search('', { filter: ofType, facets: ['kind', 'fields', 'agency'] });
    assert.deepEqual(faceted.facetDistribution, {
      kind: { 'Dự thảo lấy ý kiến': 3 },
      fields: { 'Công thương': 3 },
      agency: { 'Sở Công Thương': 3 },
    });
    const { results } = await meili.getIndexes({ limit: 100 });
    for (const each of results) {
      const documents = await meili.index(each.uid).getDocuments({ limit: 10_000 });
      assertNoMarker(JSON.stringify(documents.results), `search index ${each.uid}`);
    }
  });

  it('finds a draft in the site search without diacritics, under "Dự thảo lấy ý kiến"', async () => {
    const page = await open('/tim-kiem/ket-qua/?q=quy+dinh+quan+ly+cho&pham-vi=du-thao');
    const link = page.getByRole('link', { name: OPEN.title });
    assert.equal(await link.getAttribute('href'), `/du-thao/${OPEN.slug}/`);
    assert.match((await page.locator('main').textContent()) ?? '', /Dự thảo lấy ý kiến/);
    await page.context().close();
    assert.ok(openId);
  });

  it('queues a site rebuild when a period closes, and never for a comment', async () => {
    const closeAt = Date.now() + 3_000;
    const { documentId } = await admin.createPublished(CONSULTATION, {
      title: 'Dự thảo sắp hết hạn lấy ý kiến trong vài giây',
      summary: 'Dự thảo thử việc dựng lại cổng khi hết thời gian lấy ý kiến.',
      openAt: new Date(Date.now() - DAY).toISOString(),
      closeAt: new Date(closeAt).toISOString(),
    });
    const database = path.join(backend.dir, 'cms', 'data.db');
    const rows = (sql: string, ...params: Array<string | number>) => {
      const db = new DatabaseSync(database, { readOnly: true, timeout: 15_000 });
      try {
        return db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    };
    const afterClose = () =>
      rows('SELECT id FROM portal_site_outbox WHERE document_id = ? AND created_at >= ?', String(documentId), closeAt)
        .length;
    const deadline = Date.now() + 20_000;
    while (afterClose() === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(afterClose(), 1, 'one site change recorded when the period closed');
    assert.deepEqual(rows('SELECT id FROM portal_site_outbox WHERE uid = ?', COMMENT), [], 'comments rebuild nothing');
  });
});
