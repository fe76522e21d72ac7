import type { Meilisearch } from 'meilisearch';
import type { SearchStore } from './indexes/stores.ts';
import { assertSucceeded } from './sync.ts';

const TASK_TIMEOUT = { timeout: 60_000, interval: 25 };

/** Id of the document that carries every searchable field for an instant (see registerSearchableFields). */
export const FIELDS_PLACEHOLDER_ID = '__fields';

/**
 * Makes Meilisearch know every searchable field of an index before any document holds it.
 *
 * Meilisearch refuses `attributesToSearchOn` naming a field that no document of the index has ever
 * carried ("Attribute `title` is not searchable"), even when the field is in `searchableAttributes`:
 * an index with nothing published yet (no procedures, no static pages), or whose records all lack
 * one field, would fail the site's whole federated search. A field, once seen, stays known after
 * the document that carried it is deleted (measured on 1.21), so one document with every searchable
 * field set to null — no text, so no query can match it — is added and deleted again.
 */
export async function registerSearchableFields(client: Meilisearch, uid: string, index: SearchStore): Promise<void> {
  const placeholder: Record<string, unknown> = { id: FIELDS_PLACEHOLDER_ID };
  for (const field of index.settings.searchableAttributes ?? []) if (field !== 'id') placeholder[field] = null;
  const target = client.index(uid);
  const added = await target.addDocuments([placeholder], { primaryKey: 'id' });
  const deleted = await target.deleteDocument(FIELDS_PLACEHOLDER_ID);
  assertSucceeded(await client.tasks.waitForTask(added, TASK_TIMEOUT));
  assertSucceeded(await client.tasks.waitForTask(deleted, TASK_TIMEOUT));
}

/** A new, empty index with the definition's settings, every searchable field already known. */
export async function createSearchIndex(client: Meilisearch, uid: string, index: SearchStore): Promise<void> {
  assertSucceeded(await client.createIndex(uid, { primaryKey: 'id' }).waitTask(TASK_TIMEOUT));
  assertSucceeded(await client.index(uid).updateSettings(index.settings).waitTask(TASK_TIMEOUT));
  await registerSearchableFields(client, uid, index);
}

/**
 * Whether a live index accepts a search on each of its searchable fields; registers them when not
 * (an index created before this rule, with no document carrying some field). Returns true when it
 * had to register them.
 */
export async function ensureSearchableFields(client: Meilisearch, uid: string, index: SearchStore): Promise<boolean> {
  const fields = index.settings.searchableAttributes ?? [];
  if (!fields.length) return false;
  try {
    await client.index(uid).search('', { attributesToSearchOn: fields, limit: 0 });
    return false;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'invalid_search_attributes_to_search_on') throw error;
  }
  await registerSearchableFields(client, uid, index);
  return true;
}
