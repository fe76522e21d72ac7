import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PublisherState } from './publisher.ts';
import { formatStatus } from './status.ts';

const build = (release: string, finishedAt: string) => ({
  release,
  startedAt: finishedAt,
  finishedAt,
  durationMs: 12_300,
  changes: 3,
  reason: 'quiet for 3000 ms',
});

const state: PublisherState = {
  pid: 4242,
  updatedAt: '2026-12-02T03:00:00.000Z',
  current: 'a',
  running: null,
  lastSuccess: build('2026-12-02T02-00-00-000Z', '2026-12-02T02:00:12.000Z'),
  lastFailure: {
    ...build('2026-12-02T02-30-00-000Z', '2026-12-02T02:30:05.000Z'),
    error: 'Site build failed (exit 1)\nClientError: Forbidden',
    attempts: 2,
    nextRetryAt: '2026-12-02T02:30:25.000Z',
  },
  queue: { pending: 4, unclaimed: 1, oldestAgeMs: 1000, newestAgeMs: 500, checkedAt: '2026-12-02T03:00:00.000Z' },
  cmsError: null,
  builds: { succeeded: 7, failed: 2 },
};

describe('site:status', () => {
  it('says when nothing was ever built', () => {
    assert.match(formatStatus(undefined, undefined, [], false), /none yet[\s\S]*has never run/);
  });

  it('shows the served release, the last build, the queue and a failure newer than the last success', () => {
    const text = formatStatus(state, '2026-12-02T02-00-00-000Z', ['2026-12-02T02-00-00-000Z'], true);
    assert.match(text, /Served release\s+2026-12-02T02-00-00-000Z/);
    assert.match(text, /running \(pid 4242\)/);
    assert.match(text, /Last build\s+2026-12-02T02-00-00-000Z, live at 09:00:12 .*12\.3 s, 3 change/);
    assert.match(text, /Queue\s+4 change\(s\) not live yet \(1 not in a build\)/);
    assert.match(text, /Last failure\s+2026-12-02T02-30-00-000Z .*attempt 2, next retry 09:30:25/);
    assert.match(text, /ClientError: Forbidden/);
  });

  it('marks a failure that a later build made good', () => {
    const later = { ...state, lastSuccess: build('r', '2026-12-02T02:45:00.000Z') };
    assert.match(
      formatStatus(later, 'r', ['r'], false),
      /a later build succeeded[\s\S]*not running|not running[\s\S]*a later build succeeded/,
    );
  });

  it('says the site was rolled back until a later build is live', () => {
    const rollback = { at: Date.parse('2026-12-02T03:10:00.000Z'), from: 'b', to: '2026-12-02T02-00-00-000Z' };
    assert.match(
      formatStatus(state, rollback.to, [rollback.to, 'b'], true, rollback),
      /Rolled back\s+from b to 2026-12-02T02-00-00-000Z at .*10:10:00/,
    );
    const later = { ...state, lastSuccess: build('c', '2026-12-02T03:20:00.000Z') };
    assert.doesNotMatch(formatStatus(later, 'c', ['c'], true, rollback), /Rolled back/);
  });
});
