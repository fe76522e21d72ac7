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
  snapshot() {
    const open = this.rows.filter((r) => r.claim === null);
    const ages = open.map((r) => Date.now() - r.at);
    return Promise.resolve({
      pending: this.rows.length,
      unclaimed: open.length,
      oldestAgeMs: ages.length ? Math.max(...ages) : null,
      newestAgeMs: ages.length ? Math.min(...ages) : null,
    });
  }
  claim(build: string) {
    for (const row of this.rows) row.claim = build;
    return Promise.resolve(this.rows.length);
  }
  done(build: string) {
    const before = this.rows.length;
    this.rows = this.rows.filter((r) => r.claim !== build);
    return Promise.resolve(before - this.rows.length);
  }
}

const roots: string[] = [];
const publishers: Publisher[] = [];
after(async () => {
  // Stopped even when a test failed half-way, so the process can end.
  for (const publisher of publishers) await publisher.stop();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** Polls until `check` holds; fails (instead of hanging) after 15 s. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting until ${what}`);
    await sleep(5);
  }
}
const TIMING = { quietMs: 400, maxWaitMs: 3000, pollMs: 20, retryBaseMs: 100, retryMaxMs: 400 };

async function setup(options: { failWhen?: () => boolean; buildMs?: number } = {}) {
  const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'publisher-test-'));
  roots.push(siteRoot);
  const queue = new MemoryQueue();
  const builds: string[] = [];
  let counter = 0;
  const publisher = new Publisher({
    siteRoot,
    queue,
    timing: TIMING,
    keep: 3,
    buildTimeoutMs: 10_000,
    async build(outDir, signal) {
      counter += 1;
      builds.push(path.basename(outDir));
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, 'index.html'), `bản dựng ${counter}`);
      await sleep(options.buildMs ?? 30, undefined, { signal });
      if (options.failWhen?.()) throw new Error('astro build exited with 1');
    },
  });
  publishers.push(publisher);
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
    await until('the burst is built', () => builds.length === 1 && queue.rows.length === 0);
    await sleep(600);
    assert.equal(builds.length, 1, 'ten changes, one build');

    queue.add();
    await until('the second build started', () => builds.length === 2);
    queue.add(); // arrives during the build: not carried by it
    await until('the change made during a build is built', () => queue.rows.length === 0 && builds.length === 3);
    assert.equal(builds.length, 3, 'the change made during a build got a build of its own');
    await until('the third release is served', async () => (await served()) === 'bản dựng 3');
    await publisher.stop();
  });

  it('keeps serving the last good release when a build fails, then retries with backoff', async () => {
    let failing = false;
    const { siteRoot, queue, builds, publisher, served } = await setup({ failWhen: () => failing });
    const first = publisher.nextRelease();
    await publisher.start('first start');
    await first;
    const good = await currentRelease(siteRoot);
    failing = true;
    queue.add();
    await until('two builds failed', () => builds.length >= 3);
    assert.equal(await currentRelease(siteRoot), good);
    assert.equal(await served(), 'bản dựng 1');
    assert.deepEqual(await listReleases(siteRoot), [good], 'failed builds leave no folder behind');
    const state = await readPublisherState(siteRoot);
    assert.match(state?.lastFailure?.error ?? '', /astro build exited with 1/);
    assert.ok((state?.lastFailure?.attempts ?? 0) >= 1);
    assert.equal(queue.rows.length, 1, 'the change stays queued');

    failing = false;
    await until('a retry succeeded', async () => (await currentRelease(siteRoot)) !== good && queue.rows.length === 0);
    assert.notEqual(await currentRelease(siteRoot), good);
    assert.equal(queue.rows.length, 0);
    await publisher.stop();
  });

  it('a stopped publisher kills its build and serves nothing half-built; a restarted one takes over the claimed changes at once and stops a build that takes too long', async () => {
    const slow = await setup({ buildMs: 5000 });
    await slow.publisher.start('first start');
    await until('the first build started', () => slow.builds.length === 1);
    slow.queue.add();
    await slow.publisher.stop(); // kills the build in progress
    assert.equal(await currentRelease(slow.siteRoot), undefined);
    assert.equal(slow.queue.rows.length, 1);

    const restarted = new Publisher({
      siteRoot: slow.siteRoot,
      queue: slow.queue,
      timing: TIMING,
      keep: 3,
      buildTimeoutMs: 200,
      async build(outDir, signal) {
        await mkdir(outDir, { recursive: true });
        await sleep(signal.aborted ? 0 : 1000, undefined, { signal });
      },
    });
    publishers.push(restarted);
    await restarted.start();
    await until('the slow build was stopped', async () =>
      /longer than 200 ms/.test((await readPublisherState(slow.siteRoot))?.lastFailure?.error ?? ''),
    );
    assert.equal(await currentRelease(slow.siteRoot), undefined);
    await restarted.stop();
  });

  it('gives a build the entries its claim carries, and none to the forced build at start-up', async () => {
    const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'publisher-test-'));
    roots.push(siteRoot);
    const queue = new MemoryQueue();
    const listed = Object.assign(queue, {
      claimWithChanges: async (build: string) => ({
        claimed: await queue.claim(build),
        changes: [{ uid: 'api::article.article', documentId: `a${queue.rows.length}` }],
      }),
    });
    const given: Array<unknown> = [];
    const publisher = new Publisher({
      siteRoot,
      queue: listed,
      timing: TIMING,
      keep: 3,
      buildTimeoutMs: 10_000,
      async build(outDir, _signal, changes) {
        given.push(changes);
        await mkdir(outDir, { recursive: true });
        await writeFile(path.join(outDir, 'index.html'), 'bản dựng');
      },
    });
    publishers.push(publisher);
    queue.add(2);
    await publisher.start('start-up');
    await until('the forced build and the queued one ran', () => given.length >= 1 && queue.rows.length === 0);
    assert.deepEqual(given[0], null, 'the start-up build reads everything, though it claimed two changes');
    queue.add();
    await until('the change is built', () => given.length === 2);
    assert.deepEqual(given[1], [{ uid: 'api::article.article', documentId: 'a1' }]);
    await publisher.stop();
  });
});
