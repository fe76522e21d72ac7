export {
  INDEXES,
  articleIndex,
  defineIndex,
  documentKey,
  type ArticleDocument,
  type SearchIndex,
} from './indexes/index.ts';
export { blocksToText } from './blocks-text.ts';
export { publishedEntries, type CmsConnection } from './cms-source.ts';
export { ensureSearchKey } from './keys.ts';
export { rebuildIndex, reindexAll, type MeiliConnection } from './reindex.ts';
