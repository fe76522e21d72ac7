import type { Core, UID } from '@strapi/strapi';

/** Ids of what the seed has written so far, by the keys the demo files use to refer to each other. */
export interface SeedRefs {
  fields: Map<string, string>;
  agencies: Map<string, string>;
  documents: Map<string, string>;
  procedures: Map<string, string>;
}

type Params = Record<string, unknown>;
export interface Entry {
  documentId: string;
}

/**
 * The Document Service calls the seed makes, loosely typed: the demo files are validated by zod, and
 * Strapi's generated input types would need a cast on every call anyway.
 */
export interface DocumentWriter {
  create(params: Params): Promise<Entry>;
  update(params: Params): Promise<Entry | null>;
  publish(params: Params): Promise<unknown>;
  findFirst(params?: Params): Promise<Entry | null>;
}

export function documents(strapi: Core.Strapi, uid: string): DocumentWriter {
  return strapi.documents(uid as UID.ContentType) as unknown as DocumentWriter;
}

/** The id a reference resolves to; the files were cross-checked, so a miss is a bug in the seed order. */
export function resolve<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo content: ${what} "${key}" was not written before it was used`);
  return id;
}

/** A relation to a localised type (agency) from any entry: name the locale, or Strapi cannot pick a row. */
export function localisedRef(documentId: string, locale: string) {
  return { connect: [{ documentId, locale }] };
}

/** Seeded entries go out as published by the board; the stage says so. */
export const PUBLISHED = { editorialStage: 'da_xuat_ban' } as const;
