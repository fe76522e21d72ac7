import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSearchSyncEnv } from './config.ts';

describe('search sync settings', () => {
  it('without Meilisearch settings the sync only records (no URL, no key)', () => {
    const env = readSearchSyncEnv({ MEILI_URL: '', MEILI_INDEXING_KEY: ' ' });
    assert.equal(env.MEILI_URL, undefined);
    assert.equal(env.MEILI_INDEX_PREFIX, 'portal_');
    assert.equal(env.SEARCH_SYNC_MAX_RETRY_MS, 30_000);
  });

  it('takes the URL, key, prefix and timings the orchestrator passes', () => {
    const env = readSearchSyncEnv({
      MEILI_URL: 'http://127.0.0.1:7700',
      MEILI_INDEXING_KEY: 'k'.repeat(64),
      MEILI_INDEX_PREFIX: 'tinh_',
      SEARCH_SYNC_MAX_RETRY_MS: '2000',
      SEARCH_SYNC_POLL_MS: '100',
    });
    assert.deepEqual(
      [env.MEILI_INDEX_PREFIX, env.SEARCH_SYNC_MAX_RETRY_MS, env.SEARCH_SYNC_POLL_MS],
      ['tinh_', 2000, 100],
    );
  });

  it('refuses half a configuration, a bad URL, prefix or interval, naming the variable', () => {
    assert.throws(() => readSearchSyncEnv({ MEILI_URL: 'http://127.0.0.1:7700' }), /MEILI_INDEXING_KEY: Set both/);
    assert.throws(() => readSearchSyncEnv({ MEILI_INDEXING_KEY: 'k'.repeat(64) }), /Set both MEILI_URL/);
    assert.throws(
      () => readSearchSyncEnv({ MEILI_URL: 'ftp://x', MEILI_INDEXING_KEY: 'k'.repeat(64) }),
      /MEILI_URL must be an http/,
    );
    assert.throws(() => readSearchSyncEnv({ MEILI_INDEX_PREFIX: 'Tỉnh ' }), /MEILI_INDEX_PREFIX may only use/);
    assert.throws(() => readSearchSyncEnv({ SEARCH_SYNC_POLL_MS: '0' }), /SEARCH_SYNC_POLL_MS/);
  });
});
