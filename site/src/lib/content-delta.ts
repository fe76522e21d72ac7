/**
 * The pure part of a publish build's delta read (content-snapshot.ts does the I/O): which entries a
 * set of changes makes the build read again, and the kept snapshot patched with what it read.
 *
 * A snapshot holds, per kind, the entries of a full read in its order (the export's ids: the
 * published versions' row ids) with those ids beside them. A change to an entry re-reads that entry
 * and every entry that shows it (an article lists its related documents and procedures, a document
 * names the documents it relates to or whose publication changed its validity, a procedure its legal
 * basis): those the kept snapshot says show it (it may show it no more) and those the CMS says show
 * it now (it may not have before). An entry the re-read does not return is no longer published.
 */

export const KINDS = ['articles', 'documents', 'procedures'] as const;
export type Kind = (typeof KINDS)[number];

export interface Entry {
  documentId: string;
  [field: string]: unknown;
}

/** One kind's entries in the order of a full read, and each one's id (the export's `ids`). */
export interface KindRows<T extends Entry = Entry> {
  ids: number[];
  entries: T[];
}

export interface SiteChange {
  uid: string;
  documentId: string;
}

const documentIdOf = (value: unknown): string[] => {
  if (typeof value !== 'object' || value === null) return [];
  const id = (value as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? [id] : [];
};
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const field = (entry: Entry, name: string): unknown => entry[name];

/** The documentIds of the entries of other kinds an exported entry shows (see cms/src/site-publish/export.ts). */
export function shownIds(kind: Kind, entry: Entry): string[] {
  switch (kind) {
    case 'articles':
      return [...listOf(entry.relatedDocuments), ...listOf(entry.relatedProcedures)].flatMap(documentIdOf);
    case 'documents':
      return [
        ...listOf(entry.relations).map((r) => (r as Entry | null)?.target),
        ...listOf(entry.validityChanges).map((c) => (c as Entry | null)?.cause),
      ].flatMap(documentIdOf);
    case 'procedures':
      return listOf(field(entry, 'legalBasis')).flatMap(documentIdOf);
  }
}

export type DeltaPlan =
  | { full: string }
  | {
      full?: undefined;
      /** Entries changed, by kind. */
      changed: Record<Kind, string[]>;
      /** Changes of types no exported entry shows (questions, pages, settings…): nothing to read. */
      ignored: number;
    };

/**
 * Sorts the claimed changes by the kind they are entries of (`sources`: the export's map from a
 * content type to its kind, null for a type some shape shows a part of: a full read).
 */
export function planDelta(changes: readonly SiteChange[], sources: Readonly<Record<string, Kind | null>>): DeltaPlan {
  const changed: Record<Kind, Set<string>> = { articles: new Set(), documents: new Set(), procedures: new Set() };
  let ignored = 0;
  for (const change of changes) {
    if (!Object.hasOwn(sources, change.uid)) {
      ignored += 1;
      continue;
    }
    const kind = sources[change.uid];
    if (!kind || !KINDS.includes(kind)) return { full: `a change to ${change.uid}` };
    changed[kind].add(change.documentId);
  }
  return {
    changed: {
      articles: [...changed.articles],
      documents: [...changed.documents],
      procedures: [...changed.procedures],
    },
    ignored,
  };
}

/** Entries of the kept snapshot that show one of `ids` (they must be read again). */
export function dependentsIn(snapshot: Record<Kind, KindRows>, ids: ReadonlySet<string>): Record<Kind, string[]> {
  const found = {} as Record<Kind, string[]>;
  for (const kind of KINDS) {
    found[kind] = ids.size
      ? snapshot[kind].entries.filter((e) => shownIds(kind, e).some((id) => ids.has(id))).map((e) => e.documentId)
      : [];
  }
  return found;
}

/**
 * The kept entries of one kind with `replaced` entries taken out and `reread` ones put in, in id
 * order as a full read returns them. Every entry the re-read returned replaces its kept version; an
 * entry in `replaced` that the re-read did not return is gone (unpublished or deleted).
 */
export function mergeKind<T extends Entry>(
  kept: KindRows<T>,
  replaced: ReadonlySet<string>,
  reread: KindRows<T>,
): KindRows<T> {
  const fresh = new Set(reread.entries.map((e) => e.documentId));
  const rows: Array<[number, T]> = [];
  kept.entries.forEach((entry, i) => {
    if (!replaced.has(entry.documentId) && !fresh.has(entry.documentId)) rows.push([kept.ids[i] ?? 0, entry]);
  });
  const seen = new Set<string>();
  reread.entries.forEach((entry, i) => {
    // Two pages (by documentId, then by what it shows) may return the same entry once each.
    if (seen.has(entry.documentId)) return;
    seen.add(entry.documentId);
    rows.push([reread.ids[i] ?? 0, entry]);
  });
  rows.sort((a, b) => a[0] - b[0]);
  return { ids: rows.map(([id]) => id), entries: rows.map(([, entry]) => entry) };
}

/** Well-formed kept rows: as many ids as entries, each an entry with a documentId. */
export function isKindRows(value: unknown): value is KindRows {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, entries } = value as { ids?: unknown; entries?: unknown };
  return (
    Array.isArray(ids) &&
    Array.isArray(entries) &&
    ids.length === entries.length &&
    ids.every((id) => Number.isInteger(id)) &&
    entries.every((e) => typeof e === 'object' && e !== null && typeof (e as Entry).documentId === 'string')
  );
}

/**
 * The first differences between two reads of one kind (a delta read checked against a full read):
 * entries only in one of them, or in both but not equal, by documentId; empty when they are equal,
 * order included.
 */
export function differences(kind: Kind, delta: KindRows, full: KindRows, max = 5): string[] {
  const found: string[] = [];
  const byId = (rows: KindRows) => new Map(rows.entries.map((e, i) => [e.documentId, { e, id: rows.ids[i] }]));
  const a = byId(delta);
  const b = byId(full);
  for (const [documentId, { e, id }] of a) {
    const other = b.get(documentId);
    if (!other) found.push(`${kind} ${documentId}: kept, but no longer published`);
    else if (other.id !== id || JSON.stringify(other.e) !== JSON.stringify(e))
      found.push(`${kind} ${documentId}: differs from the CMS`);
    if (found.length >= max) return found;
  }
  for (const documentId of b.keys()) {
    if (!a.has(documentId)) found.push(`${kind} ${documentId}: published, but missing`);
    if (found.length >= max) return found;
  }
  if (
    found.length === 0 &&
    delta.entries.map((e) => e.documentId).join() !== full.entries.map((e) => e.documentId).join()
  )
    found.push(`${kind}: same entries in another order`);
  return found;
}
