import { articleIndex } from './article.ts';
import type { SearchIndex } from './define.ts';
import { legalDocumentIndex } from './legal-document.ts';
import { pageIndex } from './page.ts';
import { procedureIndex } from './procedure.ts';
import { questionIndex } from './question.ts';
import { consultationIndex } from './consultation.ts';
import { storesOf, storeUid, type SearchStore } from './stores.ts';

/** Every public index. A content type becomes searchable by adding its definition here. */
export const INDEXES: readonly SearchIndex[] = [
  articleIndex,
  legalDocumentIndex,
  procedureIndex,
  pageIndex,
  questionIndex,
  consultationIndex,
];

/** The Meilisearch indexes those types' documents live in (stores.ts). */
export const STORES: readonly SearchStore[] = storesOf(INDEXES);

/** The store of a content type. */
export function storeOf(index: SearchIndex): SearchStore {
  const store = STORES.find((candidate) => candidate.name === index.store);
  if (!store) throw new Error(`No search store "${index.store}" for ${index.name}.`);
  return store;
}

/** The Meilisearch uid of the index a content type's documents live in. */
export function indexUidOf(index: SearchIndex, prefix: string): string {
  return storeUid(storeOf(index), prefix);
}

export { articleIndex, type ArticleDocument, type ArticleEntry } from './article.ts';
export { legalDocumentIndex, type LegalDocumentDocument } from './legal-document.ts';
export { pageIndex, type PageDocument, type PageEntry } from './page.ts';
export { procedureIndex, type ProcedureDocument } from './procedure.ts';
export { questionIndex, type QuestionDocument, type QuestionEntry } from './question.ts';
export { consultationIndex, type ConsultationDocument, type ConsultationEntry } from './consultation.ts';
export { FACETS, SYNONYMS, type Facet } from './shared-settings.ts';
export { defineIndex, documentKey, type SearchIndex } from './define.ts';
export { mergedSettings, storesOf, storeUid, typeFilter, type SearchStore } from './stores.ts';
