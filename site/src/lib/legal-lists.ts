/**
 * The pre-rendered list pages of the two finders: the full list and one list per facet value
 * (/van-ban/nam/2026/, /thu-tuc-hanh-chinh/cap/xa/), each paginated, plus the facet link groups that
 * make filtering work as plain HTML. Pure functions of the joined content.
 */
import { DOCUMENT_TYPE_LABELS, VALIDITY_LABELS, enumSlug } from './documents.ts';
import type { FinderData } from './finder.ts';
import type { DocumentEntry, ProcedureEntry } from './legal-content.ts';
import { archivePages, pageCount, type ArchivePage, type ArchiveTarget } from './pagination.ts';
import { keptDerivation } from './part-digests.ts';
import { LEVEL_LABELS, SERVICE_LEVEL_LABELS } from './procedures.ts';
import { routes, type DocumentFacet, type ProcedureFacet } from './routes.ts';

export const DOCUMENTS_PAGE_SIZE = 20;
export const PROCEDURES_PAGE_SIZE = 20;

export interface FacetValue {
  value: string;
  label: string;
}
export interface FacetGroup<F extends string> {
  facet: F;
  heading: string;
  /** `count`: on the pages that show how many entries each value has (withoutCounts drops it). */
  values: Array<FacetValue & { count?: number; url: string }>;
}
/**
 * The facet links without their counts: the documents finder shows counts on its landing page only,
 * so that a new document, which changes the counts, does not change (and re-render) every list page.
 */
export const withoutCounts = <F extends string>(groups: Array<FacetGroup<F>>): Array<FacetGroup<F>> =>
  groups.map((group) => ({ ...group, values: group.values.map(({ value, label, url }) => ({ value, label, url })) }));
export interface ListPage<T, F extends string> {
  url: string;
  page: number;
  pages: number;
  /** Page URL for another page of the same list. */
  pageUrl: (page: number) => string;
  facet?: { facet: F; heading: string } & FacetValue;
  items: T[];
}

/**
 * A page of a documents list: the newest documents on the list itself, older ones on archive pages of
 * fixed buckets numbered from the oldest (pagination.ts, as the news lists), so a new document changes
 * its lists' first pages and newest buckets, not every page after them.
 */
export interface ArchiveListPage<T, F extends string> extends ArchivePage<T> {
  /** Address of another page of the same list. */
  pageUrl: (target: ArchiveTarget) => string;
  facet?: { facet: F; heading: string } & FacetValue;
}

interface FacetDefinition<T, F extends string> {
  facet: F;
  heading: string;
  valuesOf: (item: T) => FacetValue[];
  /** Order of the links: years newest first, everything else by label. */
  order?: (a: FacetValue, b: FacetValue) => number;
}

const byLabel = (a: FacetValue, b: FacetValue) => a.label.localeCompare(b.label, 'vi');

const fromTable = (table: Readonly<Record<string, string>>, key: string | null | undefined): FacetValue[] => {
  const label = key ? table[key] : undefined;
  return key && label ? [{ value: enumSlug(key), label }] : [];
};

export const DOCUMENT_FACET_DEFINITIONS: Array<FacetDefinition<DocumentEntry, DocumentFacet>> = [
  { facet: 'type', heading: 'Loại văn bản', valuesOf: (d) => fromTable(DOCUMENT_TYPE_LABELS, d.documentType) },
  {
    facet: 'year',
    heading: 'Năm ban hành',
    valuesOf: (d) => [{ value: d.issueDate.slice(0, 4), label: d.issueDate.slice(0, 4) }],
    order: (a, b) => b.value.localeCompare(a.value),
  },
  {
    facet: 'agency',
    heading: 'Cơ quan ban hành',
    valuesOf: (d) => (d.agency ? [{ value: d.agency.slug, label: d.agency.name }] : []),
  },
  { facet: 'field', heading: 'Lĩnh vực', valuesOf: (d) => d.fields.map((f) => ({ value: f.slug, label: f.name })) },
  { facet: 'status', heading: 'Tình trạng hiệu lực', valuesOf: (d) => fromTable(VALIDITY_LABELS, d.validityStatus) },
];

