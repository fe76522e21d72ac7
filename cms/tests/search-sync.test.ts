/**
 * The search sync on a real Strapi (temporary SQLite) and a real Meilisearch: every kind of change
 * reaches the index through the outbox, drafts never do, locales are independent, and nothing is
 * lost when Meilisearch is down or the CMS is killed with changes pending.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import {
  articleIndex,
  ensureIndexingKey,
  ensureSettings,
  INDEXES,
  indexUidOf,
  legalDocumentIndex,
  pageIndex,
  prepareIndexes,
  reconcileIndex,
  storeOf,
  typeFilter,
  type SearchIndex,
} from '@portal/search';
import { REPO_ROOT } from '@portal/scripts/config';
import { indexContent } from '@portal/scripts/portal';
import {
  adminSession,
  CONFIRM_UNREVIEWED,
  startTestBackend,
  type AdminSession,
  type TestBackend,
} from '@portal/scripts/testing';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const PAGE = 'api::page.page';

describe('search sync', () => {
  let backend: TestBackend;
  let editor: AdminSession;
  let meili: Meilisearch;

  const cms = () => ({ url: backend.cmsUrl, token: backend.secrets.PORTAL_SITE_TOKEN });
  /** The Meilisearch index a content type's documents live in (several types share one). */
  const indexName = (index: SearchIndex) => indexUidOf(index, backend.indexPrefix);
  const ofType = (index: SearchIndex) => ({ filter: typeFilter(index) });

  /** Rows the worker has not applied yet, read from the CMS database file. */
  const pendingChanges = () => {
    const db = new DatabaseSync(path.join(backend.dir, 'cms', 'data.db'), { readOnly: true, timeout: 10_000 });
    try {
      return Number((db.prepare('SELECT COUNT(*) AS n FROM portal_search_outbox').get() as { n: number }).n);
    } finally {
      db.close();
    }
  };

  const waitFor = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await sleep(100);
    }
    assert.fail(`Timed out after ${timeoutMs / 1000} s waiting until ${what}`);
  };
  const drained = (timeoutMs?: number) => waitFor('the outbox is empty', () => pendingChanges() === 0, timeoutMs);

  const indexedDocument = (index: SearchIndex, id: string) =>
    meili
      .index(indexName(index))
      .getDocument(id)
      .then(
        (document) => document as Record<string, unknown>,
        () => null,
      );

  /** Every index holds exactly the published set: nothing missing, stale or extra. */
  const assertIndexesMatchPublished = async () => {
    for (const index of INDEXES) {
      const report = await reconcileIndex(meili, cms(), index, backend.indexPrefix, { dryRun: true });
      assert.deepEqual(
        { added: report.added, updated: report.updated, deleted: report.deleted },
        { added: 0, updated: 0, deleted: 0 },
        `${report.name} differs from the published set`,
      );
    }
  };

  before(async () => {
    backend = await startTestBackend({ demoContent: false, cmsEnv: { SEARCH_SYNC_MAX_RETRY_MS: '2000' } });
    await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    editor = await adminSession(backend);
    meili = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
  });
  after(async () => {
    await backend?.dispose();
  });

  it('indexes a published article and never a draft, not even the draft of a published one', async () => {
    const draft = await editor.createDraft(ARTICLE, { title: 'Bản nháp kế hoạch chưa duyệt' });
    const published = await editor.createPublished(ARTICLE, { title: 'Tỉnh công bố kế hoạch chuyển đổi số' });
    const id = articleIndex.keyOf(String(published.documentId), null);
    await waitFor('the published article is indexed', async () => (await indexedDocument(articleIndex, id)) !== null);

    await editor.update(ARTICLE, String(published.documentId), { title: 'Tiêu đề đang sửa, chưa xuất bản' });
    await drained();
    assert.equal((await indexedDocument(articleIndex, id))?.title, 'Tỉnh công bố kế hoạch chuyển đổi số');
    assert.equal(await indexedDocument(articleIndex, articleIndex.keyOf(String(draft.documentId), null)), null);

    await editor.publish(ARTICLE, String(published.documentId));
    await waitFor(
      'the republished title is indexed',
      async () => (await indexedDocument(articleIndex, id))?.title === 'Tiêu đề đang sửa, chưa xuất bản',
    );
  });

  it('removes the document when its entry is unpublished, and when it is deleted', async () => {
    const unpublished = await editor.createPublished(ARTICLE, { title: 'Thông báo sẽ rút xuống' });
    const deleted = await editor.createPublished(ARTICLE, { title: 'Thông báo sẽ bị xoá' });
    const ids = [unpublished, deleted].map((a) => articleIndex.keyOf(String(a.documentId), null));
    await waitFor('both are indexed', async () =>
      (await Promise.all(ids.map((id) => indexedDocument(articleIndex, id)))).every(Boolean),
    );
    await editor.request('POST', `${editor.base(ARTICLE)}/${String(unpublished.documentId)}/actions/unpublish`, {});
    const removal = await editor.request('DELETE', `${editor.base(ARTICLE)}/${String(deleted.documentId)}`);
    assert.equal(removal.status, 200, JSON.stringify(removal.error));
    await waitFor('both are gone from the index', async () =>
      (await Promise.all(ids.map((id) => indexedDocument(articleIndex, id)))).every((d) => d === null),
    );
  });

  it('updates the articles that show a category when the category is renamed', async () => {
    const category = await editor.createDraft(CATEGORY, { name: 'Kinh tế', slug: 'kinh-te' });
    const article = await editor.createPublished(ARTICLE, {
      title: 'Tăng trưởng kinh tế quý III',
      category: { connect: [{ documentId: category.documentId }] },
    });
    const id = articleIndex.keyOf(String(article.documentId), null);
    await waitFor('the article is indexed with its category', async () => {
      return (await indexedDocument(articleIndex, id))?.category === 'Kinh tế';
    });
    await editor.update(CATEGORY, String(category.documentId), { name: 'Kinh tế – Xã hội' });
    await waitFor(
      'the new category name reaches the article',
      async () => (await indexedDocument(articleIndex, id))?.category === 'Kinh tế – Xã hội',
    );
  });

  it('keeps locales apart: unpublishing the English page leaves the Vietnamese one', async () => {
    const vi = await editor.createPublished(PAGE, { title: 'Liên hệ', slug: 'lien-he', kind: 'lien_he' });
    const documentId = String(vi.documentId);
    const en = await editor.request(
      'POST',
      `${editor.base(PAGE)}/${documentId}/actions/publish?locale=en`,
      { title: 'Contact', slug: 'contact', kind: 'lien_he' },
      CONFIRM_UNREVIEWED,
    );
    assert.ok(en.status < 300, JSON.stringify(en.error));
    const viId = pageIndex.keyOf(documentId, 'vi');
    const enId = pageIndex.keyOf(documentId, 'en');
    await waitFor('both locales are indexed', async () => {
      const [a, b] = await Promise.all([indexedDocument(pageIndex, viId), indexedDocument(pageIndex, enId)]);
      return a?.title === 'Liên hệ' && b?.title === 'Contact';
    });
    const unpublish = await editor.request(
      'POST',
      `${editor.base(PAGE)}/${documentId}/actions/unpublish?locale=en`,
      {},
    );
    assert.ok(unpublish.status < 300, JSON.stringify(unpublish.error));
    await waitFor('the English page is gone', async () => (await indexedDocument(pageIndex, enId)) === null);
    await drained();
    assert.equal((await indexedDocument(pageIndex, viId))?.title, 'Liên hệ');
  });

  it('gives the CMS a key that writes documents and synonyms, but cannot create, delete or read indexes, or keys', async () => {
    const key = await ensureIndexingKey(meili, backend.indexPrefix);
    assert.notEqual(key, backend.meili.masterKey);
    const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const index = `${backend.meili.url}/indexes/${indexName(articleIndex)}`;
    // Settings: the editors' abbreviations reach the synonyms through the CMS's outbox worker.
    const synonyms = await fetch(`${index}/settings/synonyms`, { method: 'GET', headers });
    const remove = await fetch(index, { method: 'DELETE', headers });
    const create = await fetch(`${backend.meili.url}/indexes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ uid: `${backend.indexPrefix}created_by_cms` }),
    });
    const read = await fetch(`${index}/documents`, { headers });
    const keys = await fetch(`${backend.meili.url}/keys`, { headers });
    const other = await fetch(`${backend.meili.url}/indexes/someone_else/documents`, {
      method: 'POST',
      headers,
      body: '[]',
    });
    assert.deepEqual(
      [synonyms.status, remove.status, create.status, read.status, keys.status, other.status],
      [403, 403, 403, 403, 403, 403],
    );
  });

  it('leaves an index with unchanged settings alone and rebuilds one whose settings changed', async () => {
    await drained();
    const store = storeOf(articleIndex);
    assert.equal(await ensureSettings(meili, cms(), store, backend.indexPrefix), 'unchanged');
    const changed = { ...store, settings: { ...store.settings, searchableAttributes: ['title'] } };
    assert.equal(await ensureSettings(meili, cms(), changed, backend.indexPrefix), 'rebuilt');
    const live = await meili.index(indexName(articleIndex)).getSettings();
    assert.deepEqual(live.searchableAttributes, ['title']);
    assert.equal(await ensureSettings(meili, cms(), store, backend.indexPrefix), 'rebuilt');
    assert.equal(await ensureSettings(meili, cms(), store, backend.indexPrefix), 'unchanged');
    await assertIndexesMatchPublished();
  });

  it('reconcile repairs a tampered index: missing, stale and extra documents', async () => {
    await drained();
    const index = meili.index(indexName(articleIndex));
    const { results } = await index.getDocuments({ limit: 2, ...ofType(articleIndex) });
    const [missing, stale] = results as Array<Record<string, unknown> & { id: string }>;
    assert.ok(missing && stale, 'the earlier tests left at least two indexed articles');
    await index.deleteDocument(missing.id).waitTask();
    await index.addDocuments([{ ...stale, title: 'Tiêu đề bị sửa trái phép' }]).waitTask();
    await index.addDocuments([{ id: 'article-khong-ton-tai-vi', type: 'article', title: 'Rác' }]).waitTask();

    // The articles share their index with the pages: reconciling the articles leaves the pages alone.
    assert.equal(indexName(articleIndex), indexName(pageIndex));
    const pages = await index.getDocuments({ limit: 1000, ...ofType(pageIndex) });
    assert.ok(pages.results.length > 0, 'an earlier test indexed a page');
    const report = await reconcileIndex(meili, cms(), articleIndex, backend.indexPrefix);
    assert.deepEqual(
      { added: report.added, updated: report.updated, deleted: report.deleted },
      { added: 1, updated: 1, deleted: 1 },
    );
    assert.deepEqual((await index.getDocuments({ limit: 1000, ...ofType(pageIndex) })).results, pages.results);
    await assertIndexesMatchPublished();
    assert.equal((await indexedDocument(articleIndex, stale.id))?.title, stale.title);
  });

  it('applies 200 publications made while Meilisearch was down once it is back', async () => {
    await drained();
    await backend.services.stopMeilisearch();
    const titles = Array.from({ length: 200 }, (_, i) => `Tin số ${i + 1} khi máy tìm kiếm tạm dừng`);
    const created: string[] = [];
    for (const title of titles) created.push(String((await editor.createPublished(ARTICLE, { title })).documentId));
    assert.ok(pendingChanges() >= 200, `expected the 200 changes to wait in the outbox, found ${pendingChanges()}`);

    await backend.services.startMeilisearch();
    await drained(90_000);
    await assertIndexesMatchPublished();
    const last = await indexedDocument(articleIndex, articleIndex.keyOf(created.at(-1) ?? '', null));
    assert.equal(last?.title, titles.at(-1));
  });

  it('loses nothing when the CMS is killed with changes pending', async () => {
    await drained();
    await backend.services.stopMeilisearch();
    const created: string[] = [];
    for (let i = 1; i <= 20; i += 1)
      created.push(String((await editor.createPublished(ARTICLE, { title: `Tin trước sự cố ${i}` })).documentId));
    const removed = created.slice(0, 5);
    for (const documentId of removed)
      await editor.request('POST', `${editor.base(ARTICLE)}/${documentId}/actions/unpublish`, {});
    assert.ok(pendingChanges() >= 25);

    await backend.services.killCms();
    await backend.services.startCms();
    assert.ok(pendingChanges() >= 25, 'the pending changes survived the crash');
    await backend.services.startMeilisearch();
    await drained(90_000);
    await assertIndexesMatchPublished();
    for (const documentId of created) {
      const document = await indexedDocument(articleIndex, articleIndex.keyOf(documentId, null));
      assert.equal(document === null, removed.includes(documentId), `article ${documentId}`);
    }
  });

  it('npm run search:reconcile reports the difference, then repairs it', async () => {
    await drained();
    const index = meili.index(indexName(pageIndex));
    const { results } = await index.getDocuments({ limit: 1, ...ofType(pageIndex) });
    const [removed] = results as Array<{ id: string }>;
    assert.ok(removed, 'an earlier test indexed a page');
    await index.deleteDocument(removed.id).waitTask();

    const env = {
      ...process.env,
      PORTAL_DATA_DIR: backend.dir,
      CMS_PORT: new URL(backend.cmsUrl).port,
      MEILI_PORT: new URL(backend.meili.url).port,
      MEILI_INDEX_PREFIX: backend.indexPrefix,
    };
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/src/search-index.ts', ...args], { cwd: REPO_ROOT, env });
    const dryRun = await run('reconcile', '--dry-run', '--index', 'pages');
    assert.match(dryRun.stdout, /pages: \d+ published; would add 1, update 0, delete 0/);
    assert.equal(await indexedDocument(pageIndex, removed.id), null, 'a dry run changes nothing');

    const repaired = await run('reconcile');
    assert.match(repaired.stdout, /pages: \d+ documents; settings unchanged; added 1, updated 0, deleted 0/);
    assert.match(repaired.stdout, /articles: \d+ documents; settings unchanged; added 0, updated 0, deleted 0/);
    await assertIndexesMatchPublished();

    await assert.rejects(run('reconcile', '--index', 'users'), /--index must be one of/);
  });

  it("start-up deletes the older layout's indexes (one per type) and documents of no type in a shared one", async () => {
    await drained();
    const retired = `${backend.indexPrefix}${articleIndex.name}`;
    assert.notEqual(retired, indexName(articleIndex));
    await meili.createIndex(retired, { primaryKey: 'id' }).waitTask();
    await meili
      .index(retired)
      .addDocuments([{ id: 'article-cu-vi', type: 'article', title: 'Bản cũ' }])
      .waitTask();
    // Strays a per-type reconcile never reads: no type, and a type the shared index does not hold.
    const strays = [
      { id: 'khong-loai', title: 'Rác không loại' },
      { id: 'legal-document-lac-vi', type: legalDocumentIndex.type, title: 'Văn bản lạc chỗ' },
    ];
    await meili.index(indexName(articleIndex)).addDocuments(strays).waitTask();
    await prepareIndexes({
      cms: cms(),
      meili: { url: backend.meili.url, apiKey: backend.meili.masterKey },
      prefix: backend.indexPrefix,
    });
    await assert.rejects(meili.getIndex(retired), /not found/);
    for (const { id } of strays)
      await assert.rejects(meili.index(indexName(articleIndex)).getDocument(id), /not found/, id);
    await assertIndexesMatchPublished();
  });
});
