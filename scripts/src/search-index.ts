/**
 * `npm run search:reconcile` and `npm run search:reindex`, against a running portal (npm start):
 *
 *   npm run search:reconcile [-- --dry-run] [-- --index articles]   compare with the published set, repair
 *   npm run search:reindex [-- --index articles]                     rebuild into a new index, swap it in
 *
 * `--index` names a content type; reindex rebuilds the whole index that type shares (search/src/indexes/stores.ts).
 * Both print one line per content type with what they found or did.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { INDEXES, prepareIndexes, reconcileIndex } from '@portal/search';
import { ConfigError, loadDotEnv, parseStartConfig } from './config.ts';
import { loadOrCreateSecrets } from './secrets.ts';

const INDEX_NAMES = INDEXES.map((index) => index.name) as [string, ...string[]];

const ArgsSchema = z
  .object({
    command: z.enum(['reconcile', 'reindex'], { error: 'The command is `reconcile` or `reindex`' }),
    index: z.array(z.enum(INDEX_NAMES, { error: `--index must be one of: ${INDEX_NAMES.join(', ')}` })).default([]),
    dryRun: z.boolean().default(false),
  })
  .refine((args) => !(args.dryRun && args.command === 'reindex'), {
    message: '--dry-run only applies to reconcile',
    path: ['dryRun'],
  });
export type SearchArgs = z.infer<typeof ArgsSchema>;

export const USAGE =
  'Usage: node scripts/src/search-index.ts reconcile [--dry-run] [--index <name>]…\n' +
  '       node scripts/src/search-index.ts reindex [--index <name>]…';

/** The command line as validated options; throws an Error whose message is for the person typing. */
export function parseSearchArgs(argv: string[]): SearchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { index: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(`Give exactly one command.\n${USAGE}`);
  const parsed = ArgsSchema.safeParse({ command: positionals[0], index: values.index, dryRun: values['dry-run'] });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
  return parsed.data;
}

async function main(): Promise<void> {
  const args = parseSearchArgs(process.argv.slice(2));
  loadDotEnv();
  const config = parseStartConfig(process.env);
  const secretsFile = path.join(config.dataDir, 'secrets.json');
  if (!process.env.MEILI_MASTER_KEY || !process.env.PORTAL_SITE_TOKEN) {
    await access(secretsFile).catch(() => {
      throw new ConfigError(`${secretsFile} does not exist: run \`npm start\` first (or set the secrets yourself).`);
    });
  }
  const { secrets } = await loadOrCreateSecrets(config.dataDir, process.env);
  const meili = { url: config.MEILI_URL ?? `http://127.0.0.1:${config.MEILI_PORT}`, apiKey: secrets.MEILI_MASTER_KEY };
  const cms = { url: `http://127.0.0.1:${config.CMS_PORT}`, token: secrets.PORTAL_SITE_TOKEN };
  const indexes = args.index.length > 0 ? INDEXES.filter((index) => args.index.includes(index.name)) : INDEXES;
  const prefix = config.MEILI_INDEX_PREFIX;

  if (args.command === 'reconcile' && args.dryRun) {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.apiKey });
    for (const index of indexes) {
      const r = await reconcileIndex(client, cms, index, prefix, { dryRun: true });
      console.log(`${r.name}: ${r.expected} published; would add ${r.added}, update ${r.updated}, delete ${r.deleted}`);
    }
    return;
  }
  const reports = await prepareIndexes({ cms, meili, prefix, indexes, rebuild: args.command === 'reindex' });
  for (const r of reports) {
    console.log(
      `${r.name}: ${r.documents} documents; settings ${r.settings}; added ${r.added}, updated ${r.updated}, deleted ${r.deleted}`,
    );
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    console.error(error instanceof Error ? error.message : error);
    if (cause === 'ECONNREFUSED') console.error('Is the portal running (`npm start`)?');
    process.exit(error instanceof ConfigError || /Usage:/.test(String(error)) ? 2 : 1);
  });
}
