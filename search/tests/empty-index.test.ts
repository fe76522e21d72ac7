/**
 * A portal where some type has nothing published yet (no procedures, no static pages): its index is
 * empty, and Meilisearch refuses to search named fields of an index that has no document. The site's
 * one federated search must still answer from the other indexes, on a real Meilisearch.
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
import { articleIndex, INDEXES } from '../src/indexes/index.ts';
import { ensureSearchKey } from '../src/keys.ts';
import { indexViews } from '../src/views.ts';

const TASK = { timeout: 60_000, interval: 50 };

describe('search with an index that has no document yet', () => {
  let dir: string;
  let server: MeilisearchServer;
  let config: SearchClientConfig;
  const prefix = 'test_empty_';
  const masterKey = randomBytes(24).toString('hex');

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
    for (const index of INDEXES) {
      await admin.createIndex(`${prefix}${index.name}`, { primaryKey: 'id' }).waitTask(TASK);
      await admin.index(`${prefix}${index.name}`).updateSettings(index.settings).waitTask(TASK);
    }
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
    await admin.index(`${prefix}${articleIndex.name}`).addDocuments([article]).waitTask(TASK);
    config = {
      host: server.url,
      apiKey: await ensureSearchKey(admin, prefix),
      indexes: indexViews(INDEXES, prefix),
    };
  });

  after(async () => {
    await server?.process.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds what the other indexes hold, typed with and without tones, twice in a row', async () => {
    for (const query of ['trung tâm phục vụ', 'trung tam phuc vu', 'trung tâm phục vụ']) {
      const page = await searchPortal(config, query, { facets: ['kind'], locale: 'vi' });
      assert.deepEqual(
        page.hits.map((hit) => hit.slug),
        ['khai-truong-trung-tam'],
        `"${query}"`,
      );
      assert.equal(page.facets['kind']?.['Tin tức'], 1);
    }
  });

  it('answers "nothing found" when every index is empty for the filter, not an error', async () => {
    const page = await searchPortal(config, 'thủ tục', { filters: { serviceLevel: ['Toàn trình'] } });
    assert.equal(page.total, 0);
  });
});
