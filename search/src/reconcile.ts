import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { publishedEntries, type CmsConnection } from './cms-source.ts';
import type { SearchIndex } from './indexes/define.ts';
import { indexUidOf } from './indexes/index.ts';
import { storeUid, typeFilter, type SearchStore } from './indexes/stores.ts';
import { assertSucceeded } from './sync.ts';

const TASK_TIMEOUT = { timeout: 120_000, interval: 25 };
const PAGE = 1000;

export interface ReconcileReport {
  name: string;
  /** Documents the published set calls for. */
  expected: number;
  /** Published entries missing from the index. */
  added: number;
  /** Documents whose content differs from the published entry. */
  updated: number;
  /** Documents with no published entry behind them (unpublished, deleted, or never from the CMS). */
  deleted: number;
}

/** A stable fingerprint of a document: key order does not matter, every value does. */
export function documentHash(document: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(document)))
    .digest('hex');
}

/** What the index should hold: every published entry as its document, keyed by id. */
export async function expectedDocuments(cms: CmsConnection, index: SearchIndex): Promise<Map<string, { id: string }>> {
  const expected = new Map<string, { id: string }>();
  for await (const entry of publishedEntries(cms, index)) {
    const document = index.toDocument(entry);
    expected.set(document.id, document);
  }
  return expected;
}

/** What the index holds (of one content type when `type` is given: an index may hold several), id → content hash. */
export async function indexedHashes(client: Meilisearch, name: string, type?: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const filter = type === undefined ? {} : { filter: typeFilter({ type }) };
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.index(name).getDocuments({ limit: PAGE, offset, ...filter });
    for (const document of page.results) hashes.set(String(document.id), documentHash(document));
    if (page.results.length < PAGE) return hashes;
  }
}

/**
 * Compares a content type's documents in its index (stores.ts) with its published set and repairs the
 * difference: adds what is missing, replaces what is stale, deletes what should not be there. With `dryRun`
 * it only counts.
 *
 * It works from one snapshot of the CMS; a change committed while it runs is also in the outbox and
 * the CMS's worker applies it after, so the index converges either way.
 */
export async function reconcileIndex(
  client: Meilisearch,
  cms: CmsConnection,
  index: SearchIndex,
  prefix: string,
  options: { dryRun?: boolean } = {},
): Promise<ReconcileReport> {
  const name = indexUidOf(index, prefix);
  const expected = await expectedDocuments(cms, index);
  const actual = await indexedHashes(client, name, index.type);
  const upserts: Array<{ id: string }> = [];
  let added = 0;
  for (const [id, document] of expected) {
    const hash = actual.get(id);
    if (hash === documentHash(document)) continue;
    if (hash === undefined) added += 1;
    upserts.push(document);
  }
  const deletes = [...actual.keys()].filter((id) => !expected.has(id));
  if (!options.dryRun) {
    const target = client.index(name);
    for (let i = 0; i < upserts.length; i += PAGE)
      assertSucceeded(
        await target.addDocuments(upserts.slice(i, i + PAGE), { primaryKey: 'id' }).waitTask(TASK_TIMEOUT),
      );
    if (deletes.length > 0) assertSucceeded(await target.deleteDocuments(deletes).waitTask(TASK_TIMEOUT));
  }
  return { name: index.name, expected: expected.size, added, updated: upserts.length - added, deleted: deletes.length };
}

/**
 * Deletes the documents of a shared index that belong to none of its content types (no `type`, or one no
 * member has): a per-type reconcile never sees them. Returns how many there were.
 */
export async function removeStrays(client: Meilisearch, store: SearchStore, prefix: string): Promise<number> {
  const types = store.members.map((member) => JSON.stringify(member.type)).join(', ');
  const filter = `NOT type IN [${types}]`;
  const index = client.index(storeUid(store, prefix));
  const { total } = await index.getDocuments({ filter, limit: 1 });
  if (total > 0) assertSucceeded(await index.deleteDocuments({ filter }).waitTask(TASK_TIMEOUT));
  return total;
}
