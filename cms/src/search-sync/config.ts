import { z } from 'zod';
import { DEFAULT_INDEX_PREFIX, INDEX_PREFIX_PATTERN, INDEX_PREFIX_RULE } from '@portal/search/index-prefix';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Where the outbox worker sends changes. The orchestrator passes an indexing key (documents only),
 * never the master key. Without MEILI_URL the CMS still records every change in the outbox and the
 * worker stays idle, so nothing is lost when search is configured later.
 */
export const SearchSyncEnvSchema = z
  .object({
    MEILI_URL: z.preprocess(
      blank,
      z.url({ protocol: /^https?$/, error: 'MEILI_URL must be an http(s) URL' }).optional(),
    ),
    MEILI_INDEXING_KEY: z.preprocess(blank, z.string().min(16, 'MEILI_INDEXING_KEY looks too short').optional()),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(INDEX_PREFIX_PATTERN, `MEILI_INDEX_PREFIX ${INDEX_PREFIX_RULE}`)
      .default(DEFAULT_INDEX_PREFIX),
    /** Longest wait between two tries of a change Meilisearch did not take (exponential backoff up to this). */
    SEARCH_SYNC_MAX_RETRY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** How often the worker looks for due retries; new changes wake it at once, without waiting for this. */
    SEARCH_SYNC_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(500),
  })
  .refine((env) => Boolean(env.MEILI_URL) === Boolean(env.MEILI_INDEXING_KEY), {
    message: 'Set both MEILI_URL and MEILI_INDEXING_KEY for the search sync, or neither',
    path: ['MEILI_INDEXING_KEY'],
  });
export type SearchSyncEnv = z.infer<typeof SearchSyncEnvSchema>;

export function readSearchSyncEnv(env: NodeJS.ProcessEnv = process.env): SearchSyncEnv {
  const parsed = SearchSyncEnvSchema.safeParse(env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid search sync settings:\n  ${messages.join('\n  ')}`);
  }
  return parsed.data;
}
