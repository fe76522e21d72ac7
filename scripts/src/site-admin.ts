/**
 * `npm run site:status` and `npm run site:rollback`: the operator's view of the published site.
 * Both work on the site folder alone (PORTAL_SITE_DIR), whether or not the portal is running.
 */
import { ConfigError, loadDotEnv, parseStartConfig } from './config.ts';
import { readPublisherState } from './publisher/publisher.ts';
import { formatStatus } from './publisher/status.ts';
import {
  currentRelease,
  listReleases,
  readRollback,
  ReleaseError,
  releasePaths,
  rollbackRelease,
} from './publisher/releases.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(command: string | undefined): Promise<number> {
  loadDotEnv();
  const config = parseStartConfig(process.env);
  const siteRoot = config.siteDir;
  if (command === 'status') {
    const state = await readPublisherState(siteRoot);
    console.log(
      formatStatus(
        state,
        await currentRelease(siteRoot),
        await listReleases(siteRoot),
        state ? processAlive(state.pid) : false,
        await readRollback(siteRoot),
      ),
    );
    return 0;
  }
  if (command === 'rollback') {
    const { from, to } = await rollbackRelease(siteRoot);
    console.log(`Now serving ${to} (was ${from}) from ${releasePaths(siteRoot).current}.`);
    console.log(
      'The next content change builds and serves a new release; run site:rollback again meanwhile to go further back.',
    );
    const state = await readPublisherState(siteRoot);
    console.log(
      state && processAlive(state.pid)
        ? 'The running publisher tells the CMS within seconds: editors see which changes are not shown.'
        : 'The publisher is not running: the CMS is told when the portal next starts (which builds a new release).',
    );
    return 0;
  }
  console.error('Usage: node scripts/src/site-admin.ts status|rollback');
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ReleaseError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