export const PROCEDURE_FACET_DEFINITIONS: Array<FacetDefinition<ProcedureEntry, ProcedureFacet>> = [
  { facet: 'field', heading: 'Lĩnh vực', valuesOf: (p) => p.fields.map((f) => ({ value: f.slug, label: f.name })) },
  {
    facet: 'agency',
    heading: 'Cơ quan thực hiện',
    valuesOf: (p) =>
      p.implementingAgency ? [{ value: p.implementingAgency.slug, label: p.implementingAgency.name }] : [],
  },
  { facet: 'level', heading: 'Cấp thực hiện', valuesOf: (p) => fromTable(LEVEL_LABELS, p.level) },
  {
    facet: 'serviceLevel',
    heading: 'Mức độ dịch vụ công',
    valuesOf: (p) => fromTable(SERVICE_LEVEL_LABELS, p.serviceLevel),
  },
];

function groups<T, F extends string>(
  items: readonly T[],
  definitions: Array<FacetDefinition<T, F>>,
  url: (facet: F, value: string) => string,
): Array<FacetGroup<F>> {
  return definitions.map(({ facet, heading, valuesOf, order = byLabel }) => {
    const found = new Map<string, FacetValue & { count: number }>();
    for (const item of items)
      for (const value of valuesOf(item)) {
        const entry = found.get(value.value) ?? { ...value, count: 0 };
        entry.count += 1;
        found.set(value.value, entry);
      }
    const values = [...found.values()].sort(order).map((v) => ({ ...v, url: url(facet, v.value) }));
    return { facet, heading, values };
  });
}

function pages<T, F extends string>(
  items: readonly T[],
  pageSize: number,
  pageUrl: (page: number) => string,
  facet?: ListPage<T, F>['facet'],
): Array<ListPage<T, F>> {
  const total = pageCount(items.length, pageSize);
  return Array.from({ length: total }, (_, index) => ({
    url: pageUrl(index + 1),
    page: index + 1,
    pages: total,
    pageUrl,
    ...(facet ? { facet } : {}),
    items: items.slice(index * pageSize, (index + 1) * pageSize),
  }));
}

function facetArchivePages<T, F extends string>(
  items: readonly T[],
  pageSize: number,
  pageUrl: (target: ArchiveTarget) => string,
  facet?: ArchiveListPage<T, F>['facet'],
): Array<ArchiveListPage<T, F>> {
  return archivePages(items, pageSize, pageUrl).map((page) => ({ ...page, pageUrl, ...(facet ? { facet } : {}) }));
}

/** The full list's pages, then each facet value's (`paginate` makes one list's pages). */
function listPages<T, F extends string, P>(
  items: readonly T[],
  definitions: Array<FacetDefinition<T, F>>,
  paginate: (items: readonly T[], facet?: { facet: F; heading: string } & FacetValue) => P[],
): P[] {
  const all = paginate(items);
  for (const { facet, heading, valuesOf } of definitions) {
    // Each value's items in one pass, in the list's order (a filter per value was values × items: ~0.3 s
    // of a publish build at 8k documents). The value as last seen names the list, as it always has.
    const byValue = new Map<string, { value: FacetValue; matching: T[] }>();
    for (const item of items)
      for (const value of valuesOf(item)) {
        const found = byValue.get(value.value);
        if (!found) byValue.set(value.value, { value, matching: [item] });
        else {
          found.value = value;
          if (found.matching.at(-1) !== item) found.matching.push(item);
        }
      }
    for (const { value, matching } of byValue.values()) all.push(...paginate(matching, { facet, heading, ...value }));
  }
  return all;
}

/**
 * What a finder list shows of each entry (DocumentItem, ProcedureItem): the list pages carry only
 * this, so their cache keys (src/lib/page-keys.ts) cover what they show and no more: a document's
 * body or attachments changing re-renders its own page, not the lists it appears in. Each entry's is
 * made once per build and stands for its digest in keys (part-digests.ts): an entry is on ~5 lists.
 */
const shownFields = <T extends object, K extends keyof T>(name: string, fields: readonly K[]) =>
  keptDerivation(name, import.meta.url, (entry: Pick<T, K>): Pick<T, K> => {
    const shown = {} as Pick<T, K>;
    for (const field of fields) shown[field] = entry[field];
    return shown;
  });

