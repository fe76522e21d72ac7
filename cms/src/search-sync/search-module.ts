/**
 * The CMS's view of @portal/search. That package is ESM TypeScript run by Node's type stripping,
 * while the CMS is compiled to CommonJS: Node 22.12+ `require()`s an ES module that has no top-level
 * await, so a plain require works at run time. tsc cannot type-check the package from here (it
 * imports with .ts specifiers), so the small part the CMS uses is declared below;
 * cms/tests/search-sync.test.ts exercises it against the real module.
 */

export interface Dependency {
  uid: string;
  via: string;
}

export interface SearchIndex {
  uid: string;
  name: string;
  type: string;
  populate: Record<string, unknown>;
  dependsOn?: readonly Dependency[];
  toDocument(raw: unknown): { id: string };
  keyOf(documentId: string, locale: string | null | undefined): string;
}

export interface IndexChange {
  index: SearchIndex;
  upserts: Array<{ id: string }>;
  deletes: string[];
}

export interface IndexWriter {
  apply(changes: readonly IndexChange[]): Promise<void>;
  /** Sets every index's synonyms to the built-in list plus these editor groups. */
  applySynonyms(editorGroups: readonly (readonly string[])[]): Promise<void>;
}

interface SearchModule {
  INDEXES: readonly SearchIndex[];
  createIndexWriter(options: { url: string; apiKey: string; prefix: string }): IndexWriter;
}

export function loadSearchModule(): SearchModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@portal/search') as Partial<SearchModule>;
  if (!Array.isArray(loaded.INDEXES) || typeof loaded.createIndexWriter !== 'function') {
    throw new Error('@portal/search does not export INDEXES and createIndexWriter: the CMS and search disagree');
  }
  return loaded as SearchModule;
}
