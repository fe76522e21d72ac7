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
