/**
 * What the browser needs to query Meilisearch, from the validated build settings: the URL, the
 * search-only key, and how to query each public index — derived from the search workspace's index
 * definitions, which own the index names and fields.
 */
import { STORES, indexViews, vocabularyUid } from '@portal/search';
import type { SearchClientConfig } from '@portal/search/client';
import type { SiteEnv } from './env.ts';

export function searchClientConfig(
  env: Pick<SiteEnv, 'PUBLIC_MEILI_URL' | 'PUBLIC_MEILI_SEARCH_KEY' | 'PUBLIC_MEILI_INDEX_PREFIX'>,
): SearchClientConfig {
  return {
    host: env.PUBLIC_MEILI_URL,
    apiKey: env.PUBLIC_MEILI_SEARCH_KEY,
    indexes: indexViews(STORES, env.PUBLIC_MEILI_INDEX_PREFIX),
    vocabulary: vocabularyUid(env.PUBLIC_MEILI_INDEX_PREFIX),
  };
}
