/**
 * When the publisher builds: pure decisions, unit-tested in schedule.test.ts.
 *
 * Changes come in bursts (an editor publishes five articles, a scheduler publishes at 08:00). The
 * publisher waits until no change has come for `quietMs`, but never longer than `maxWaitMs` after the
 * oldest waiting change, so a steady stream cannot postpone the site forever. Changes that came while a
 * build ran are built at once when it ends: the build was their wait (a build costs about the same
 * for one change as for fifty), and waiting again would add up to `maxWaitMs` to every publish of a
 * busy hour. A failed build is retried after an exponentially growing delay (base, 2×base … up to
 * retryMaxMs).
 */

export interface PublishTiming {
  /** Build once no change has arrived for this long. */
  quietMs: number;
  /** …or once the oldest waiting change is this old, whatever keeps arriving. */
  maxWaitMs: number;
  /** How often to look at the queue when nothing is due. */
  pollMs: number;
  /** First retry delay after a failed build; doubles with each further failure. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/** The CMS's answer to GET /api/portal-publisher/queue (ages by the CMS's own clock). */
export interface QueueSnapshot {
  pending: number;
  unclaimed: number;
  oldestAgeMs: number | null;
  newestAgeMs: number | null;
}

export interface FailureState {
  /** Failed builds in a row. */
  attempts: number;
  /** When the last one ended (publisher's clock, ms). */
  at: number;
}

export type Step = { build: true; reason: string } | { build: false; waitMs: number };

export function retryDelay(attempts: number, timing: Pick<PublishTiming, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * `lastBuildEndedAt`: when the publisher's last build ended (its clock, ms), if one did; the queue's ages
 * are the CMS's, compared as durations.
 */
export function nextStep(
  queue: QueueSnapshot,
  timing: PublishTiming,
  failure: FailureState | undefined,
  now: number,
  lastBuildEndedAt?: number,
): Step {
  // A failed build is retried even with nothing queued: it may have been the start-up build.
  if (failure && failure.attempts > 0) {
    const due = failure.at + retryDelay(failure.attempts, timing);
    if (now < due) return { build: false, waitMs: Math.min(due - now, timing.pollMs) };
    return { build: true, reason: `retry ${failure.attempts + 1} after a failed build` };
  }
  if (queue.pending === 0) return { build: false, waitMs: timing.pollMs };
  // Claimed by a build that never went live (its publisher stopped or died): nothing to wait for.
  if (queue.unclaimed < queue.pending) return { build: true, reason: 'changes of an unfinished build' };
  const newest = queue.newestAgeMs ?? 0;
  const oldest = queue.oldestAgeMs ?? 0;
  if (newest >= timing.quietMs) return { build: true, reason: `quiet for ${newest} ms` };
  if (oldest >= timing.maxWaitMs) return { build: true, reason: `the oldest change waited ${oldest} ms` };
  if (lastBuildEndedAt !== undefined && oldest > now - lastBuildEndedAt)
    return { build: true, reason: `changes came during the last build (the oldest ${oldest} ms ago)` };
  return {
    build: false,
    waitMs: Math.max(10, Math.min(timing.quietMs - newest, timing.maxWaitMs - oldest, timing.pollMs)),
  };
}
