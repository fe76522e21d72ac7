import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangeQueue } from './cms-queue.ts';
import { Publisher, readPublisherState } from './publisher.ts';
import { currentRelease, listReleases, releasePaths } from './releases.ts';

/** The CMS's site outbox, in memory, with the same claim/done rules. */
class MemoryQueue implements ChangeQueue {
  rows: Array<{ at: number; claim: string | null }> = [];
  add(count = 1) {
    for (let i = 0; i < count; i += 1) this.rows.push({ at: Date.now(), claim: null });
  }
  async snapshot() {
    const open = this.rows.filter((r) => r.claim === null);
    const ages = open.map((r) => Date.now() - r.at);
    return {
      pending: this.rows.length,
      unclaimed: open.length,
      oldestAgeMs: ages.length ? Math.max(...ages) : null,
      newestAgeMs: ages.length ? Math.min(...ages) : null,
    };
  }
  async claim(build: string) {
    for (const row of this.rows) row.claim = build;
    return this.rows.length;
  }
  async done(build: string) {
    const before = this.rows.length;
    this.rows = this.rows.filter((r) => r.claim !== build);
    return before - this.rows.length;
  }
}

const roots: string[] = [];
after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function setup(options: { failWhen?: () => boolean; buildMs?: number } = {}) {
  const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'publisher-test-'));
  roots.push(siteRoot);
  const queue = new MemoryQueue();
  const builds: string[] = [];
  let counter = 0;
  const publisher = new Publisher({
    siteRoot,
    queue,
    timing: { quietMs: 150, maxWaitMs: 1000, pollMs: 20, retryBaseMs: 100, retryMaxMs: 400 },
    keep: 3,
    buildTimeoutMs: 2000,
    async build(outDir, signal) {
      counter += 1;
      builds.push(path.basename(outDir));
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, 'index.html'), `bản dựng ${counter}`);
      await sleep(options.buildMs ?? 30, undefined, { signal });
      if (options.failWhen?.()) throw new Error('astro build exited with 1');
    },
  });
  const served = () => readFile(path.join(releasePaths(siteRoot).current, 'index.html'), 'utf8');
  return { siteRoot, queue, builds, publisher, served };
}

describe('publisher', () => {
  it('coalesces a burst of changes into one build, and builds again for a change made during a build', async () => {
    const { queue, builds, publisher, served } = await setup({ buildMs: 300 });
    await publisher.start();
    for (let i = 0; i < 10; i += 1) {
      queue.add();
      await sleep(30);
    }
    const first = publisher.nextRelease();
    await first;
    assert.equal(builds.length, 1, 'ten changes, one build');
    assert.equal(queue.rows.length, 0);

    queue.add();
    await sleep(250);
    assert.equal(builds.length, 2, 'the second build is running');
    queue.add(); // arrives during the build: not carried by it
    const afterIt = publisher.nextRelease();
    await afterIt;
    assert.equal(builds.length, 3, 'the change made during a build got a build of its own');
    assert.equal(queue.rows.length, 0);
    assert.equal(await served(), 'bản dựng 3');
    await publisher.stop();
  });

  it('keeps serving the last good release when a build fails, then retries with backoff', async () => {
    let failing = false;
    const { siteRoot, queue, builds, publisher, served } = await setup({ failWhen: () => failing });
    await publisher.start('first start');
    await publisher.nextRelease();
    const good = await currentRelease(siteRoot);
    failing = true;
    queue.add();
    while (builds.length < 3) await sleep(20);
    assert.equal(await currentRelease(siteRoot), good);
    assert.equal(await served(), 'bản dựng 1');
    assert.deepEqual(await listReleases(siteRoot), [good], 'failed builds leave no folder behind');
    const state = await readPublisherState(siteRoot);
    assert.match(state?.lastFailure?.error ?? '', /astro build exited with 1/);
    assert.ok((state?.lastFailure?.attempts ?? 0) >= 1);
    assert.equal(queue.rows.length, 1, 'the change stays queued');

    failing = false;
    while ((await currentRelease(siteRoot)) === good) await sleep(20);
    await sleep(50);
    assert.notEqual(await currentRelease(siteRoot), good);
    assert.equal(queue.rows.length, 0);
    await publisher.stop();
  });

  it('a stopped publisher kills its build and serves nothing half-built; a restarted one takes over the claimed changes at once and stops a build that takes too long', async () => {
    const slow = await setup({ buildMs: 5000 });
    await slow.publisher.start('first start');
    await sleep(100);
    slow.queue.add();
    await slow.publisher.stop(); // kills the build in progress
    assert.equal(await currentRelease(slow.siteRoot), undefined);
    assert.equal(slow.queue.rows.length, 1);

    const restarted = new Publisher({
      siteRoot: slow.siteRoot,
      queue: slow.queue,
      timing: { quietMs: 150, maxWaitMs: 1000, pollMs: 20, retryBaseMs: 100, retryMaxMs: 400 },
      keep: 3,
      buildTimeoutMs: 200,
      async build(outDir, signal) {
        await mkdir(outDir, { recursive: true });
        await sleep(signal.aborted ? 0 : 1000, undefined, { signal });
      },
    });
    await restarted.start();
    await sleep(400);
    const state = await readPublisherState(slow.siteRoot);
    assert.match(state?.lastFailure?.error ?? '', /longer than 200 ms/);
    assert.equal(await currentRelease(slow.siteRoot), undefined);
    await restarted.stop();
  });
});
