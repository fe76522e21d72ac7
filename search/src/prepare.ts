import { Meilisearch } from 'meilisearch';
import { editorAbbreviationGroups, withEditorSynonyms } from './abbreviations.ts';
import type { CmsConnection } from './cms-source.ts';
import { ensureSearchableFields } from './fields.ts';
import { INDEXES, STORES, storeUid, type SearchIndex } from './indexes/index.ts';
import { reconcileIndex, removeStrays, type ReconcileReport } from './reconcile.ts';
import { rebuildIndex, storesHolding, type MeiliConnection } from './reindex.ts';
import { ensureSettings, type SettingsOutcome } from './settings.ts';
import { assertSucceeded } from './sync.ts';
import { rebuildVocabulary } from './vocabulary.ts';

export interface IndexReport extends ReconcileReport {
  /** Documents in the index afterwards. */
  documents: number;
  settings: SettingsOutcome | 'rebuilt on request';
}

/**
 * What start-up does to every index (stores.ts): apply its settings (a missing index or changed settings
 * means rebuild-and-swap; otherwise the index stays), then reconcile each content type it holds with its
 * published set. With `rebuild`, every index is rebuilt and swapped in regardless (`npm run search:reindex`).
 * Naming some content types (`indexes`) does this to the indexes that hold them, and reconciles only those.
 *
 * Reconcile runs after a rebuild too: what the CMS's worker applied to the old index between the
 * rebuild's read and the swap would otherwise be missing from the new one.
 */
export async function prepareIndexes(options: {
  cms: CmsConnection;
  meili: MeiliConnection;
  prefix: string;
  indexes?: readonly SearchIndex[];
  rebuild?: boolean;
}): Promise<IndexReport[]> {
  const client = new Meilisearch({ host: options.meili.url, apiKey: options.meili.apiKey });
  const reports: IndexReport[] = [];
  // The live indexes carry the editors' abbreviations too: settings are compared and rebuilt with them.
  const editorGroups = await editorAbbreviationGroups(options.cms);
  for (const store of storesHolding(options.indexes).map((store) => withEditorSynonyms(store, editorGroups))) {
    let settings: IndexReport['settings'];
    if (options.rebuild) {
      await rebuildIndex(client, options.cms, store, options.prefix);
      settings = 'rebuilt on request';
    } else {
      settings = await ensureSettings(client, options.cms, store, options.prefix);
      // An index left as it was may predate the rule that registers its fields (fields.ts).
      if (settings === 'unchanged') await ensureSearchableFields(client, storeUid(store, options.prefix), store);
    }
    for (const index of store.members.filter((member) => !options.indexes || options.indexes.includes(member))) {
      const report = await reconcileIndex(client, options.cms, index, options.prefix);
      reports.push({ ...report, documents: report.expected, settings });
    }
    if (!options.indexes) await removeStrays(client, store, options.prefix);
  }
  await removeRetiredIndexes(client, options.prefix);
  // "Did you mean" compares a query with the words of every public index's titles, as indexed now.
  await rebuildVocabulary(client, options.prefix, STORES, editorGroups);
  return reports;
}

/**
 * Deletes the indexes of an older layout: each content type had an index of its own before the short types
 * came to share one (stores.ts). Left in place they would keep stale documents reachable with the search key.
 */
async function removeRetiredIndexes(client: Meilisearch, prefix: string): Promise<void> {
  const live = new Set(STORES.map((store) => store.name));
  for (const index of INDEXES) {
    const uid = `${prefix}${index.name}`;
    if (
      live.has(index.name) ||
      !(await client.getIndex(uid).then(
        () => true,
        () => false,
      ))
    )
      continue;
    assertSucceeded(await client.deleteIndex(uid).waitTask({ timeout: 60_000, interval: 25 }));
  }
}
