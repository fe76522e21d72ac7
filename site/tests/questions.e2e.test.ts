/**
 * Hỏi đáp end to end on a real CMS, Meilisearch and the built site served with the public routes
 * forwarded (scripts/src/forward.ts), in Chromium: a citizen asks without JavaScript and gets a code, looks
 * it up, the board answers, approves and publishes, the site is rebuilt and the question page appears.
 * Unique marker values in every personal field are then looked for everywhere the public or a log can
 * read; a bounded fuzz must store nothing and answer only 4xx; one client is throttled while another is not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { Meilisearch } from 'meilisearch';
import { CONSENT } from '@portal/cms/model/questions';
import { indexUidOf, questionIndex, typeFilter } from '@portal/search';
import { REPO_ROOT } from '@portal/scripts/config';
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
import { questionFuzz, validQuestion } from './question-fuzz.ts';

const QUESTION = 'api::question.question';
const FUZZ_COUNT = 2_000;
const CONCURRENCY = 8;
const LIMIT_WITHOUT_PROOF = 3;
/** Unique values in every personal field: none may appear anywhere public. */
const MARKERS = {
  name: 'Phạm Văn Zqmarkten',
  email: 'zqmarkmail@example.vn',
  phone: '0987 650 123',
  phoneStored: '0987650123',
  address: 'Số 7 ngõ Zqmarkaddr, phường Hòa Bình',
};
const TITLE = 'Hỏi về thời hạn cấp đổi giấy phép lái xe quá hạn';
const ANSWER = 'Theo quy định hiện hành, giấy phép lái xe quá hạn dưới 3 tháng được cấp đổi không phải sát hạch lại.';
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      url,
      {
        agent,
        method,
        headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers,
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        response.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
    outgoing.end(body);
  });
}

