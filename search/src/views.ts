import { LONG_ATTRIBUTES, TONED_ATTRIBUTES } from './indexes/shared-settings.ts';
import { ownSearchable, storeUid, type SearchStore } from './indexes/stores.ts';
import type { IndexView } from './client.ts';

/** How the browser client queries each index (STORES), derived from the index definitions (one owner). */
export function indexViews(indexes: readonly SearchStore[], prefix: string): IndexView[] {
  return indexes.map((index) => {
    const searchable = ownSearchable(index);
    const toned: readonly string[] = TONED_ATTRIBUTES;
    const long: readonly string[] = LONG_ATTRIBUTES;
    return {
      uid: storeUid(index, prefix),
      searchOn: searchable.filter((attribute) => !toned.includes(attribute) && !long.includes(attribute)),
      bodyOn: searchable.filter((attribute) => !toned.includes(attribute) && long.includes(attribute)),
      toned: TONED_ATTRIBUTES.every((attribute) => searchable.includes(attribute)),
      filterable: (index.settings.filterableAttributes ?? []).filter((a): a is string => typeof a === 'string'),
      sortable: index.settings.sortableAttributes ?? [],
    };
  });
}

/** The vocabulary index's name without the deployment prefix (vocabulary.ts builds it). */
export const VOCABULARY_INDEX = 'vocabulary';
/** The uid of the vocabulary index "did you mean" asks. */
export const vocabularyUid = (prefix: string) => `${prefix}${VOCABULARY_INDEX}`;
