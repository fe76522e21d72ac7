/**
 * What the browser needs to query Meilisearch, from the validated build settings. The index name's
 * base comes from the search workspace, which owns the index definitions.
 */
import type { SearchClientConfig } from '@portal/search/client';
import type { SiteEnv } from './env.ts';

/** articleIndex.name in search/src/indexes/article.ts; checked equal by search-config.test.ts. */
export const ARTICLE_INDEX = 'articles';

export function searchClientConfig(
  env: Pick<SiteEnv, 'PUBLIC_MEILI_URL' | 'PUBLIC_MEILI_SEARCH_KEY' | 'PUBLIC_MEILI_INDEX_PREFIX'>,
): SearchClientConfig {
  return {
    host: env.PUBLIC_MEILI_URL,
    apiKey: env.PUBLIC_MEILI_SEARCH_KEY,
    indexName: `${env.PUBLIC_MEILI_INDEX_PREFIX}${ARTICLE_INDEX}`,
  };
}
