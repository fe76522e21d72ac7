/**
 * The key the public site embeds, on a real Meilisearch: it searches the portal's indexes and nothing
 * else — no writing, no deleting, no reading keys or settings, no other deployment's indexes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { freePort, resolveMeilisearchBinary, startMeilisearch, type MeilisearchServer } from '@portal/scripts/services';
import { ensureSearchKey } from '../src/keys.ts';

describe('the public search key', () => {
  let dir: string;
  let server: MeilisearchServer;
  let key: string;
  const prefix = 'test_key_';
  const masterKey = randomBytes(24).toString('hex');
  const call = (method: string, pathname: string, body?: unknown) =>
    fetch(`${server.url}${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'portal-key-'));
    server = await startMeilisearch({
      binary: await resolveMeilisearchBinary(undefined),
      port: await freePort(),
      dataDir: dir,
      masterKey,
      logFile: path.join(dir, 'meilisearch.log'),
      maxIndexingThreads: 1,
    });
    const admin = new Meilisearch({ host: server.url, apiKey: masterKey });
    for (const uid of [`${prefix}articles`, 'other_articles']) {
      await admin
        .index(uid)
        .addDocuments([{ id: 'a1', title: 'Chuyển đổi số' }])
        .waitTask({ timeout: 60_000 });
    }
    key = await ensureSearchKey(admin, prefix);
  });

  after(async () => {
    await server?.process.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is neither the master key nor the same key on the next start', async () => {
    assert.notEqual(key, masterKey);
    assert.equal(await ensureSearchKey(new Meilisearch({ host: server.url, apiKey: masterKey }), prefix), key);
  });

  it('searches the portal indexes', async () => {
    const response = await call('POST', `/indexes/${prefix}articles/search`, { q: 'chuyen doi so' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { hits: unknown[] }).hits.length, 1);
  });

  it('cannot add, change or delete documents, or delete an index', async () => {
    const index = `/indexes/${prefix}articles`;
    assert.equal((await call('POST', `${index}/documents`, [{ id: 'x', title: 'giả mạo' }])).status, 403);
    assert.equal((await call('PUT', `${index}/documents`, [{ id: 'a1', title: 'giả mạo' }])).status, 403);
    assert.equal((await call('DELETE', `${index}/documents/a1`)).status, 403);
    assert.equal((await call('DELETE', `${index}/documents`)).status, 403);
    assert.equal((await call('DELETE', index)).status, 403);
  });

  it('cannot read or change keys, settings or tasks', async () => {
    assert.equal((await call('GET', '/keys')).status, 403);
    assert.equal((await call('POST', '/keys', { actions: ['*'], indexes: ['*'], expiresAt: null })).status, 403);
    assert.equal((await call('GET', `/indexes/${prefix}articles/settings`)).status, 403);
    assert.equal(
      (await call('PATCH', `/indexes/${prefix}articles/settings`, { searchableAttributes: ['id'] })).status,
      403,
    );
    assert.equal((await call('GET', '/tasks')).status, 403);
  });

  it("cannot search another deployment's indexes", async () => {
    assert.equal((await call('POST', '/indexes/other_articles/search', { q: 'chuyen' })).status, 403);
  });
});
