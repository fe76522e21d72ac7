/**
 * The draft preview end to end, on a real CMS and the real preview server (astro dev with the site's
 * own components), looked at in Chromium: the CMS gives a signed preview URL only to a signed-in
 * admin, the portal's /xem-truoc/ route refuses a missing (401) or forged (403) token, and with the
 * CMS's token shows the draft as the article page will, marked as a preview and kept out of search
 * engines and caches. That no draft and no preview route reaches a release is checked by the
 * publisher's test (scripts/tests/publisher.test.ts), which builds releases.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PREVIEW_PARAMS } from '@portal/cms/model/preview-token';
import { indexContent } from '@portal/scripts/portal';
import { draftPreview, PREVIEW_PATH, type DraftPreview } from '@portal/scripts/preview';
import { freePort, serveStatic } from '@portal/scripts/services';
import { adminSession, startTestBackend, type AdminSession, type TestBackend } from '@portal/scripts/testing';
import { assertChromium, launchChromium } from './browser.ts';

const ARTICLE = 'api::article.article';

describe('draft preview', () => {
  let backend: TestBackend;
  let editor: AdminSession;
  let preview: DraftPreview;
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let emptySite: string;
  const title = 'Dự thảo kế hoạch chuyển đổi số năm tới';
  const lead = 'Bản nháp chưa duyệt: lấy ý kiến các sở ngành trước ngày 15.';
  let documentId = '';

  const previewUrl = async (id: string) => {
    const answer = await editor.request(
      'GET',
      `/content-manager/preview/url/${ARTICLE}?documentId=${id}&status=draft&locale=`,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.error));
    return String(answer.data?.url);
  };

  before(async () => {
    assertChromium();
    const sitePort = await freePort();
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: { PUBLIC_SITE_URL: `http://127.0.0.1:${sitePort}` },
    });
    editor = await adminSession(backend);
    const draft = await editor.createDraft(ARTICLE, { title, lead });
    documentId = String(draft.documentId);
    const { searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    preview = draftPreview({
      secret: backend.secrets.PORTAL_PUBLISHER_TOKEN,
      cmsUrl: backend.cmsUrl,
      cmsToken: backend.secrets.PORTAL_SITE_TOKEN,
      meiliUrl: backend.meili.url,
      meiliSearchKey: searchKey,
      meiliIndexPrefix: backend.indexPrefix,
      adminOrigin: backend.cmsUrl,
      imageOrigin: backend.cmsUrl,
      logFile: path.join(backend.dir, 'logs', 'preview.log'),
    });
    // No release is needed: the preview is never a file of one.
    emptySite = await mkdtemp(path.join(os.tmpdir(), 'portal-preview-site-'));
    site = await serveStatic(emptySite, sitePort, { routes: { [PREVIEW_PATH]: preview.route } });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await preview?.stop();
    await backend?.dispose();
    if (emptySite) await rm(emptySite, { recursive: true, force: true });
  });

  it('gives a preview URL only to a signed-in admin', async () => {
    const anonymous = await fetch(
      `${backend.cmsUrl}/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=draft`,
    );
    assert.equal(anonymous.status, 401);
    const url = new URL(await previewUrl(documentId));
    assert.equal(url.origin, site.url);
    assert.equal(url.pathname, '/xem-truoc/');
    assert.ok(url.searchParams.get(PREVIEW_PARAMS.signature));
  });

  it('refuses the preview route without a token (401) or with a forged one (403)', async () => {
    const url = new URL(await previewUrl(documentId));
    const bare = await fetch(
      `${site.url}${PREVIEW_PATH}?${PREVIEW_PARAMS.type}=${ARTICLE}&${PREVIEW_PARAMS.documentId}=${documentId}`,
    );
    assert.equal(bare.status, 401);
    assert.doesNotMatch(await bare.text(), new RegExp(title));
    const forged = new URL(url);
    forged.searchParams.set(PREVIEW_PARAMS.signature, '0'.repeat(64));
    assert.equal((await fetch(forged)).status, 403);
    const longer = new URL(url);
    longer.searchParams.set(
      PREVIEW_PARAMS.expires,
      String(Number(url.searchParams.get(PREVIEW_PARAMS.expires)) + 86_400),
    );
    assert.equal((await fetch(longer)).status, 403);
  });

  it('shows the draft as the article page will, marked as a preview, not stored nor indexed', async () => {
    const url = await previewUrl(documentId);
    const response = await fetch(url);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('x-robots-tag'), 'noindex');
    assert.match(response.headers.get('cache-control') ?? '', /no-store/);
    assert.match(
      response.headers.get('content-security-policy') ?? '',
      new RegExp(`frame-ancestors ${backend.cmsUrl}`),
    );
    assert.equal(response.headers.get('x-frame-options'), null, 'the admin may frame it');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      assert.equal(await page.locator('h1').first().innerText(), title);
      assert.equal(await page.locator('.lead').innerText(), lead);
      await page.getByText('Bản xem trước: bản nháp này chưa đăng trên cổng thông tin.').waitFor();
      // The article page's own styles apply (its two-column layout on a wide screen).
      assert.equal(await page.locator('.layout').evaluate((element) => getComputedStyle(element).display), 'grid');
      assert.equal(await page.locator('script').count(), 0, 'no development scripts');
    } finally {
      await context.close();
    }
  });

  it('shows the latest draft after an edit, and 404 for an entry without one', async () => {
    const edited = 'Bản nháp đã sửa: hạn góp ý lùi đến ngày 20.';
    await editor.update(ARTICLE, documentId, { lead: edited });
    assert.match(await (await fetch(await previewUrl(documentId))).text(), new RegExp(edited));
    await editor.request('DELETE', `${editor.base(ARTICLE)}/${documentId}`);
    assert.equal((await fetch(await previewUrl(documentId))).status, 404);
  });
});
