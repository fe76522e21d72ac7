export {
  INDEXES,
  articleIndex,
  legalDocumentIndex,
  procedureIndex,
  FACETS,
  SYNONYMS,
  defineIndex,
  documentKey,
  type ArticleDocument,
  type LegalDocumentDocument,
  type ProcedureDocument,
  type SearchIndex,
} from './indexes/index.ts';
export { blocksToText } from './blocks-text.ts';
export { publishedEntries, type CmsConnection } from './cms-source.ts';
export { ensureSearchKey } from './keys.ts';
export { rebuildIndex, reindexAll, type MeiliConnection } from './reindex.ts';
export { indexViews } from './views.ts';
