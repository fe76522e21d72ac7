import type { Core, UID } from '@strapi/strapi';

/** Ids of what the seed has written so far, by the keys the demo files use to refer to each other. */
export interface SeedRefs {
  fields: Map<string, string>;
  agencies: Map<string, string>;
  documents: Map<string, string>;
  procedures: Map<string, string>;
}

/**
 * The Document Service of one content type, typed by its generated schema: the demo files are validated
 * by zod on load, and what the seed writes from them is checked against the content model here.
 */
export function documents<U extends UID.ContentType>(strapi: Core.Strapi, uid: U) {
  return strapi.documents(uid);
}

/** The id a reference resolves to; the files were cross-checked, so a miss is a bug in the seed order. */
export function resolve<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo content: ${what} "${key}" was not written before it was used`);
  return id;
}

/** A relation to a localised type (agency) from any entry: name the locale, or Strapi cannot pick a row. */
export function localisedRef(documentId: string, locale: string) {
  return { documentId, locale };
}

/** Seeded entries go out as published by the board; the stage says so. */
export const PUBLISHED = { editorialStage: 'da_xuat_ban' } as const;