const DOCUMENT_LIST_FIELDS = [
  'slug',
  'documentType',
  'documentNumber',
  'abstract',
  'validityStatus',
  'issueDate',
  'agency',
] as const satisfies ReadonlyArray<keyof DocumentEntry>;
export type DocumentListItem = Pick<DocumentEntry, (typeof DOCUMENT_LIST_FIELDS)[number]>;
export const documentListItem = shownFields<DocumentEntry, (typeof DOCUMENT_LIST_FIELDS)[number]>(
  'document list item',
  DOCUMENT_LIST_FIELDS,
);

const PROCEDURE_LIST_FIELDS = [
  'slug',
  'name',
  'code',
  'level',
  'serviceLevel',
  'implementingAgency',
] as const satisfies ReadonlyArray<keyof ProcedureEntry>;
export type ProcedureListItem = Pick<ProcedureEntry, (typeof PROCEDURE_LIST_FIELDS)[number]>;
export const procedureListItem = shownFields<ProcedureEntry, (typeof PROCEDURE_LIST_FIELDS)[number]>(
  'procedure list item',
  PROCEDURE_LIST_FIELDS,
);

/** A list page as its page file renders it: the shown fields of its entries only. */
export const shownListPage = <L extends { items: unknown[] }, S>(
  list: L,
  shown: (item: L['items'][number]) => S,
): Omit<L, 'items'> & { items: S[] } => ({ ...list, items: list.items.map(shown) });

export const documentFacetGroups = (documents: readonly DocumentEntry[]) =>
  groups(documents, DOCUMENT_FACET_DEFINITIONS, (facet, value) => routes.documentFacet(facet, value));

/** `make`, once per list of entries: the build's one list, for which the finder's page file and the sitemap both ask. */
function oncePerList<T, R>(make: (items: readonly T[]) => R): (items: readonly T[]) => R {
  const made = new WeakMap<readonly T[], R>();
  return (items) => {
    let result = made.get(items);
    if (result === undefined) {
      result = make(items);
      made.set(items, result);
    }
    return result;
  };
}

export const documentListPages = oncePerList(
  (documents: readonly DocumentEntry[]): ReadonlyArray<ArchiveListPage<DocumentEntry, DocumentFacet>> =>
    listPages(documents, DOCUMENT_FACET_DEFINITIONS, (items, facet) =>
      facetArchivePages(
        items,
        DOCUMENTS_PAGE_SIZE,
        facet ? (target) => routes.documentFacetArchive(facet.facet, facet.value, target) : routes.documentsArchive,
        facet,
      ),
    ),
);

export const procedureFacetGroups = (procedures: readonly ProcedureEntry[]) =>
  groups(procedures, PROCEDURE_FACET_DEFINITIONS, (facet, value) => routes.procedureFacet(facet, value));

export const procedureListPages = oncePerList(
  (procedures: readonly ProcedureEntry[]): ReadonlyArray<ListPage<ProcedureEntry, ProcedureFacet>> =>
    listPages(procedures, PROCEDURE_FACET_DEFINITIONS, (items, facet) =>
      pages(
        items,
        PROCEDURES_PAGE_SIZE,
        facet ? (page) => routes.procedureFacet(facet.facet, facet.value, page) : routes.proceduresList,
        facet,
      ),
    ),
);

/** The finder's JSON: the listed fields only, no body, no attachments, nothing unpublished. */
export function finderData(documents: readonly DocumentEntry[]): FinderData {
  const labels: FinderData['labels'] = { types: {}, agencies: {}, fields: {}, statuses: {} };
  const records = documents.map((d) => {
    const type = enumSlug(d.documentType);
    labels.types[type] = DOCUMENT_TYPE_LABELS[d.documentType] ?? d.documentType;
    if (d.agency) labels.agencies[d.agency.slug] = d.agency.name;
    for (const field of d.fields) labels.fields[field.slug] = field.name;
    const status = d.validityStatus ? enumSlug(d.validityStatus) : undefined;
    if (d.validityStatus && status) labels.statuses[status] = VALIDITY_LABELS[d.validityStatus] ?? d.validityStatus;
    return {
      u: routes.document(d.slug),
      n: d.documentNumber,
      t: type,
      d: d.issueDate,
      ...(d.agency ? { a: d.agency.slug } : {}),
      f: d.fields.map((f) => f.slug),
      ...(status ? { v: status } : {}),
      ...(d.signer ? { k: d.signer } : {}),
      x: d.abstract,
    };
  });
  return { documents: records, labels };
}
