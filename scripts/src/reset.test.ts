import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { acquirePortalLock } from './portal-lock.ts';

const RESET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reset.ts');

/** Runs `npm run reset` as a person would, on a throwaway data folder. */
function reset(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [RESET, ...args],
      {
        env: {
          ...process.env,
          PORTAL_DATA_DIR: dataDir,
          DATABASE_CLIENT: 'sqlite',
          DATABASE_FILENAME: '',
          PORTAL_BACKUP_DIR: '',
          PORTAL_BACKUP_KEY: '',
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run reset', () => {
  const withDataDir = async (run: (dir: string) => Promise<void>) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'reset-'));
    const dir = path.join(root, 'data');
    await mkdir(path.join(dir, 'cms', 'public', 'uploads'), { recursive: true });
    await writeFile(path.join(dir, 'secrets.json'), '{}');
    await writeFile(path.join(dir, 'cms', 'public', 'uploads', 'a.txt'), 'tệp');
    const db = new DatabaseSync(path.join(dir, 'cms', 'data.db'));
    db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, document_id TEXT, published_at TEXT)');
    db.close();
    try {
      await run(dir);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  };

  for (const args of [[], ['--yes']]) {
    it(`deletes nothing with ${args.join(' ') || 'no flags'} and says to choose --backup or --no-backup`, () =>
      withDataDir(async (dir) => {
        const { code, stderr } = await reset(args, dir);
        assert.equal(code, 2);
        assert.match(stderr, /--backup hoặc --no-backup/);
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
        assert.ok(existsSync(path.join(dir, 'secrets.json')));
      }));
  }

  it('refuses an unknown flag and deletes nothing', () =>
    withDataDir(async (dir) => {
      const { code, stderr } = await reset(['--no-backup', '--force'], dir);
      assert.equal(code, 2);
      assert.match(stderr, /Unknown option '--force'/);
      assert.ok(existsSync(path.join(dir, 'secrets.json')));
    }));

  it('refuses while the portal runs (its lock names a live process) and deletes nothing', () =>
    withDataDir(async (dir) => {
      const lock = await acquirePortalLock(dir, 'start');
      try {
        const { code, stderr } = await reset(['--no-backup'], dir);
        assert.equal(code, 4);
        assert.match(stderr, /Cổng đang chạy/);
        assert.ok(existsSync(path.join(dir, 'secrets.json')));
      } finally {
        await lock.release();
      }
    }));

  it('deletes the data with --no-backup', () =>
    withDataDir(async (dir) => {
      const { code } = await reset(['--no-backup'], dir);
      assert.equal(code, 0);
      assert.deepEqual(await readdir(dir), []);
    }));

  it('with --backup, takes an archive first and keeps the backup folder', () =>
    withDataDir(async (dir) => {
      const { code, stdout } = await reset(['--backup'], dir);
      assert.equal(code, 0, stdout);
      assert.deepEqual(await readdir(dir), ['backups']);
      const archives = await readdir(path.join(dir, 'backups'));
      assert.equal(archives.length, 1);
      assert.match(archives[0]!, /^portal-\d{8}T\d{6}Z\.pbak$/);
    }));
});
