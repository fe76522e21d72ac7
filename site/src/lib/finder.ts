/**
 * The documents finder's data and filtering, shared by the build (facet pages, the JSON file) and
 * the browser script (combined filters). No imports but the number matcher, so the script stays small.
 *
 * Why JSON files filtered in the browser rather than Meilisearch: the filters are exact facets over
 * short records (~250 bytes each, gzip ~4:1), the result must match the pre-rendered facet pages
 * exactly, and the finder then keeps working with the search engine down or unreachable. Free-text
 * search over abstracts and bodies stays with the search page.
 *
 * The data is split by issue year (a province has 5k–20k documents: one file would be 2–8 MB on a
 * phone's first filter): a small index (/van-ban/du-lieu.json: the labels and one file per year), and
 * /van-ban/du-lieu/<year>.json. A filter naming a year reads that year's file only; any other reads
 * the years newest first and shows what it found after each, so the first results come after one file.
 */
import { foldText, matchesDocumentNumber } from './document-number.ts';

/** One document in the finder's JSON: short keys, only what the list shows and the filters read. */
export interface FinderDocument {
  /** Page URL. */
  u: string;
  /** Số ký hiệu. */
  n: string;
  /** Type, as its URL slug ("quyet-dinh"). */
  t: string;
  /** Issue date, YYYY-MM-DD. */
  d: string;
  /** Issuing agency slug. */
  a?: string;
  /** Field slugs. */
  f: string[];
  /** Validity status slug ("con-hieu-luc"). */
  v?: string;
  /** Signer. */
  k?: string;
  /** Trích yếu. */
  x: string;
}

export interface FinderData {
  documents: FinderDocument[];
  /** Display names by slug, for the select boxes and the result lines. */
  labels: {
    types: Record<string, string>;
    agencies: Record<string, string>;
    fields: Record<string, string>;
    statuses: Record<string, string>;
  };
}

/** One year's file of the finder data. */
export interface FinderShard {
  year: string;
  documents: FinderDocument[];
}

/** The finder's index: the labels, and the year files newest first. */
export interface FinderIndex {
  labels: FinderData['labels'];
  /** How many documents in all (the sum of the years'). */
  total: number;
  shards: Array<{ year: string; count: number; url: string }>;
}

/** The finder data cut into one file per issue year (newest first), and the index naming them. */
export function splitFinderData(
  data: FinderData,
  shardUrl: (year: string) => string,
): { index: FinderIndex; shards: FinderShard[] } {
  const byYear = new Map<string, FinderDocument[]>();
  for (const document of data.documents) {
    const year = document.d.slice(0, 4);
    if (!/^\d{4}$/.test(year)) throw new RangeError(`Not an issue date: "${document.d}" (${document.u})`);
    const list = byYear.get(year) ?? [];
    list.push(document);
    byYear.set(year, list);
  }
  const shards = [...byYear.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, documents]) => ({ year, documents }));
  return {
    index: {
      labels: data.labels,
      total: data.documents.length,
      shards: shards.map(({ year, documents }) => ({ year, count: documents.length, url: shardUrl(year) })),
    },
    shards,
  };
}

/** The year files a filter needs: its year's alone when it names one, else every year, newest first. */
export function shardsFor(index: FinderIndex, filters: DocumentFilters): FinderIndex['shards'] {
  return filters.nam ? index.shards.filter((shard) => shard.year === filters.nam) : index.shards;
}

export interface DocumentFilters {
  loai?: string;
  nam?: string;
  'co-quan'?: string;
  'linh-vuc'?: string;
  'hieu-luc'?: string;
  'nguoi-ky'?: string;
  so?: string;
}

const FILTER_NAMES = ['loai', 'nam', 'co-quan', 'linh-vuc', 'hieu-luc', 'nguoi-ky', 'so'] as const;
const MAX_LENGTH = 100;

/**
 * Filters from a query string, as the GET form submits it. Anything unknown is ignored and values
 * are trimmed and capped: a hand-edited URL may narrow the list to nothing, never break the page.
 */
export function parseFilters(params: URLSearchParams): DocumentFilters {
  const filters: DocumentFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim().slice(0, MAX_LENGTH);
    if (value) filters[name] = value;
  }
  return filters;
}

export const hasFilters = (filters: DocumentFilters): boolean => Object.keys(filters).length > 0;

/** The documents that pass every filter given, newest issue date first. */
export function filterDocuments(documents: readonly FinderDocument[], filters: DocumentFilters): FinderDocument[] {
  const signer = filters['nguoi-ky'] ? foldText(filters['nguoi-ky']) : undefined;
  return documents
    .filter(
      (d) =>
        (!filters.loai || d.t === filters.loai) &&
        (!filters.nam || d.d.startsWith(`${filters.nam}-`)) &&
        (!filters['co-quan'] || d.a === filters['co-quan']) &&
        (!filters['linh-vuc'] || d.f.includes(filters['linh-vuc'])) &&
        (!filters['hieu-luc'] || d.v === filters['hieu-luc']) &&
        (!signer || (d.k !== undefined && foldText(d.k).includes(signer))) &&
        (!filters.so || matchesDocumentNumber(d.n, filters.so)),
    )
    .sort((a, b) => b.d.localeCompare(a.d) || a.n.localeCompare(b.n, 'vi'));
}

/** Values of one facet that occur, with counts, most recent year / alphabetical label first. */
export function facetValues(
  documents: readonly FinderDocument[],
  valuesOf: (document: FinderDocument) => readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents)
    for (const value of valuesOf(document)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
