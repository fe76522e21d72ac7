import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { restrictDataFolder, writeFirstAdminFile } from './data-folder.ts';
import { startProcess } from './services/index.ts';

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('the data folder', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'data-folder-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is tightened to 0700 folders and 0600 files when an older version left it readable', async () => {
    const data = path.join(dir, 'old');
    await mkdir(path.join(data, 'cms', 'public', 'uploads'), { recursive: true, mode: 0o755 });
    await writeFile(path.join(data, 'cms', 'data.db'), 'db', { mode: 0o644 });
    await writeFile(path.join(data, 'cms', 'public', 'uploads', 'a.pdf'), 'pdf', { mode: 0o644 });
    await chmod(data, 0o755);
    const counts = await restrictDataFolder(data);
    assert.deepEqual(counts, { folders: 4, files: 2 });
    assert.equal(await mode(data), 0o700);
    assert.equal(await mode(path.join(data, 'cms', 'public', 'uploads')), 0o700);
    assert.equal(await mode(path.join(data, 'cms', 'data.db')), 0o600);
    assert.equal(await mode(path.join(data, 'cms', 'public', 'uploads', 'a.pdf')), 0o600);
  });

  it('leaves the built public site alone (a web server may read it, and it can hold 100k files)', async () => {
    const data = path.join(dir, 'with-site');
    await mkdir(path.join(data, 'site', 'releases', 'r1'), { recursive: true, mode: 0o755 });
    await writeFile(path.join(data, 'site', 'releases', 'r1', 'index.html'), '<h1>', { mode: 0o644 });
    await writeFile(path.join(data, 'secrets.json'), '{}', { mode: 0o644 });
    await restrictDataFolder(data, { except: [path.join(data, 'site')] });
    assert.equal(await mode(path.join(data, 'secrets.json')), 0o600);
    assert.equal(await mode(path.join(data, 'site', 'releases', 'r1')), 0o755);
    assert.equal(await mode(path.join(data, 'site', 'releases', 'r1', 'index.html')), 0o644);
  });

  it("gets the services' files and logs as the owner's only", async () => {
    const logFile = path.join(dir, 'logs', 'service.log');
    const created = path.join(dir, 'made-by-service');
    const service = await startProcess({
      name: 'touch',
      command: '/bin/sh',
      args: ['-c', `echo hello > "${created}"`],
      cwd: dir,
      env: { PATH: process.env.PATH },
      logFile,
      umask: 0o077,
    });
    assert.equal(await service.exited, 0);
    assert.equal(await mode(created), 0o600);
    assert.equal(await mode(logFile), 0o600);
    assert.equal(await mode(path.dirname(logFile)), 0o700);
  });

  it('hands the first admin login over in a file only the owner can read', async () => {
    const file = await writeFirstAdminFile(dir, { email: 'quantri@portal.local', password: 'Qt-Secret-7a' });
    assert.equal(await mode(file), 0o600);
    assert.equal(await mode(path.dirname(file)), 0o700);
  });
});
