/**
 * Abbreviations editors add in the admin (Từ viết tắt) are Meilisearch's synonyms (the built-in list,
 * data/synonyms.vi.json, is carried by the records themselves as aliases): read from the CMS when the
 * indexes are prepared, and pushed by the CMS's outbox worker when an editor changes one (sync.ts
 * applySynonyms), so no record is indexed again. The entry rules belong to the CMS.
 */
import { z } from 'zod';
import { ABBREVIATION_COLLECTION, abbreviationGroup } from '@portal/cms/model/abbreviations';
import type { CmsConnection } from './cms-source.ts';
import type { SearchStore } from './indexes/stores.ts';
import { synonymsFromGroups } from './indexes/shared-settings.ts';

const PageSchema = z.object({
  data: z.array(z.object({ abbreviation: z.unknown(), expansions: z.unknown() })),
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});

/** The synonym groups of every valid abbreviation in the CMS, through its REST API (read-only token). */
export async function editorAbbreviationGroups(cms: CmsConnection): Promise<string[][]> {
  const groups: string[][] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      'pagination[page]': String(page),
      'pagination[pageSize]': '100',
      'sort[0]': 'id:asc',
    });
    const response = await fetch(`${cms.url}/api/${ABBREVIATION_COLLECTION}?${query.toString()}`, {
      headers: { Authorization: `Bearer ${cms.token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`The CMS answered ${response.status} for /api/${ABBREVIATION_COLLECTION}`);
    const body = PageSchema.parse(await response.json());
    for (const entry of body.data) {
      const group = abbreviationGroup(entry);
      if (group) groups.push(group);
    }
    if (page >= body.meta.pagination.pageCount) return groups;
  }
}

/**
 * Meilisearch's synonyms: the editors' groups only. The built-in list reaches the index as each record's
 * aliases (indexes/shared-settings.ts fieldAliases); as synonyms it cost every sub-query ~1.3 ms.
 */
export function synonymsWith(editorGroups: readonly (readonly string[])[]): Record<string, string[]> {
  return synonymsFromGroups(editorGroups);
}

/** The index definition with the editors' abbreviations in its synonyms (what the live index carries). */
export function withEditorSynonyms<T extends SearchStore>(index: T, editorGroups: readonly (readonly string[])[]): T {
  if (!editorGroups.length) return index;
  return { ...index, settings: { ...index.settings, synonyms: synonymsWith(editorGroups) } };
}
