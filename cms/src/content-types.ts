/**
 * The CMS typed against its own schemas: Strapi's generated types (cms/types/generated, refreshed by
 * `npm run schema`) describe every content type, so reads and writes name fields that exist and get
 * values of the attribute's type. The Document Service (`strapi.documents(uid)`) is typed by them
 * directly; the query engine (`strapi.db.query(uid)`) answers `any`, so its rows are typed here from
 * the fields a query selects.
 */
import type { Core, Data, Modules, Schema, UID } from '@strapi/strapi';

/** An entry of a content type as the generated types describe it. */
export type Entry<U extends UID.ContentType> = Data.ContentType<U>;

/** A field name of a content type. */
export type Field<U extends UID.ContentType> = keyof Entry<U> & string;

/**
 * The fields a Document Service read may name for a content type or component (`fields: [...]`, also
 * inside `populate`): its own non-relation attributes, `id` and `documentId`.
 */
export type DocumentFields<U extends UID.Schema> = Modules.Documents.Params.Fields.ArrayNotation<U>;

/**
 * A database row read with `select`: the selected fields, typed by the schema. Rows of the query
 * engine have numeric ids (the Document Service's `ID` also allows strings).
 */
export type Row<U extends UID.ContentType, K extends Field<U>> = Pick<Entry<U>, Exclude<K, 'id'>> &
  ('id' extends K ? { id: number } : unknown);

/** Whether a string names a content type of this CMS (a guard, so callers need no cast). */
export function isContentType(strapi: Core.Strapi, uid: string): uid is UID.ContentType {
  return Object.hasOwn(strapi.contentTypes, uid);
}

/** Whether a string names a component of this CMS (a guard, so callers need no cast). */
export function isComponent(strapi: Core.Strapi, uid: string): uid is UID.Component {
  return Object.hasOwn(strapi.components, uid);
}

/** Whether the content type's entries exist per locale (the i18n plugin's `localized` option). */
export function isLocalized(strapi: Core.Strapi, uid: UID.ContentType): boolean {
  const options: Record<string, unknown> | undefined = strapi.contentType(uid).pluginOptions;
  const i18n = options?.i18n;
  return typeof i18n === 'object' && i18n !== null && 'localized' in i18n && i18n.localized === true;
}

type Where = Record<string, unknown>;
type OrderBy = Record<string, 'asc' | 'desc'> | Array<Record<string, 'asc' | 'desc'>>;

/** The schema of a field of a content type. */
type AttributeOf<U extends UID.ContentType, R> = R extends keyof Schema.Attributes<U> ? Schema.Attributes<U>[R] : never;

/** The content type a relation field points at (never for other fields). */
type TargetOf<U extends UID.ContentType, R> =
  AttributeOf<U, R> extends infer A extends Schema.Attribute.AnyAttribute ? Schema.Attribute.RelationTarget<A> : never;

/** The fields of a content type that relate it to one other content type. */
export type RelationField<U extends UID.ContentType> = {
  [R in Field<U>]: [TargetOf<U, R>] extends [never] ? never : R;
}[Field<U>];

/** What a query may populate: per relation field, the related rows' fields to select. */
type PopulateSelect<U extends UID.ContentType> = {
  [R in RelationField<U>]?: { select: ReadonlyArray<Field<TargetOf<U, R>>> };
};

type ToMany = 'oneToMany' | 'manyToMany' | 'manyWay' | 'morphMany';

/** The populated relations of a row: a list for a to-many relation, one row or null otherwise. */
type Populated<U extends UID.ContentType, P> = {
  [R in keyof P & RelationField<U>]: P[R] extends { select: ReadonlyArray<infer F> }
    ? F extends Field<TargetOf<U, R>>
      ? AttributeOf<U, R> extends { relation: ToMany }
        ? Array<Row<TargetOf<U, R>, F>>
        : Row<TargetOf<U, R>, F> | null
      : never
    : never;
};

/** `strapi.db.query(uid).findOne` with the row typed by its `select` (and `populate`). */
export async function findRow<
  U extends UID.ContentType,
  K extends Field<U>,
  const P extends PopulateSelect<U> = Record<never, never>,
>(
  strapi: Core.Strapi,
  uid: U,
  query: { where?: Where; select: readonly K[]; populate?: P; orderBy?: OrderBy },
): Promise<(Row<U, K> & Populated<U, P>) | null> {
  const row: unknown = await strapi.db.query(uid).findOne({ ...query, select: [...query.select] });
  return row as (Row<U, K> & Populated<U, P>) | null;
}

/** `strapi.db.query(uid).findMany` with the rows typed by their `select` (and `populate`). */
export async function findRows<
  U extends UID.ContentType,
  K extends Field<U>,
  const P extends PopulateSelect<U> = Record<never, never>,
>(
  strapi: Core.Strapi,
  uid: U,
  query: {
    where?: Where;
    select: readonly K[];
    populate?: P;
    orderBy?: OrderBy;
    limit?: number;
    offset?: number;
  },
): Promise<Array<Row<U, K> & Populated<U, P>>> {
  const rows: unknown = await strapi.db.query(uid).findMany({ ...query, select: [...query.select] });
  return rows as Array<Row<U, K> & Populated<U, P>>;
}

/**
 * For code serving many content types, whose uid is known only at run time (workflow, audit, slugs):
 * the schema cannot check fields of a type it does not know, so the caller names the row's shape.
 */
type AnyQuery = { where?: Where; select?: readonly string[]; populate?: unknown; orderBy?: OrderBy; limit?: number };

/** `strapi.db.query(uid).findOne` for a uid known at run time, the row shaped as the caller says. */
export async function findSomeRow<T extends object>(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  query: AnyQuery,
): Promise<T | null> {
  const row: unknown = await strapi.db.query(uid).findOne({ ...query, select: query.select && [...query.select] });
  return row as T | null;
}

/** `strapi.db.query(uid).findMany` for a uid known at run time, the rows shaped as the caller says. */
export async function findSomeRows<T extends object>(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  query: AnyQuery,
): Promise<T[]> {
  const rows: unknown = await strapi.db.query(uid).findMany({ ...query, select: query.select && [...query.select] });
  return rows as T[];
}

/** What `strapi.db.transaction(callback)` hands its callback (Strapi types the callback's arguments `any`). */
export interface TransactionScope {
  trx: Core.Strapi['db']['connection'];
  onCommit: (callback: () => void) => void;
  onRollback: (callback: () => void) => void;
}
