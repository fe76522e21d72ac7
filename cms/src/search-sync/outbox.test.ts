import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelay } from './outbox.ts';

describe('outbox retry delay', () => {
  it('doubles with every failed attempt, with at most a quarter of jitter', () => {
    for (const [attempts, base] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
      [6, 16_000],
    ] as const) {
      for (let i = 0; i < 50; i += 1) {
        const delay = retryDelay(attempts, 60_000);
        assert.ok(delay >= base * 0.75 && delay <= base, `attempt ${attempts}: ${delay} ms`);
      }
    }
  });

  it('never waits longer than the configured maximum', () => {
    for (const attempts of [10, 40, 1000]) assert.ok(retryDelay(attempts, 30_000) <= 30_000);
  });
});
