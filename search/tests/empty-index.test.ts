/**
 * A portal where some type has nothing published yet (no procedures, no static pages): its index is
 * empty, and Meilisearch refuses to search named fields no document has carried yet. The indexes are
 * built with every searchable field registered (src/fields.ts), so the site's one federated search
 * answers from the other indexes in one request, on a real Meilisearch: no error, no retry.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { freePort, resolveMeilisearchBinary, startMeilisearch, type MeilisearchServer } from '@portal/scripts/services';
import { searchPortal, type SearchClientConfig } from '../src/client.ts';
import { createSearchIndex, ensureSearchableFields } from '../src/fields.ts';
import { articleIndex, indexUidOf, legalDocumentIndex, STORES, storeOf, storeUid } from '../src/indexes/index.ts';
import { ensureSearchKey } from '../src/keys.ts';
import { indexViews } from '../src/views.ts';

const TASK = { timeout: 60_000, interval: 50 };

describe('search with an index that has no document yet', () => {
  let dir: string;
  let server: MeilisearchServer;
  let config: SearchClientConfig;
  const prefix = 'test_empty_';
  const masterKey = randomBytes(24).toString('hex');
  let adminClient: Meilisearch | undefined;
  const admin = () => adminClient!;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'portal-empty-'));
    server = await startMeilisearch({
      binary: await resolveMeilisearchBinary(undefined),
      port: await freePort(),
      dataDir: dir,
      masterKey,
      logFile: path.join(dir, 'meilisearch.log'),
      maxIndexingThreads: 1,
    });
    const admin = new Meilisearch({ host: server.url, apiKey: masterKey });
    adminClient = admin;
    // The path rebuildIndex takes for every index.
    for (const store of STORES) await createSearchIndex(admin, storeUid(store, prefix), store);
    // Only news is published.
    const article = articleIndex.toDocument({
      documentId: 'a1',
      locale: 'vi',
      title: 'Khai trương Trung tâm Phục vụ hành chính công',
      slug: 'khai-truong-trung-tam',
      lead: 'Người dân nộp hồ sơ tại một nơi',
      body: [],
      postedAt: '2026-11-20T02:00:00.000Z',
      publishedAt: '2026-11-20T02:00:00.000Z',
      category: null,
    });
    await admin.index(indexUidOf(articleIndex, prefix)).addDocuments([article]).waitTask(TASK);
    config = {
      host: server.url,
      apiKey: await ensureSearchKey(admin, prefix),
      indexes: indexViews(STORES, prefix),
    };
  });

  after(async () => {
    await server?.process.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Counts the client's requests to Meilisearch and the failed ones. */
  async function counted<T>(run: () => Promise<T>): Promise<{ result: T; requests: number; failed: number }> {
    const original = globalThis.fetch;
    let requests = 0;
    let failed = 0;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      requests += 1;
      const response = await original(...args);
      if (!response.ok) failed += 1;
      return response;
    };
    try {
      return { result: await run(), requests, failed };
    } finally {
      globalThis.fetch = original;
    }
  }

  it('answers the first search in one request without an error, typed with and without tones', async () => {
    for (const query of ['trung tâm phục vụ', 'trung tam phuc vu', 'trung tâm phục vụ']) {
      // A fresh config each time: the first search after a page load.
      const fresh = { ...config, indexes: [...config.indexes] };
      const {
        result: page,
        requests,
        failed,
      } = await counted(() => searchPortal(fresh, query, { facets: ['kind'], locale: 'vi' }));
      assert.equal(requests, 1, `"${query}": one request`);
      assert.equal(failed, 0, `"${query}": no refused request`);
      assert.deepEqual(
        page.hits.map((hit) => hit.slug),
        ['khai-truong-trung-tam'],
        `"${query}"`,
      );
      assert.equal(page.facets['kind']?.['Tin tức'], 1);
    }
  });

  it('registers the fields of an index made before the rule, and leaves a ready one alone', async () => {
    const legal = storeOf(legalDocumentIndex);
    const uid = `${prefix}old_${legal.name}`;
    await admin().createIndex(uid, { primaryKey: 'id' }).waitTask(TASK);
    await admin().index(uid).updateSettings(legal.settings).waitTask(TASK);
    const old = {
      ...config,
      indexes: config.indexes.map((view) => (view.uid === storeUid(legal, prefix) ? { ...view, uid } : view)),
    };
    await assert.rejects(searchPortal(old, 'trung tâm'), /not searchable/);
    assert.equal(await ensureSearchableFields(admin(), uid, legal), true);
    assert.equal(await ensureSearchableFields(admin(), uid, legal), false);
    assert.equal((await admin().index(uid).getStats()).numberOfDocuments, 0);
    const { result, failed } = await counted(() => searchPortal(old, 'trung tâm', { locale: 'vi' }));
    assert.equal(failed, 0);
    assert.deepEqual(
      result.hits.map((hit) => hit.slug),
      ['khai-truong-trung-tam'],
    );
  });

  it('answers "nothing found" when every index is empty for the filter, not an error', async () => {
    const page = await searchPortal(config, 'thủ tục', { filters: { serviceLevel: ['Toàn trình'] } });
    assert.equal(page.total, 0);
  });
});
