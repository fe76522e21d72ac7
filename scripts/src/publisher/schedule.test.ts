import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextStep, retryDelay, type PublishTiming, type QueueSnapshot } from './schedule.ts';

const timing: PublishTiming = { quietMs: 3000, maxWaitMs: 30_000, pollMs: 1000, retryBaseMs: 2000, retryMaxMs: 60_000 };
const queue = (unclaimed: number, oldestAgeMs: number | null, newestAgeMs: number | null, pending = unclaimed) =>
  ({ pending, unclaimed, oldestAgeMs, newestAgeMs }) satisfies QueueSnapshot;

describe('publisher schedule', () => {
  it('idles at the poll interval when nothing is queued', () => {
    assert.deepEqual(nextStep(queue(0, null, null), timing, undefined, 0), { build: false, waitMs: 1000 });
  });

  it('waits for a quiet period after the newest change, then builds once for the whole burst', () => {
    const during = nextStep(queue(5, 2500, 500), timing, undefined, 0);
    assert.equal(during.build, false);
    assert.ok(!during.build && during.waitMs <= 1000 && during.waitMs > 0);
    const close = nextStep(queue(5, 4000, 2600), timing, undefined, 0);
    assert.ok(!close.build && close.waitMs === 400, 'wakes exactly when the quiet period ends');
    const quiet = nextStep(queue(5, 6000, 3000), timing, undefined, 0);
    assert.equal(quiet.build, true);
  });

  it('builds after the maximum wait even when changes keep coming', () => {
    assert.equal(nextStep(queue(40, 29_000, 100), timing, undefined, 0).build, false);
    assert.equal(nextStep(queue(40, 30_000, 100), timing, undefined, 0).build, true);
  });

  it('builds at once, whatever the quiet period, for changes that came while the last build ran', () => {
    // The last build ended 400 ms ago; a change 5 s old came during it, the newest 100 ms ago.
    assert.equal(nextStep(queue(6, 5000, 100), timing, undefined, 10_000, 9600).build, true);
    // A change that came after the build ended waits for its quiet period as usual.
    assert.equal(nextStep(queue(1, 300, 300), timing, undefined, 10_000, 9600).build, false);
    assert.equal(nextStep(queue(1, 5000, 100), timing, undefined, 10_000, undefined).build, false, 'no build yet');
  });

  it('builds at once for changes claimed by a build that never went live (the publisher died)', () => {
    assert.equal(nextStep(queue(0, null, null, 3), timing, undefined, 0).build, true);
  });

  it('retries a failed build with a doubling delay, capped, even with nothing queued', () => {
    assert.deepEqual(
      [1, 2, 3, 10].map((n) => retryDelay(n, timing)),
      [2000, 4000, 8000, 60_000],
    );
    const failure = { attempts: 2, at: 10_000 };
    const early = nextStep(queue(1, 60_000, 60_000, 3), timing, failure, 13_000);
    assert.deepEqual(early, { build: false, waitMs: 1000 });
    assert.equal(nextStep(queue(0, null, null), timing, failure, 14_000).build, true);
  });
});
