/**
 * `npm run reset -- --yes`: deletes the data folder (database, uploads, search index, secrets, logs)
 * so the next `npm start` is a first start again. Refuses to run without --yes.
 */
import { rm, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadDotEnv, parseStartConfig, REPO_ROOT } from './config.ts';

function main(): Promise<void> | void {
  let yes = false;
  try {
    ({
      values: { yes },
    } = parseArgs({ options: { yes: { type: 'boolean', default: false } }, strict: true }) as {
      values: { yes: boolean };
    });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run reset -- --yes`);
    process.exit(2);
  }
  loadDotEnv();
  const { dataDir } = parseStartConfig(process.env);
  if (!yes) {
    console.error(`This deletes ${dataDir}: the CMS database, uploads, search index, secrets and logs.`);
    console.error('Run `npm run reset -- --yes` to confirm. Stop `npm start` first.');
    process.exit(2);
  }
  if (dataDir === REPO_ROOT || !dataDir.startsWith('/') || dataDir === '/') {
    throw new ConfigError(`Refusing to delete ${dataDir}`);
  }
  return stat(dataDir).then(
    async () => {
      await rm(dataDir, { recursive: true, force: true });
      console.log(`Deleted ${dataDir}. The next \`npm start\` is a first start.`);
    },
    () => console.log(`Nothing to delete: ${dataDir} does not exist.`),
  );
}

Promise.resolve(main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
