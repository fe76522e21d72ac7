import { Meilisearch } from 'meilisearch';
import { editorAbbreviationGroups, withEditorSynonyms } from './abbreviations.ts';
import type { CmsConnection } from './cms-source.ts';
import { ensureSearchableFields } from './fields.ts';
import { INDEXES, type SearchIndex } from './indexes/index.ts';
import { reconcileIndex, type ReconcileReport } from './reconcile.ts';
import { rebuildIndex, type MeiliConnection } from './reindex.ts';
import { ensureSettings, type SettingsOutcome } from './settings.ts';
import { rebuildVocabulary } from './vocabulary.ts';

export interface IndexReport extends ReconcileReport {
  /** Documents in the index afterwards. */
  documents: number;
  settings: SettingsOutcome | 'rebuilt on request';
}

/**
 * What start-up does to every index: apply its settings (a missing index or changed settings means
 * rebuild-and-swap; otherwise the index stays), then reconcile it with the published set. With
 * `rebuild`, every index is rebuilt and swapped in regardless (`npm run search:reindex`).
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
  for (const index of (options.indexes ?? INDEXES).map((index) => withEditorSynonyms(index, editorGroups))) {
    let settings: IndexReport['settings'];
    if (options.rebuild) {
      await rebuildIndex(client, options.cms, index, options.prefix);
      settings = 'rebuilt on request';
    } else {
      settings = await ensureSettings(client, options.cms, index, options.prefix);
      // An index left as it was may predate the rule that registers its fields (fields.ts).
      if (settings === 'unchanged') await ensureSearchableFields(client, `${options.prefix}${index.name}`, index);
    }
    const report = await reconcileIndex(client, options.cms, index, options.prefix);
    reports.push({ ...report, documents: report.expected, settings });
  }
  // "Did you mean" compares a query with the words of every public index's titles, as indexed now.
  await rebuildVocabulary(client, options.prefix, INDEXES, editorGroups);
  return reports;
}
