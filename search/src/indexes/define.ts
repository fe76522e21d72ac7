import type { Settings } from 'meilisearch';
import type { z } from 'zod';

interface IndexSpec<Entry, Document extends { id: string }> {
  /** Strapi content type. */
  uid: string;
  /** REST collection path under /api, e.g. "articles". */
  collection: string;
  /** Strapi REST populate parameters needed by toDocument. */
  populate: Record<string, string>;
  /** Index name without the deployment prefix. */
  name: string;
  /** What the sync expects of an entry from the CMS; anything else is an error, not a guess. */
  entrySchema: z.ZodType<Entry>;
  settings: Settings;
  /** The allow-list: only what this copies reaches the index. */
  toDocument(entry: Entry): Document;
}

/** A searchable content type as the sync uses it: raw CMS entry in, index document out. */
export interface SearchIndex<Document extends { id: string } = { id: string }> extends Omit<
  IndexSpec<unknown, Document>,
  'entrySchema' | 'toDocument'
> {
  toDocument(raw: unknown): Document;
}

/**
 * One definition per content type. Anything toDocument does not copy never reaches the index, so a
 * new private field in the CMS stays private by default.
 */
export function defineIndex<Entry, Document extends { id: string }>(
  spec: IndexSpec<Entry, Document>,
): SearchIndex<Document> {
  const { entrySchema, toDocument, ...rest } = spec;
  return { ...rest, toDocument: (raw) => toDocument(entrySchema.parse(raw)) };
}

/** Ids are stable across draft/published rows and databases: type, Strapi documentId and locale. */
export function documentKey(type: string, documentId: string, locale: string | null | undefined): string {
  return `${type}-${documentId}-${locale || 'vi'}`;
}
