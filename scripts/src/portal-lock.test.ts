import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquirePortalLock, LOCK_FILE_NAME, liveLock, PortalLockedError } from './portal-lock.ts';

const withDir = async (run: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lock-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

describe('portal lock (portal.pid)', () => {
  it('is refused while another live process holds it, naming what it is doing', () =>
    withDir(async (dir) => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      try {
        await writeFile(
          path.join(dir, LOCK_FILE_NAME),
          JSON.stringify({ pid: other.pid, purpose: 'start', startedAt: '2026-12-02T01:00:00.000Z' }),
        );
        assert.equal((await liveLock(dir))?.pid, other.pid);
        await assert.rejects(acquirePortalLock(dir, 'restore'), (error: unknown) => {
          assert.ok(error instanceof PortalLockedError);
          assert.match(error.message, /Cổng đang chạy/);
          assert.match(error.message, /trước khi khôi phục \/ Stop it before you restore a backup/);
          return true;
        });
      } finally {
        other.kill();
      }
    }));

  it('takes over a lock left by a process that no longer exists', () =>
    withDir(async (dir) => {
      const gone = spawn(process.execPath, ['-e', '0']);
      await new Promise((resolve) => gone.once('exit', resolve));
      await writeFile(
        path.join(dir, LOCK_FILE_NAME),
        JSON.stringify({ pid: gone.pid, purpose: 'start', startedAt: '2026-12-02T01:00:00.000Z' }),
      );
      assert.equal(await liveLock(dir), undefined);
      const lock = await acquirePortalLock(dir, 'reset');
      assert.match(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8'), new RegExp(`"pid":${process.pid},`));
      await lock.release();
      assert.equal(existsSync(path.join(dir, LOCK_FILE_NAME)), false);
    }));

  it('npm start refuses to start a second portal on the same data folder', () =>
    withDir(async (dir) => {
      const lock = await acquirePortalLock(dir, 'restore');
      try {
        const start = path.join(path.dirname(fileURLToPath(import.meta.url)), 'start.ts');
        const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
          // Bounded: were the lock ignored, this would start the whole portal.
          execFile(
            process.execPath,
            [start],
            { env: { ...process.env, PORTAL_DATA_DIR: dir }, timeout: 30_000 },
            (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
          );
        });
        assert.equal(code, 1);
        assert.match(stderr, /Could not start: Đang khôi phục dữ liệu/);
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      } finally {
        await lock.release();
      }
    }));
});
