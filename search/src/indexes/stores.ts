/**
 * The Meilisearch indexes ("stores") the content types' documents live in. A search asks every store with
 * its own sub-queries (short fields, body, and the tone-exact pair: 4 per store for a query with
 * diacritics), and each costs Meilisearch its own derivations of the query's words over that index's
 * vocabulary, its own ranking and facet counts; an index that holds nothing still costs its sub-queries.
 * Measured on the 100k-record bench index (one client, the page's federated request, 8 rounds of its
 * queries): six indexes p50 15 / p95 27 ms; the short types in one index beside the legal documents
 * p50 10 / p95 19 ms; everything in one index p50 9 / p95 18 ms.
 *
 * The legal documents keep an index of their own: their full texts (10k–60k words) are indexed with word
 * distances recorded only as "same field or not" (`proximityPrecision: 'byAttribute'`, legal-document.ts),
 * an index-wide setting; the other types' titles and leads rank by how close the query's words stand.
 *
 * A document's id starts with its type (`documentKey`), so ids never collide in a shared index, and its
 * `type` field (filterable) tells the types apart for reconciling one type and for the search page's scope.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Settings } from 'meilisearch';
import type { SearchIndex } from './define.ts';
import { LONG_ATTRIBUTES, searchableOrder } from './shared-settings.ts';

/** One Meilisearch index (its name without the deployment prefix, its settings) and the content types it holds. */
export interface SearchStore {
  name: string;
  settings: Settings;
  members: readonly SearchIndex[];
}

/** The Meilisearch uid of a store under a deployment's index prefix. */
export function storeUid(store: SearchStore, prefix: string): string {
  return `${prefix}${store.name}`;
}

/** The filter that keeps one content type's documents of the index it shares with others. */
export function typeFilter(index: Pick<SearchIndex, 'type'>): string {
  return `type = ${JSON.stringify(index.type)}`;
}

/** Settings the members of a store may differ in; everything else must be the same. */
const MERGED = ['searchableAttributes', 'displayedAttributes'] as const;

function withoutMerged(settings: Settings): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...settings };
  for (const key of MERGED) delete rest[key];
  return rest;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The settings of an index shared by several types. Searchable fields in the order every index has
 * (`searchableOrder`), each type's own short fields interleaved by rank (every type's first field, then every
 * type's second…), so a procedure's name ranks as an article's title does and no type's lead outranks another
 * type's title; the long fields after them. Displayed fields: all of them. Anything else must agree.
 */
export function mergedSettings(members: readonly SearchIndex[]): Settings {
  const [first, ...others] = members;
  if (!first) throw new Error('A search store needs at least one content type.');
  if (!others.length) return first.settings;
  for (const other of others)
    if (!isDeepStrictEqual(withoutMerged(other.settings), withoutMerged(first.settings)))
      throw new Error(
        `${other.name} cannot share the index "${first.store}" with ${first.name}: their settings differ beyond ` +
          'their searchable and displayed fields.',
      );
  const ordered: readonly string[] = searchableOrder([...LONG_ATTRIBUTES]);
  const own = members.map((member) =>
    (member.settings.searchableAttributes ?? []).filter((field) => !ordered.includes(field)),
  );
  const interleaved: string[] = [];
  for (let rank = 0; rank < Math.max(...own.map((fields) => fields.length)); rank += 1)
    for (const fields of own) {
      const field = fields[rank];
      if (field) interleaved.push(field);
    }
  const searchable = members.flatMap((member) => member.settings.searchableAttributes ?? []);
  return {
    ...first.settings,
    searchableAttributes: unique(
      searchableOrder([...interleaved, ...LONG_ATTRIBUTES]).filter((field) => searchable.includes(field)),
    ),
    displayedAttributes: unique(members.flatMap((member) => member.settings.displayedAttributes ?? [])),
  };
}

/**
 * The stores of a list of content types, in the order their first member comes. Every store's searchable list
 * ends with the fields only the other stores hold, so all lists have the same length: Meilisearch scores a
 * matched field by its rank over the length of the index's list (rank 1 of 17 scores 0.94, of 12 0.92), and the
 * federated search compares those scores across indexes. With lists of different lengths, a law whose abstract
 * holds the typed tones ranked below pages that mention the word in their body, only because its index had fewer
 * fields (demo relevance test, "đường"). The fields added match nothing (no document of the store has them), and
 * the client does not search them (views.ts asks each store for its members' own fields).
 */
export function storesOf(indexes: readonly SearchIndex[]): SearchStore[] {
  const byName = new Map<string, SearchIndex[]>();
  for (const index of indexes) byName.set(index.store, [...(byName.get(index.store) ?? []), index]);
  const stores = [...byName].map(([name, members]) => ({ name, settings: mergedSettings(members), members }));
  const every = unique(stores.flatMap((store) => store.settings.searchableAttributes ?? []));
  return stores.map((store) => {
    const own = store.settings.searchableAttributes ?? [];
    const searchableAttributes = [...own, ...every.filter((field) => !own.includes(field))];
    return { ...store, settings: { ...store.settings, searchableAttributes } };
  });
}

/** The searchable fields a store's own types declare (its list also holds the other stores' fields, unused). */
export function ownSearchable(store: SearchStore): string[] {
  const declared = new Set(store.members.flatMap((member) => member.settings.searchableAttributes ?? []));
  return (store.settings.searchableAttributes ?? []).filter((field) => declared.has(field));
}
