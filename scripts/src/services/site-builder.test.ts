import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { SiteBuilder } from './site-builder.ts';

/**
 * A stand-in for site-builder-process.ts that speaks its protocol without building: the build's MODE
 * says what it does (ok, fail, hang, crash); each answer says which process and which of its builds.
 */
const FAKE = `
let builds = 0;
process.on('disconnect', () => process.exit(0));
process.on('message', ({ id, env }) => {
  builds += 1;
  console.log('building ' + env.MODE + ' in ' + process.pid + ', build ' + builds + ' of this process');
  if (env.MODE === 'ok') process.send({ type: 'built', id, rss: Number(env.RSS ?? 1) });
  if (env.MODE === 'fail') process.send({ type: 'failed', id, message: 'the CMS answered 401' });
  if (env.MODE === 'crash') process.exit(3);
});
`;

let dir: string;
let script: string;
let log: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'site-builder-'));
  script = path.join(dir, 'fake-builder.cjs');
  log = path.join(dir, 'logs', 'build.log');
  await writeFile(script, FAKE);
});
after(() => rm(dir, { recursive: true, force: true }));

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the long-lived site builder', () => {
  it('runs build after build in one process, framed in the log as one-shot builds are', async () => {
    const builder = new SiteBuilder({ cwd: dir, idleMs: 60_000, script });
    try {
      await builder.build({ MODE: 'ok' }, log);
      const pid = builder.pid;
      await builder.build({ MODE: 'ok' }, log);
      assert.equal(builder.pid, pid, 'the same process');
      const text = await readFile(log, 'utf8');
      assert.match(text, new RegExp(`building ok in ${pid}, build 2 of this process`));
      assert.equal(text.match(/^--- \S+ Site build starting: build \d of the site builder/gm)?.length, 2);
      assert.equal(text.match(/^--- Site build exited \(0\); site builder RSS [\d.]+ GB$/gm)?.length, 2);
    } finally {
      await builder.close();
    }
  });

  it('fails a build with the log tail and replaces the process after a failure or a crash', async () => {
    const builder = new SiteBuilder({ cwd: dir, idleMs: 60_000, script });
    try {
      await builder.build({ MODE: 'ok' }, log);
      const first = builder.pid;
      await assert.rejects(builder.build({ MODE: 'fail' }, log), /Site build failed \(the CMS answered 401\)/);
      assert.equal(builder.pid, undefined);
      assert.equal(alive(first), false, 'the failed process is gone');
      await assert.rejects(builder.build({ MODE: 'crash' }, log), /Site build failed \(exit 3\)[\s\S]*building crash/);
      await builder.build({ MODE: 'ok' }, log);
      assert.notEqual(builder.pid, first, 'a new process');
      assert.match(await readFile(log, 'utf8'), /^--- Site build exited \(1\)$[\s\S]*^--- Site build exited \(3\)$/m);
    } finally {
      await builder.close();
    }
  });

  it('kills the process when the build is aborted (a timeout, the publisher stopping)', async () => {
    const builder = new SiteBuilder({ cwd: dir, idleMs: 60_000, script });
    try {
      const abort = new AbortController();
      const build = builder.build({ MODE: 'hang' }, log, abort.signal);
      await sleep(300);
      const pid = builder.pid;
      assert.equal(alive(pid), true);
      abort.abort(new Error('the build timed out'));
      await assert.rejects(build, /the build timed out/);
      assert.equal(alive(pid), false);
      await builder.build({ MODE: 'ok' }, log);
    } finally {
      await builder.close();
    }
  });

  it('ends the process when idle, and replaces it after its build count or memory', async () => {
    const idle = new SiteBuilder({ cwd: dir, idleMs: 200, script });
    await idle.build({ MODE: 'ok' }, log);
    const pid = idle.pid;
    await sleep(1_000);
    assert.equal(idle.pid, undefined);
    assert.equal(alive(pid), false, 'gone after 200 ms without a build');

    const counted = new SiteBuilder({ cwd: dir, idleMs: 60_000, maxBuilds: 2, maxRssBytes: 1_000, script });
    try {
      await counted.build({ MODE: 'ok' }, log);
      const first = counted.pid;
      await counted.build({ MODE: 'ok' }, log);
      assert.equal(counted.pid, undefined, 'replaced after two builds');
      assert.equal(alive(first), false);
      await counted.build({ MODE: 'ok', RSS: '2000' }, log);
      assert.equal(counted.pid, undefined, 'replaced once above its memory limit');
    } finally {
      await counted.close();
    }
  });
});
