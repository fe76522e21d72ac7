import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { articleIndex } from '@portal/search';
import { ARTICLE_INDEX, searchClientConfig } from './search-config.ts';

describe('searchClientConfig', () => {
  it('names the same article index as the search workspace syncs', () =>
    assert.equal(ARTICLE_INDEX, articleIndex.name));

  it('prefixes the index name and passes the URL and search key through', () => {
    assert.deepEqual(
      searchClientConfig({
        PUBLIC_MEILI_URL: 'http://127.0.0.1:7700',
        PUBLIC_MEILI_SEARCH_KEY: 'k',
        PUBLIC_MEILI_INDEX_PREFIX: 'portal_',
      }),
      { host: 'http://127.0.0.1:7700', apiKey: 'k', indexName: 'portal_articles' },
    );
  });
});