function questionRows(database: string): number {
  const db = new DatabaseSync(database, { readOnly: true, timeout: 15_000 });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

function assertNoMarker(text: string, where: string) {
  for (const [name, value] of Object.entries(MARKERS))
    assert.equal(text.includes(value), false, `${where} contains the asker's ${name}`);
  assert.equal(/zqmark/i.test(text), false, `${where} contains a personal-data marker`);
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('questions and answers (hỏi đáp)', () => {
  let backend: TestBackend;
  let admin: AdminSession;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let fieldId: string;
  let agencyId: string;
  let code = '';
  let questionId = '';
  let slug = '';
  /** Mail the CMS sent, as the local capture server received it. */
  const mails: CapturedMail[] = [];
  let smtp: MailCapture | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  async function build(name: string) {
    const outDir = path.join(backend.dir, name);
    const { searchKey } = await publishSite(backend, {
      secrets: backend.secrets,
      indexPrefix: backend.indexPrefix,
      siteOutDir: outDir,
    });
    await site?.close();
    site = await serveStatic(outDir, 0, {
      searchOrigin: backend.meili.url,
      cmsUrl: backend.cmsUrl,
      routes: siteRoutes({ siteDir: outDir, meiliUrl: backend.meili.url, searchKey, indexPrefix: backend.indexPrefix }),
    });
    return outDir;
  }

  async function open(pathname: string, javaScriptEnabled = false): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled });
    // Playwright waits forever by default; a missing element should fail the test, not hang it.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pathname}`);
    assert.equal(response?.status(), 200, `GET ${pathname}`);
    return page;
  }

  /** axe runs as a script, so on a JavaScript-enabled copy of the page (the one at `page`'s URL). */
  async function axe(page: Page) {
    const checked = await browser.newContext({ locale: 'vi-VN', bypassCSP: true });
    const copy = await checked.newPage();
    await copy.goto(page.url());
    const result = await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
    await checked.close();
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe on ${page.url()}`,
    );
  }

  before(async () => {
    assertChromium();
    smtp = await startMailCapture(mails);
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: {
        // The site server is the one proxy in front of the public routes; direct test requests name
        // their client in X-Forwarded-For as it would.
        PROXY_TRUSTED_HOPS: '1',
        QA_LIMIT_WITHOUT_PROOF: String(LIMIT_WITHOUT_PROOF),
        QA_LIMIT_WITH_PROOF: '5',
        QA_POW_COST: '50',
        QA_POW_MAX_COUNTER: '2000',
        // The retention job every second, so a question answered long ago is cleared during the test.
        PORTAL_QUESTION_RETENTION_CRON: '* * * * * *',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        MAIL_FROM: 'Cổng thông tin thử nghiệm <no-reply@portal.test>',
      },
    });
    admin = await adminSession(backend);
    fieldId = String((await admin.createDraft('api::field.field', { name: 'Giao thông vận tải' })).documentId);
    agencyId = String(
      (await admin.createPublished('api::agency.agency', { name: 'Sở Xây dựng', slug: 'so-xay-dung' })).documentId,
    );
    await build('site-1');
    browser = await launchChromium();
  });

  after(async () => {
    agent.destroy();
    await browser?.close();
    await site?.close();
    await backend?.dispose();
    await smtp?.close();
  });

  it('takes a question from the form without JavaScript and shows a tracking code', async () => {
    const page = await open('/hoi-dap/gui-cau-hoi/');
    await axe(page);
    await page.getByLabel('Họ và tên (*)', { exact: true }).fill(MARKERS.name);
    await page.getByLabel('Thư điện tử', { exact: true }).fill(MARKERS.email);
    await page.getByLabel('Số điện thoại', { exact: true }).fill(MARKERS.phone);
    await page.getByLabel('Địa chỉ', { exact: true }).fill(MARKERS.address);
    await page.getByLabel('Lĩnh vực').selectOption(fieldId);
    await page.getByLabel('Cơ quan nhận câu hỏi').selectOption(agencyId);
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page
      .getByLabel('Nội dung câu hỏi')
      .fill('Giấy phép lái xe hạng B2 của tôi đã quá hạn hai tháng. Tôi có phải thi sát hạch lại không?');
    await page.getByLabel(/Tôi đồng ý/).check();
    await Promise.all([
      page.waitForURL(/\/hoi-dap\/da-gui\/\?ma=/),
      page.getByRole('button', { name: 'Gửi câu hỏi' }).click(),
    ]);
    const shown = ((await page.locator('.code').textContent()) ?? '').trim();
    assert.match(shown, CODE);
    code = shown;
    assert.match((await page.locator('main').textContent()) ?? '', /Mã theo dõi của bạn là/);
    assertNoMarker(await page.content(), 'the confirmation page');
    // The receipt: to the address given, with the code and the look-up link, and nothing else they wrote.
    for (let i = 0; i < 50 && mails.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(mails.length, 1, 'one receipt was mailed');
    assert.deepEqual(mails[0]?.to, [MARKERS.email]);
    assert.match(mails[0]?.subject ?? '', new RegExp(code));
    assert.match(mails[0]?.text ?? '', new RegExp(`/hoi-dap/tra-cuu/\\?ma=${code}`));
    assert.equal((mails[0]?.text ?? '').includes(MARKERS.name), false);
    await axe(page);
    await page.context().close();
  });

  it('with JavaScript, solves the proof-of-work from the portal itself and is accepted with it', async () => {
    const page = await open('/hoi-dap/gui-cau-hoi/', true);
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url)) outside.push(request.url());
    });
    // The widget fetched a challenge from the site's origin and put its solution in the form.
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLInputElement>('input[name="altcha"]')?.value));
    await page.getByLabel('Họ và tên (*)', { exact: true }).fill('Lê Thị Hoa');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0911 222 333');
    await page.getByLabel('Lĩnh vực').selectOption(fieldId);
    await page.getByLabel('Tiêu đề').fill('Hỏi về lệ phí cấp đổi giấy phép lái xe');
    await page
      .getByLabel('Nội dung câu hỏi')
      .fill('Xin cho biết lệ phí cấp đổi giấy phép lái xe hiện nay là bao nhiêu?');
    await page.getByLabel(/Tôi đồng ý/).check();
    await Promise.all([
      page.waitForURL(/\/hoi-dap\/da-gui\/\?ma=/),
      page.getByRole('button', { name: 'Gửi câu hỏi' }).click(),
    ]);
    const shown = ((await page.locator('.code').textContent()) ?? '').trim();
    assert.match(shown, CODE);
    assert.deepEqual(outside, [], 'no request leaves the portal');
    assert.deepEqual(blocked, [], 'no script error or blocked resource');
    await page.context().close();
    const stored = await admin.request('GET', `${admin.base(QUESTION)}?filters[trackingCode][$eq]=${shown}`);
    const rows = (stored.body as { results: Array<{ proofOfWork: boolean }> }).results;
    assert.equal(rows[0]?.proofOfWork, true, 'stored as verified by proof-of-work');
  });

  it('fits a 390 px phone screen: form, look-up and list without sideways scrolling', async () => {
    for (const pathname of ['/hoi-dap/gui-cau-hoi/', '/hoi-dap/tra-cuu/', '/hoi-dap/']) {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.url}${pathname}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${pathname} is ${width} px wide at 390 px`);
      // PORTAL_SCREENSHOT_DIR=… keeps a picture of each page to look at.
      const shots = process.env.PORTAL_SCREENSHOT_DIR;
      if (shots)
        await page.screenshot({
          path: path.join(shots, `hoi-dap-${pathname.split('/').filter(Boolean).join('-')}.png`),
          fullPage: true,
        });
      await context.close();
    }
  });

  it('explains a refused form in Vietnamese, naming the field', async () => {
    const body = new URLSearchParams({ ...validQuestion(fieldId, CONSENT.version), email: 'sai-dinh-dang' });
    const response = await fetch(`${site.url}/api/hoi-dap/cau-hoi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '198.51.100.40' },
      body,
    });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await response.text(), /Thư điện tử: không đúng định dạng/);
  });

  it('looks the question up by its code: status and dates, nothing personal', async () => {
    const page = await open('/hoi-dap/tra-cuu/');
    await axe(page);
    await page.getByLabel('Mã theo dõi').fill(code.toLowerCase().replace('-', ' '));
    await Promise.all([
      page.waitForURL(/\/api\/hoi-dap\/tra-cuu\?ma=/),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Trạng thái\s*Mới nhận/);
    assert.match(main, new RegExp(code));
    assertNoMarker(await page.content(), 'the look-up page');
    await axe(page);
    await page.context().close();
    const json = await fetch(`${site.url}/api/hoi-dap/tra-cuu?ma=${code}`, { headers: { Accept: 'application/json' } });
    const { data } = (await json.json()) as { data: Record<string, unknown> };
    assert.deepEqual(Object.keys(data).sort(), [
      'answeredAt',
      'publishedAt',
      'receivedAt',
      'status',
      'statusLabel',
      'trackingCode',
      'url',
    ]);
    const unknown = await fetch(`${site.url}/api/hoi-dap/tra-cuu?ma=AAAA-BBBB`, {
      headers: { Accept: 'application/json' },
    });
    assert.equal(unknown.status, 404);
  });

  it("lets an agency officer answer their agency's question in the admin panel; another agency's officer sees none of it", async () => {
    const otherAgency = String(
      (await admin.createPublished('api::agency.agency', { name: 'Sở Tư pháp', slug: 'so-tu-phap' })).documentId,
    );
    const officer = await createAdminUser(backend, admin, {
      email: 'canbo.xd@portal.test',
      firstname: 'Hùng',
      roleName: 'Cán bộ trả lời',
    });
    const stranger = await createAdminUser(backend, admin, {
      email: 'canbo.tp@portal.test',
      firstname: 'Thảo',
      roleName: 'Cán bộ trả lời',
    });
    // The super admin's assignments (Phân công cán bộ trả lời): who answers for which agency.
    for (const [email, agency] of [
      ['canbo.xd@portal.test', agencyId],
      ['canbo.tp@portal.test', otherAgency],
    ] as const)
      await admin.createDraft('api::officer-assignment.officer-assignment', {
        officerEmail: email,
        agency: { connect: [{ documentId: agency, locale: 'vi' }] },
      });
    const found = await admin.request('GET', `${admin.base(QUESTION)}?filters[trackingCode][$eq]=${code}`);
    questionId = (found.body as { results: Array<{ documentId: string }> }).results[0]!.documentId;
    const listUrl = `${backend.cmsUrl}/admin/content-manager/collection-types/${QUESTION}`;

    const signIn = async (login: { email: string; password: string }) => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1000 } });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(`${backend.cmsUrl}/admin/auth/login`);
      await page.locator('input[name="email"]').fill(login.email);
      await page.locator('input[name="password"]').fill(login.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'));
      return page;
    };
    /** What the panel showed when a check failed (PORTAL_SCREENSHOT_DIR=… keeps it). */
    const keep = async (page: Page, name: string) => {
      if (process.env.PORTAL_SCREENSHOT_DIR)
        await page.screenshot({ path: path.join(process.env.PORTAL_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    };

    // Officer of the agency the citizen chose: their desk and their list hold this question, and only it
    // (the one asked with JavaScript went to no agency).
    const page = await signIn(officer.login);
    try {
      await page
        .getByRole('region', { name: /Câu hỏi cơ quan cần trả lời/ })
        .getByText(TITLE)
        .waitFor();
      await page.goto(listUrl);
      const rows = page.locator('table tbody tr');
      await rows.first().waitFor();
      assert.deepEqual(
        (await rows.allInnerTexts()).map((row) => row.includes(TITLE)),
        [true],
        "the officer lists exactly their agency's question",
      );
      await rows.getByText(TITLE).click();
      await page.waitForURL(new RegExp(`/${questionId}`));
      // The board's fields are there to read (who asked, to answer them), the answer's to write.
      await page.getByRole('textbox', { name: /Họ tên người hỏi/ }).waitFor();
      await page.locator('[contenteditable="true"][role="textbox"]').first().click();
      await page.keyboard.type(ANSWER);
      await page.getByLabel('Đơn vị trả lời').fill('Phòng Quản lý phương tiện và người lái');
      await page.getByRole('combobox', { name: 'Trạng thái xử lý' }).click();
      await page.getByRole('option', { name: 'Đã trả lời' }).click();
      await page.getByRole('combobox', { name: 'Trạng thái biên tập' }).click();
      await page.getByRole('option', { name: 'Chờ duyệt' }).click();
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByRole('status').getByText('Đã lưu').first().waitFor();
      // Sent for review, not published: the officer has no "Xuất bản" that works.
      const published = await officer.request('POST', `${officer.base(QUESTION)}/${questionId}/actions/publish`, {});
      assert.equal(published.status, 403);
    } catch (error) {
      await keep(page, 'can-bo-tra-loi-loi');
      throw error;
    } finally {
      await page.context().close();
    }
    const stored = (await admin.request('GET', `${admin.base(QUESTION)}/${questionId}`)).data as Record<
      string,
      unknown
    >;
    assert.deepEqual(
      [stored.processingStatus, stored.editorialStage, stored.answeringUnit, JSON.stringify(stored.answer)],
      ['da_tra_loi', 'cho_duyet', 'Phòng Quản lý phương tiện và người lái', JSON.stringify(paragraph(ANSWER))],
    );

    // The other agency's officer: nothing on the desk, an empty list, and the question's own address refused.
    const other = await signIn(stranger.login);
    try {
      await other.getByText('Không có việc nào đang chờ bạn.').waitFor();
      await other.goto(listUrl);
      await other.getByText('Tìm thấy 0 mục').waitFor();
      assert.equal(await other.getByText(TITLE).count(), 0);
      await other.goto(`${listUrl}/${questionId}`);
      await other.getByText('Rất tiếc! Đã xảy ra lỗi. Vui lòng thử lại.').waitFor();
      const shown = await other.locator('body').innerText();
      assert.equal(shown.includes(TITLE), false, 'the title is not shown');
      assertNoMarker(shown, "another agency's officer's panel");
    } catch (error) {
      await keep(other, 'can-bo-co-quan-khac-loi');
      throw error;
    } finally {
      await other.context().close();
    }
    const byId = await stranger.request('GET', `${stranger.base(QUESTION)}/${questionId}`);
    assert.ok([403, 404].includes(byId.status), `read by id: HTTP ${byId.status}`);
  });

  it('is approved and published by the board, and appears on the rebuilt site', async () => {
    const reviewer = await createAdminUser(backend, admin, {
      email: 'tk@portal.test',
      firstname: 'Lan',
      roleName: 'Thư ký tòa soạn',
    });
    const chief = await createAdminUser(backend, admin, {
      email: 'tb@portal.test',
      firstname: 'Minh',
      roleName: 'Trưởng ban biên tập',
    });
    const list = await reviewer.request('GET', `${reviewer.base(QUESTION)}?filters[trackingCode][$eq]=${code}`);
    const results = (list.body as { results: Array<{ documentId: string; askerName: string }> }).results;
    assert.equal(results.length, 1);
    assert.equal(results[0]?.askerName, MARKERS.name, 'the board sees who asked');
    const documentId = results[0].documentId;
    assert.equal(documentId, questionId);
    // The officer's answer waits for review; the secretary completes what the page shows of who answered.
    await reviewer.update(QUESTION, documentId, {
      answeringAgency: { connect: [{ documentId: agencyId, locale: 'vi' }] },
      answeredAt: '2026-12-02',
    });
    const early = await reviewer.request('POST', `${reviewer.base(QUESTION)}/${documentId}/actions/publish`, {});
    assert.equal(early.status, 403, 'a reviewer does not publish');
    await chief.update(QUESTION, documentId, { editorialStage: 'da_duyet' });
    await chief.publish(QUESTION, documentId);

    const trail = await admin.request(
      'GET',
      `${admin.base('api::audit-entry.audit-entry')}?filters[entryDocumentId][$eq]=${documentId}&pageSize=100`,
    );
    const actions = (trail.body as { results: Array<{ action: string }> }).results.map((r) => r.action);
    for (const action of ['create', 'update', 'stage', 'publish']) assert.ok(actions.includes(action), action);
    assertNoMarker(JSON.stringify(trail.body), 'the audit trail');

    const outDir = await build('site-2');
    const lookup = await fetch(`${site.url}/api/hoi-dap/tra-cuu?ma=${code}`, {
      headers: { Accept: 'application/json' },
    });
    const { data } = (await lookup.json()) as { data: { status: string; url: string } };
    assert.equal(data.status, 'da_tra_loi');
    slug = data.url;
    const page = await open(slug);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, new RegExp(TITLE));
    assert.match(main, /Theo quy định hiện hành/);
    assert.match(main, /Sở Xây dựng/);
    assert.match(main, /02\/12\/2026/);
    const types = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => (JSON.parse(text) as { '@type': string })['@type'],
    );
    assert.ok(types.includes('QAPage'));
    await axe(page);
    await page.context().close();

    const list2 = await open('/hoi-dap/');
    assert.equal(await list2.getByRole('link', { name: TITLE }).count(), 1);
    assert.equal(
      await list2.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hỏi đáp' }).count(),
      1,
    );
    await axe(list2);
    await list2.context().close();

    const feed = await fetch(`${site.url}/hoi-dap/rss.xml`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /xml/);
    const feedText = await feed.text();
    assert.match(feedText, new RegExp(`<title>${TITLE}</title>`));
    assert.match(feedText, new RegExp(`<link>[^<]*${slug}</link>`));

    const home = await open('/');
    const qa = home.getByRole('region', { name: 'Hỏi đáp' });
    assert.equal(await qa.getByRole('link', { name: 'Gửi câu hỏi' }).getAttribute('href'), '/hoi-dap/gui-cau-hoi/');
    assert.equal(await qa.getByRole('link', { name: TITLE }).getAttribute('href'), slug);
    await axe(home);
    await home.context().close();
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    await small.goto(`${site.url}/`);
    assert.ok((await small.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'home at 390 px');
    if (process.env.PORTAL_SCREENSHOT_DIR)
      await small
        .getByRole('region', { name: 'Hỏi đáp' })
        .screenshot({ path: path.join(process.env.PORTAL_SCREENSHOT_DIR, 'trang-chu-hoi-dap.png') });
    await phone.close();

    for (const file of await filesBelow(outDir)) {
      if (!/\.(html|xml|json|js|txt)$/.test(file)) continue;
      assertNoMarker(await readFile(file, 'utf8'), path.relative(outDir, file));
    }
  });

  it('never shows the personal data in REST, GraphQL, the search index or the logs', async () => {
    // The logs first: the probes below put a marker into a URL on purpose, and the CMS logs URLs.
    for (const file of await filesBelow(path.join(backend.dir, 'logs')))
      assertNoMarker(await readFile(file, 'utf8'), `log ${path.basename(file)}`);
    const token = backend.secrets.PORTAL_SITE_TOKEN;
    const auth = { Authorization: `Bearer ${token}` };
    for (const query of [
      '?populate=*',
      '?fields[0]=askerName',
      '?filters[askerEmail][$eq]=' + MARKERS.email,
      '?sort=askerName',
    ]) {
      const response = await fetch(`${backend.cmsUrl}/api/questions${query}`, { headers: auth });
      const text = await response.text();
      assertNoMarker(text, `REST /api/questions${query}`);
      if (query.includes('askerEmail'))
        assert.ok(response.status === 400 || !text.includes(TITLE), 'no filtering on private fields');
    }
    const anonymous = await fetch(`${backend.cmsUrl}/api/questions`);
    assert.ok([401, 403].includes(anonymous.status));
    const listed = await graphql(backend.cmsUrl, token, '{ questions { title question answer slug } }');
    assert.match(JSON.stringify(listed.body), new RegExp(TITLE));
    assertNoMarker(JSON.stringify(listed.body), 'GraphQL');
    const introspection = await graphql(backend.cmsUrl, token, '{ __type(name: "Question") { fields { name } } }');
    const fields = JSON.stringify(introspection.body);
    for (const name of ['askerName', 'askerEmail', 'askerPhone', 'askerAddress', 'trackingCode', 'consentText'])
      assert.equal(fields.includes(name), false, `GraphQL names ${name}`);
    const asked = await graphql(backend.cmsUrl, token, '{ questions { askerEmail } }');
    assert.ok(asked.body.errors?.length, 'asking GraphQL for a personal field is an error');

    const meili = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
    // The published question reaches the search index it shares with the other short content types (the CMS's
    // sync): wait for it, so the scan below reads it.
    const questionsUid = indexUidOf(questionIndex, backend.indexPrefix);
    const questions = meili.index(questionsUid);
    const ofType = typeFilter(questionIndex);
    const deadline = Date.now() + 30_000;
    let indexed = 0;
    while (Date.now() < deadline) {
      indexed = await questions.getDocuments({ filter: ofType, limit: 10 }).then(
        (page) => page.total,
        () => 0,
      );
      if (indexed > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(indexed, 1, 'the published question is in the search index');
    const faceted = await questions.search('', { filter: ofType, facets: ['kind', 'fields', 'agency'] });
    assert.deepEqual(faceted.facetDistribution, {
      kind: { 'Hỏi đáp': 1 },
      fields: { 'Giao thông vận tải': 1 },
      agency: { 'Sở Xây dựng': 1 },
    });
    const { results } = await meili.getIndexes({ limit: 100 });
    assert.ok(results.some((index) => index.uid === questionsUid));
    for (const index of results) {
      const documents = await meili.index(index.uid).getDocuments({ limit: 10_000 });
      assertNoMarker(JSON.stringify(documents.results), `search index ${index.uid}`);
    }
  });

  it('finds the published question in the site search, under the "Hỏi đáp" kind, without diacritics', async () => {
    const page = await open('/tim-kiem/?q=doi+giay+phep+lai+xe+qua+han', true);
    const result = page.locator('[data-testid="search-result"]').filter({ hasText: TITLE }).first();
    await result.waitFor();
    assert.equal(await result.getAttribute('href'), slug);
    assert.match((await page.locator('#ket-qua li').first().textContent()) ?? '', /Hỏi đáp/);
    assertNoMarker((await page.locator('main').textContent()) ?? '', 'the search page');
    await page.context().close();

    // Without JavaScript, in the "Hỏi đáp" scope of the results page on the site's origin.
    const noJs = await open('/tim-kiem/ket-qua/?q=doi+giay+phep+lai+xe&pham-vi=hoi-dap');
    const link = noJs.getByRole('link', { name: TITLE });
    assert.equal(await link.getAttribute('href'), slug);
    assert.equal(await noJs.getByRole('combobox', { name: 'Tìm trong' }).inputValue(), 'hoi-dap');
    assertNoMarker(await noJs.content(), 'the search results page');
    await noJs.context().close();
  });

  it(`refuses ${FUZZ_COUNT} malformed submissions with a 4xx and stores nothing`, async () => {
    const database = path.join(backend.dir, 'cms', 'data.db');
    const before = questionRows(database);
    const requests = questionFuzz(FUZZ_COUNT, fieldId, CONSENT.version);
    const histogram = new Map<number, number>();
    const byKind = new Map<string, Set<number>>();
    const failures: string[] = [];
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        const request = requests[index]!;
        // Each request its own client, so the fuzz tests validation, not the rate limit.
        const client = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
        const answer = await send(
          agent,
          `${backend.cmsUrl}/api/hoi-dap/cau-hoi`,
          'POST',
          {
            ...request.headers,
            'X-Forwarded-For': client,
          },
          request.body,
        );
        histogram.set(answer.status, (histogram.get(answer.status) ?? 0) + 1);
        byKind.set(request.kind, (byKind.get(request.kind) ?? new Set()).add(answer.status));
        if (answer.status < 400 || answer.status >= 500)
          failures.push(
            `${answer.status} ${request.kind}: ${request.body.subarray(0, 120).toString()} → ${answer.body.slice(0, 200)}`,
          );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Question fuzz: ${FUZZ_COUNT} malformed submissions in ${seconds.toFixed(1)} s (${CONCURRENCY} at a time)\n` +
        `  by status: ${[...histogram]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}\n` +
        `  by kind: ${[...byKind].map(([kind, statuses]) => `${kind} → ${[...statuses].sort().join('/')}`).join('; ')}`,
    );
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} answers were not 4xx`);
    assert.equal(questionRows(database), before, 'rows were stored by malformed submissions');
    assert.equal((await fetch(`${backend.cmsUrl}/_health`)).status, 204);
  });

  it('accepts a solved proof-of-work once, refuses its replay, and throttles one client while another is served', async () => {
    const cmsRequire = createRequire(path.join(REPO_ROOT, 'cms', 'package.json'));
    // The CMS's copy of altcha-lib solves as the widget does (the site does not depend on it).
    const { solveChallenge } = cmsRequire('altcha-lib') as {
      solveChallenge: (options: { challenge: unknown; deriveKey: unknown }) => Promise<unknown>;
    };
    const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2') as { deriveKey: unknown };
    const challenge: unknown = await (await fetch(`${site.url}/api/hoi-dap/thu-thach`)).json();
    const solution = await solveChallenge({ challenge, deriveKey });
    assert.ok(solution, 'the challenge is solvable');
    const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    const withProof = { ...validQuestion(fieldId, CONSENT.version), altcha };
    const post = (client: string, body: unknown) =>
      send(
        agent,
        `${backend.cmsUrl}/api/hoi-dap/cau-hoi`,
        'POST',
        { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
        Buffer.from(JSON.stringify(body)),
      );
    const first = await post('203.0.113.9', withProof);
    assert.equal(first.status, 201, first.body);
    assert.match((JSON.parse(first.body) as { data: { trackingCode: string } }).data.trackingCode, CODE);
    const replay = await post('203.0.113.10', withProof);
    assert.equal(replay.status, 400);
    assert.match(replay.body, /đã được dùng/);

    // Without proof-of-work (no JavaScript): the stricter limit, per client.
    const plain = validQuestion(fieldId, CONSENT.version);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT_WITHOUT_PROOF + 5; i++) statuses.push((await post('203.0.113.7', plain)).status);
    const other = await post('203.0.113.8', plain);
    console.log(`Throttling: client A ${statuses.join(' ')}; client B meanwhile ${other.status}`);
    assert.deepEqual(statuses, [...Array<number>(LIMIT_WITHOUT_PROOF).fill(201), ...Array<number>(5).fill(429)]);
    assert.equal(other.status, 201);
    const throttled = await post('203.0.113.7', plain);
    assert.ok(Number(throttled.headers['retry-after']) > 0);
    assert.match(throttled.body, /quá nhiều yêu cầu/);
  });

  it('clears the contact details of a question answered longer ago than the retention period, audited', async () => {
    const contact = {
      hoTen: 'Zqmark Người Cũ',
      email: 'zqmark-cu@example.vn',
      dienThoai: '0912000777',
      diaChi: 'Zqmark số 9 phố Cũ',
    };
    const submitted = await send(
      agent,
      `${backend.cmsUrl}/api/hoi-dap/cau-hoi`,
      'POST',
      { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.77' },
      Buffer.from(JSON.stringify({ ...validQuestion(fieldId, CONSENT.version), ...contact })),
    );
    assert.equal(submitted.status, 201, submitted.body);
    const oldCode = (JSON.parse(submitted.body) as { data: { trackingCode: string } }).data.trackingCode;
    const list = await admin.request('GET', `${admin.base(QUESTION)}?filters[trackingCode][$eq]=${oldCode}`);
    const documentId = (list.body as { results: Array<{ documentId: string }> }).results[0]!.documentId;
    const database = path.join(backend.dir, 'cms', 'data.db');
    const row = () => {
      const db = new DatabaseSync(database, { readOnly: true, timeout: 15_000 });
      try {
        return db
          .prepare(
            'SELECT asker_name, asker_email, asker_phone, asker_address, consent_text FROM questions WHERE document_id = ?',
          )
          .get(documentId) as Record<string, string | null>;
      } finally {
        db.close();
      }
    };
    assert.equal(row().asker_phone, contact.dienThoai, 'kept while the question is open');
    // Answered 13 months ago (the default period is 12).
    await admin.update(QUESTION, documentId, {
      processingStatus: 'da_tra_loi',
      answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Đã trả lời qua điện thoại.' }] }],
      answeredAt: new Date(Date.now() - 396 * 86_400_000).toISOString().slice(0, 10),
    });
    const deadline = Date.now() + 20_000;
    while (row().asker_email !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const cleared = row();
    assert.deepEqual(
      { ...cleared, consent_text: Boolean(cleared.consent_text) },
      { asker_name: '(đã xoá)', asker_email: null, asker_phone: null, asker_address: null, consent_text: true },
    );
    // The question published earlier, answered today, keeps its asker's details.
    const kept = await admin.request('GET', `${admin.base(QUESTION)}?filters[trackingCode][$eq]=${code}`);
    assert.equal((kept.body as { results: Array<{ askerName: string }> }).results[0]?.askerName, MARKERS.name);

    const trail = await admin.request(
      'GET',
      `${admin.base('api::audit-entry.audit-entry')}?filters[entryDocumentId][$eq]=${documentId}&pageSize=100`,
    );
    const entries = (trail.body as { results: Array<{ actorName: string; changes: unknown }> }).results;
    const retention = entries.find((entry) => entry.actorName === 'Hệ thống (thời hạn lưu trữ)');
    assert.deepEqual(retention?.changes, {
      personalDataCleared: {
        before: null,
        after: { fields: ['askerName', 'askerEmail', 'askerPhone', 'askerAddress'], retentionMonths: 12 },
      },
    });
    assertNoMarker(JSON.stringify(trail.body), 'the audit trail of the cleared question');
  });
});
