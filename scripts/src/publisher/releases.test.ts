import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  activateRelease,
  completeRelease,
  currentRelease,
  listReleases,
  prepareRelease,
  pruneReleases,
  releaseName,
  releasePaths,
  readRollback,
  rollbackRelease,
} from './releases.ts';

const roots: string[] = [];
after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function siteRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'releases-test-'));
  roots.push(root);
  return root;
}

/** A complete release with one page saying `text`. */
async function release(root: string, at: number, text: string): Promise<string> {
  const { name, dir } = await prepareRelease(root, new Date(at));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), text);
  await completeRelease(root, name);
  return name;
}

const served = (root: string) => readFile(path.join(releasePaths(root).current, 'index.html'), 'utf8');

describe('site releases', () => {
  it('names releases by time so they sort, with a suffix for the same millisecond', () => {
    const date = new Date('2026-12-02T13:25:01.123Z');
    assert.equal(releaseName(date), '2026-12-02T13-25-01-123Z');
    assert.equal(releaseName(date, ['2026-12-02T13-25-01-123Z']), '2026-12-02T13-25-01-123Z-2');
  });

  it('serves nothing before the first switch, then exactly the release switched to', async () => {
    const root = await siteRoot();
    assert.equal(await currentRelease(root), undefined);
    const first = await release(root, Date.parse('2026-12-02T10:00:00Z'), 'một');
    await activateRelease(root, first);
    assert.equal(await served(root), 'một');
    const second = await release(root, Date.parse('2026-12-02T10:05:00Z'), 'hai');
    assert.equal(await served(root), 'một', 'a completed build is not served until switched');
    await activateRelease(root, second);
    assert.equal(await served(root), 'hai');
    assert.equal(await readlink(releasePaths(root).current), path.join('releases', second), 'a relative link');
    assert.deepEqual(
      (await readdir(root)).filter((name) => name.startsWith('.current-')),
      [],
      'no temporary link is left',
    );
  });

  it('makes the site folders readable by a web server, even under a private umask', async () => {
    const root = await siteRoot();
    const previous = process.umask(0o077);
    try {
      await prepareRelease(root);
    } finally {
      process.umask(previous);
    }
    assert.equal((await stat(root)).mode & 0o777, 0o755);
    assert.equal((await stat(releasePaths(root).releases)).mode & 0o777, 0o755);
  });

  it('never switches to a partial build or a release that does not exist', async () => {
    const root = await siteRoot();
    const good = await release(root, Date.parse('2026-12-02T10:00:00Z'), 'tốt');
    await activateRelease(root, good);
    const { name, dir } = await prepareRelease(root, new Date('2026-12-02T11:00:00Z'));
    await mkdir(dir);
    await writeFile(path.join(dir, 'index.html'), 'dở dang');
    assert.deepEqual(await listReleases(root), [good]);
    await assert.rejects(activateRelease(root, name), /No complete release/);
    await assert.rejects(activateRelease(root, '../../etc'), /No complete release/);
    assert.equal(await served(root), 'tốt');
  });

  it('keeps the newest N releases and always the current one', async () => {
    const root = await siteRoot();
    const names: string[] = [];
    for (let i = 0; i < 7; i += 1) names.push(await release(root, Date.UTC(2026, 11, 2, 10, i), `bản ${i}`));
    await activateRelease(root, names[1] as string);
    const removed = await pruneReleases(root, 3);
    assert.deepEqual(await listReleases(root), [names[1], ...names.slice(4)]);
    assert.deepEqual(removed.sort(), [names[0], names[2], names[3]].sort());
  });

  it('rolls back one release at a time, and refuses past the oldest', async () => {
    const root = await siteRoot();
    const a = await release(root, Date.UTC(2026, 11, 2, 9), 'A');
    const b = await release(root, Date.UTC(2026, 11, 2, 10), 'B');
    await activateRelease(root, b);
    const at = Date.UTC(2026, 11, 2, 11);
    assert.deepEqual(await rollbackRelease(root, at), { at, from: b, to: a });
    assert.equal(await served(root), 'A');
    assert.deepEqual(await readRollback(root), { at, from: b, to: a }, 'recorded for the publisher and site:status');
    await assert.rejects(rollbackRelease(root), /oldest release/);
    await assert.rejects(rollbackRelease(await siteRoot()), /No release is served yet/);
  });
});
