/**
 * `npm run site:status` and `npm run site:rollback`: the operator's view of the published site.
 * Both work on the site folder alone (PORTAL_SITE_DIR), whether or not the portal is running.
 */
import { ConfigError, loadDotEnv, parseStartConfig } from './config.ts';
import { readPublisherState, type PublisherState } from './publisher/publisher.ts';
import { currentRelease, listReleases, ReleaseError, releasePaths, rollbackRelease } from './publisher/releases.ts';

const TIME = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const when = (iso: string | null | undefined) => (iso ? `${TIME.format(new Date(iso))} (giờ Việt Nam)` : '—');

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function formatStatus(
  state: PublisherState | undefined,
  current: string | undefined,
  releases: readonly string[],
  alive: boolean,
): string {
  const lines = [`Served release      ${current ?? 'none yet'}`, `Releases on disk    ${releases.length}`];
  if (!state) return [...lines, 'Publisher           has never run in this data folder'].join('\n');
  lines.push(
    `Publisher           ${alive ? `running (pid ${state.pid})` : 'not running'}, state of ${when(state.updatedAt)}`,
  );
  if (state.running)
    lines.push(
      `Building now        ${state.running.release} since ${when(state.running.startedAt)} (${state.running.reason})`,
    );
  const ok = state.lastSuccess;
  lines.push(
    ok
      ? `Last build          ${ok.release}, live at ${when(ok.finishedAt)}, ${(ok.durationMs / 1000).toFixed(1)} s, ${ok.changes} change(s)`
      : 'Last build          none succeeded yet',
  );
  if (state.queue) {
    const q = state.queue;
    lines.push(
      `Queue               ${q.pending} change(s) not live yet (${q.unclaimed} not in a build), checked ${when(q.checkedAt)}`,
    );
  }
  const failure = state.lastFailure;
  if (failure && (!ok || failure.finishedAt > ok.finishedAt)) {
    lines.push(
      `Last failure        ${failure.release} at ${when(failure.finishedAt)}, attempt ${failure.attempts}, next retry ${when(failure.nextRetryAt)}`,
      `                    ${failure.error.split('\n').slice(0, 6).join('\n                    ')}`,
    );
  } else if (failure) {
    lines.push(`Last failure        ${failure.release} at ${when(failure.finishedAt)} (a later build succeeded)`);
  }
  if (state.cmsError) lines.push(`CMS unreachable     ${state.cmsError}`);
  lines.push(`Builds              ${state.builds.succeeded} succeeded, ${state.builds.failed} failed`);
  return lines.join('\n');
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
