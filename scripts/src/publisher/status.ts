/** `npm run site:status`'s text, from the state the publisher writes (publisher-state.json). */
import type { PublisherState } from './publisher.ts';
import { formatDateTime } from '@portal/cms/model/dates';
import type { Rollback } from './releases.ts';

const when = (iso: string | null | undefined) =>
  iso ? `${formatDateTime(iso, { seconds: true })} (giờ Việt Nam)` : '—';

export function formatStatus(
  state: PublisherState | undefined,
  current: string | undefined,
  releases: readonly string[],
  alive: boolean,
  rollback?: Rollback,
): string {
  const lines = [`Served release      ${current ?? 'none yet'}`, `Releases on disk    ${releases.length}`];
  const lastLive = state?.lastSuccess ? Date.parse(state.lastSuccess.finishedAt) : 0;
  if (rollback && rollback.at > lastLive)
    lines.push(
      `Rolled back         from ${rollback.from} to ${rollback.to} at ${when(new Date(rollback.at).toISOString())}; ` +
        'the next content change builds a new release',
    );
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
