import { isDeepStrictEqual } from 'node:util';
import type { Meilisearch, Settings } from 'meilisearch';
import type { CmsConnection } from './cms-source.ts';
import { storeUid, type SearchStore } from './indexes/stores.ts';
import { rebuildIndex } from './reindex.ts';
import { assertSucceeded } from './sync.ts';

const TASK_TIMEOUT = { timeout: 60_000, interval: 25 };

export type SettingsOutcome = 'created' | 'unchanged' | 'rebuilt';

/**
 * Makes the live index carry the settings its definitions write, idempotently: an index that already
 * matches is left alone; a missing index, or one whose settings differ, is rebuilt into "<name>__next"
 * and swapped in, so searches keep answering during the rebuild.
 */
export async function ensureSettings(
  client: Meilisearch,
  cms: CmsConnection,
  store: SearchStore,
  prefix: string,
): Promise<SettingsOutcome> {
  const live = storeUid(store, prefix);
  const current = await client
    .index(live)
    .getSettings()
    .catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return null;
      throw error;
    });
  if (current === null) {
    await rebuildIndex(client, cms, store, prefix);
    return 'created';
  }
  if (isDeepStrictEqual(current, await normalisedSettings(client, store, prefix))) return 'unchanged';
  await rebuildIndex(client, cms, store, prefix);
  return 'rebuilt';
}

/**
 * The definition's settings as Meilisearch echoes them back (defaults filled in, lists normalised),
 * obtained from Meilisearch itself on an empty scratch index: comparing with a hand-written
 * normalisation would break with every Meilisearch release that adds a setting.
 */
async function normalisedSettings(client: Meilisearch, index: SearchStore, prefix: string): Promise<Settings> {
  const probe = `${storeUid(index, prefix)}__settings_probe`;
  await client.deleteIndexIfExists(probe);
  assertSucceeded(await client.createIndex(probe, { primaryKey: 'id' }).waitTask(TASK_TIMEOUT));
  try {
    assertSucceeded(await client.index(probe).updateSettings(index.settings).waitTask(TASK_TIMEOUT));
    return await client.index(probe).getSettings();
  } finally {
    await client.deleteIndexIfExists(probe);
  }
}
