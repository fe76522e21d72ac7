import { Meilisearch } from 'meilisearch';
import { publishedEntries, type CmsConnection } from './cms-source.ts';
import { STORES, type SearchIndex } from './indexes/index.ts';
import { storeUid, type SearchStore } from './indexes/stores.ts';
import { editorAbbreviationGroups, withEditorSynonyms } from './abbreviations.ts';
import { createSearchIndex } from './fields.ts';
import { assertSucceeded } from './sync.ts';

export interface MeiliConnection {
  url: string;
  /** Master or admin key: server-side only. */
  apiKey: string;
}

const TASK_TIMEOUT = { timeout: 120_000, interval: 50 };

/**
 * Full rebuild of one index: fill "<name>__next" with every published entry of each content type it
 * holds, then swap it with the live index in one atomic task. Searches keep answering from the old index
 * until the swap.
 */
export async function rebuildIndex(
  client: Meilisearch,
  cms: CmsConnection,
  store: SearchStore,
  prefix: string,
): Promise<{ name: string; documents: number }> {
  const live = storeUid(store, prefix);
  const next = `${live}__next`;
  await client.deleteIndexIfExists(next);
  // Every searchable field known before the first document: an index with nothing published must
  // still answer the site's searches on named fields.
  await createSearchIndex(client, next, store);
  const staging = client.index(next);

  let batch: Array<{ id: string }> = [];
  let documents = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // A rejected batch must stop the rebuild: swapping in an incomplete index would hide entries.
    assertSucceeded(await staging.addDocuments(batch).waitTask(TASK_TIMEOUT));
    documents += batch.length;
    batch = [];
  };
  for (const index of store.members)
    for await (const entry of publishedEntries(cms, index)) {
      batch.push(index.toDocument(entry));
      if (batch.length >= 500) await flush();
    }
  await flush();

  const liveExists = await client.getIndex(live).then(
    () => true,
    () => false,
  );
  if (!liveExists) await client.createIndex(live, { primaryKey: 'id' }).waitTask(TASK_TIMEOUT);
  assertSucceeded(await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask(TASK_TIMEOUT));
  await client.deleteIndex(next).waitTask(TASK_TIMEOUT);
  return { name: live, documents };
}

/** The stores that hold any of these content types (all of them when none are named). */
export function storesHolding(indexes?: readonly SearchIndex[]): SearchStore[] {
  return STORES.filter((store) => !indexes || store.members.some((member) => indexes.includes(member)));
}

export async function reindexAll(options: {
  cms: CmsConnection;
  meili: MeiliConnection;
  prefix: string;
  indexes?: readonly SearchIndex[];
}): Promise<Array<{ name: string; documents: number }>> {
  const client = new Meilisearch({ host: options.meili.url, apiKey: options.meili.apiKey });
  const results = [];
  // The editors' abbreviations are part of the live settings (abbreviations.ts).
  const editorGroups = await editorAbbreviationGroups(options.cms);
  for (const store of storesHolding(options.indexes).map((store) => withEditorSynonyms(store, editorGroups)))
    results.push(await rebuildIndex(client, options.cms, store, options.prefix));
  return results;
}
