/**
 * The settings the site build reads from the environment (set by scripts/src/services/site.ts).
 * CMS_TOKEN is server-side only: it is read here, used by cms.ts in page frontmatter, and never
 * exposed through import.meta.env (no PUBLIC_ prefix) or rendered.
 */
import { z } from 'zod';
import { INDEX_PREFIX_PATTERN, INDEX_PREFIX_RULE } from '@portal/search/index-prefix';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  // Stored without a trailing slash so `${url}/graphql` and `${url}${path}` never double it.
  .transform((url) => url.replace(/\/+$/, ''));
const required = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema);

const OptionalSettings = {
  SITE_OUT_DIR: z.preprocess(blankAsUndefined, z.string().default('dist')),
  /**
   * A folder kept between builds (the publisher's: $PORTAL_DATA_DIR/site-cache): Astro's cache, and
   * with it the incremental build, which copies pages whose cacheKey and code are unchanged.
   */
  SITE_CACHE_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /**
   * A folder kept between builds (the publisher's: $PORTAL_DATA_DIR/image-cache): optimised image variants keyed
   * by the original's content and the transform, so a new CMS address or a fresh install makes none again.
   */
  SITE_IMAGE_CACHE_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  PUBLIC_SITE_URL: z.preprocess(blankAsUndefined, httpUrl.default('http://127.0.0.1:4321')),
  /**
   * A JSON file `{ changes: [{ uid, documentId }] }` (the publisher's claim, written by
   * scripts/src/services/site.ts): the build patches its kept content snapshot with these entries
   * instead of reading everything (src/lib/content-snapshot.ts). Unset: a full read.
   */
  SITE_CONTENT_CHANGES: z.preprocess(blankAsUndefined, z.string().optional()),
  /** '1' (tests): after a delta read, read everything too and fail the build if the two differ. */
  SITE_CONTENT_VERIFY: z.preprocess(
    blankAsUndefined,
    z
      .enum(['0', '1'])
      .optional()
      .transform((value) => value === '1'),
  ),
};

export const SiteEnvSchema = z.object({
  CMS_URL: required(httpUrl),
  CMS_TOKEN: required(z.string()),
  PUBLIC_MEILI_URL: required(httpUrl),
  PUBLIC_MEILI_SEARCH_KEY: required(z.string()),
  // May be empty (no prefix) but must be set, so a forgotten variable is not silently "no prefix".
  PUBLIC_MEILI_INDEX_PREFIX: z.string().regex(INDEX_PREFIX_PATTERN, INDEX_PREFIX_RULE),
  ...OptionalSettings,
});
export type SiteEnv = z.infer<typeof SiteEnvSchema>;

/** What astro.config.mjs needs. CMS_URL is optional there so `astro check` runs without a CMS. */
export const ConfigEnvSchema = z.object({
  CMS_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  ...OptionalSettings,
});
export type ConfigEnv = z.infer<typeof ConfigEnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

type Source = Record<string, string | undefined>;

function parseOrExplain<T extends z.ZodType>(schema: T, source: Source): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  // Names and reasons only: values are never echoed, one of them is a secret.
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    if (blankAsUndefined(source[name]) === undefined && !(name in OptionalSettings)) missing.push(name);
    else invalid.push(`  ${name}: ${issue.message}`);
  }
  const lines = [
    ...(missing.length ? [`Missing environment variables for the site build: ${missing.join(', ')}`] : []),
    ...(invalid.length ? ['Invalid environment variables for the site build:', ...invalid] : []),
  ];
  return failWith(lines.join('\n'));
}

function failWith(message: string): never {
  throw new EnvError(`${message}\n(see site/src/lib/env.ts; \`npm start\` sets them for you)`);
}

export const parseSiteEnv = (source: Source): SiteEnv => parseOrExplain(SiteEnvSchema, source);
export const parseConfigEnv = (source: Source): ConfigEnv => parseOrExplain(ConfigEnvSchema, source);

let cached: SiteEnv | undefined;
/** The build's settings, validated on first use (so importing a page's modules needs no env). */
export function siteEnv(): SiteEnv {
  cached ??= parseSiteEnv(process.env);
  return cached;
}
