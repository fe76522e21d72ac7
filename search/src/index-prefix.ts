/**
 * The rule for MEILI_INDEX_PREFIX, which every process of a portal must agree on: each index (and the
 * keys limited to them) of this portal in a shared Meilisearch server is named `<prefix><index name>`
 * (views.ts, sync.ts, keys.ts). The orchestrator, the CMS's search sync and the site build each read the
 * setting from their own environment and check it with this rule. No imports, so any of them loads it.
 */

/** What a prefix may contain: Meilisearch index uids allow these, and a key's `<prefix>*` pattern must match. */
export const INDEX_PREFIX_PATTERN = /^[a-z0-9_-]*$/;

/** The message for a prefix that breaks the pattern (after the setting's name, where the caller gives one). */
export const INDEX_PREFIX_RULE = 'may only use a-z, 0-9, _ and -';

/** The prefix when none is configured. */
export const DEFAULT_INDEX_PREFIX = 'portal_';
