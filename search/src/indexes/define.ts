import type { Settings } from 'meilisearch';
import type { z } from 'zod';

/**
 * What toDocument needs besides the entry's own scalar fields, as a Strapi populate object. The same
 * object serves the REST API (encoded by `populateParams`) and the Document Service inside the CMS,
 * so the sync and the full rebuild read entries of one shape.
 */
export type Populate = { [relation: string]: true | { fields?: string[]; populate?: Populate } };

/**
 * An entry of another content type whose change alters this index's documents (an agency's name
 * shown on its documents). When an entry of `uid` changes, the entries of this index that point to it
 * through the relation `via` are synced again.
 */
export interface Dependency {
  uid: string;
  via: string;
}

interface IndexSpec<Entry, Document extends { id: string }> {
  /** Strapi content type. */
  uid: string;
  /**
   * The type word in document ids (`<type>-<documentId>-<locale>`); defaults to the content type's
   * singular name (`api::article.article` → `article`). toDocument must build its id the same way:
   * the sync deletes by this key when an entry has no published version left.
   */
  type?: string;
  /** REST collection path under /api, e.g. "articles". */
  collection: string;
  /** Relations and components toDocument reads. */
  populate: Populate;
  /** Other content types shown in this index's documents. */
  dependsOn?: readonly Dependency[];
  /** The content type's name in reports and on the command line (`--index articles`), without the prefix. */
  name: string;
  /**
   * The Meilisearch index this type's documents live in, without the prefix (stores.ts): types that can
   * share one index do, since each index a search asks costs every search its own sub-queries.
   * Defaults to `name`, an index of its own.
   */
  store?: string;
  /** What the sync expects of an entry from the CMS; anything else is an error, not a guess. */
  entrySchema: z.ZodType<Entry>;
  /**
   * This type's settings; an index shared by several types gets the merge of theirs (stores.ts), so
   * each type still owns its searchable and displayed fields.
   */
  settings: Settings;
  /** The allow-list: only what this copies reaches the index. */
  toDocument: (entry: Entry) => Document;
}

/** A searchable content type as the sync uses it: raw CMS entry in, index document out. */
export interface SearchIndex<Document extends { id: string } = { id: string }> extends Omit<
  IndexSpec<unknown, Document>,
  'entrySchema' | 'toDocument' | 'type' | 'store'
> {
  type: string;
  store: string;
  toDocument(raw: unknown): Document;
  /** The id of this entry's document, computable without the entry (for deletes). */
  keyOf(documentId: string, locale: string | null | undefined): string;
}

/**
 * One definition per content type. Anything toDocument does not copy never reaches the index, so a
 * new private field in the CMS stays private by default.
 */
export function defineIndex<Entry, Document extends { id: string }>(
  spec: IndexSpec<Entry, Document>,
): SearchIndex<Document> {
  const { entrySchema, toDocument, ...rest } = spec;
  const type = spec.type ?? spec.uid.slice(spec.uid.lastIndexOf('.') + 1);
  return {
    ...rest,
    type,
    store: spec.store ?? spec.name,
    toDocument: (raw) => toDocument(entrySchema.parse(raw)),
    keyOf: (documentId, locale) => documentKey(type, documentId, locale),
  };
}

/** Ids are stable across draft/published rows and databases: type, Strapi documentId and locale. */
export function documentKey(type: string, documentId: string, locale: string | null | undefined): string {
  return `${type}-${documentId}-${locale || 'vi'}`;
}

/** A populate object as Strapi REST query parameters: populate[category][fields][0]=name … */
export function populateParams(populate: Populate, prefix = 'populate'): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [relation, spec] of Object.entries(populate)) {
    const key = `${prefix}[${relation}]`;
    if (spec === true || (!spec.fields && !spec.populate)) {
      params[key] = 'true';
      continue;
    }
    spec.fields?.forEach((field, i) => (params[`${key}[fields][${i}]`] = field));
    if (spec.populate) Object.assign(params, populateParams(spec.populate, `${key}[populate]`));
  }
  return params;
}
