export {
  INDEXES,
  articleIndex,
  pageIndex,
  legalDocumentIndex,
  procedureIndex,
  questionIndex,
  consultationIndex,
  FACETS,
  SYNONYMS,
  defineIndex,
  documentKey,
  type ArticleDocument,
  type PageDocument,
  type LegalDocumentDocument,
  type ProcedureDocument,
  type QuestionDocument,
  type ConsultationDocument,
  type SearchIndex,
  STORES,
  storeOf,
  indexUidOf,
  storeUid,
  typeFilter,
  type SearchStore,
} from './indexes/index.ts';
export { KIND_LABELS } from './indexes/labels.ts';
export { blocksToText } from './blocks-text.ts';
export { publishedEntries, type CmsConnection } from './cms-source.ts';
export { ensureIndexingKey, ensureSearchKey } from './keys.ts';
export { prepareIndexes, type IndexReport } from './prepare.ts';
export { documentHash, expectedDocuments, indexedHashes, reconcileIndex, type ReconcileReport } from './reconcile.ts';
export { rebuildIndex, reindexAll, type MeiliConnection } from './reindex.ts';
export { ensureSettings, type SettingsOutcome } from './settings.ts';
export { createIndexWriter, type IndexChange, type IndexWriter } from './sync.ts';
export { indexViews, vocabularyUid, VOCABULARY_INDEX } from './views.ts';
export { rebuildVocabulary, vocabularyFrom } from './vocabulary.ts';
export { createSearchIndex, ensureSearchableFields } from './fields.ts';
export { editorAbbreviationGroups, synonymsWith, withEditorSynonyms } from './abbreviations.ts';
