import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STORES } from '@portal/search';
import { searchClientConfig } from './search-config.ts';

describe('searchClientConfig', () => {
  const config = searchClientConfig({
    PUBLIC_MEILI_URL: 'http://127.0.0.1:7700',
    PUBLIC_MEILI_SEARCH_KEY: 'k',
    PUBLIC_MEILI_INDEX_PREFIX: 'portal_',
  });

  it('passes the URL and search key through', () => {
    assert.equal(config.host, 'http://127.0.0.1:7700');
    assert.equal(config.apiKey, 'k');
  });

  it('queries every index the search workspace fills, prefixed, without the tone-encoded fields', () => {
    assert.deepEqual(
      config.indexes.map((view) => view.uid),
      STORES.map((store) => `portal_${store.name}`),
    );
    for (const view of config.indexes) assert.ok(!view.searchOn.some((field) => field.startsWith('toned')));
  });
});
