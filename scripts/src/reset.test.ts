import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RESET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reset.ts');

/** Runs `npm run reset` as a person would, on a throwaway data folder. */
function reset(args: string[], dataDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [RESET, ...args],
      { env: { ...process.env, PORTAL_DATA_DIR: dataDir } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe('npm run reset', () => {
  const withDataDir = async (run: (dir: string) => Promise<void>) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'reset-'));
    const dir = path.join(root, 'data');
    await mkdir(dir);
    await writeFile(path.join(dir, 'secrets.json'), '{}');
    try {
      await run(dir);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  };

  it('deletes nothing without --yes and says how to confirm', () =>
    withDataDir(async (dir) => {
      const { code, stderr } = await reset([], dir);
      assert.equal(code, 2);
      assert.match(stderr, /--yes/);
      assert.ok(existsSync(path.join(dir, 'secrets.json')));
    }));

  it('refuses an unknown flag and deletes nothing', () =>
    withDataDir(async (dir) => {
      const { code, stderr } = await reset(['--yes', '--force'], dir);
      assert.equal(code, 2);
      assert.match(stderr, /Unknown option '--force'/);
      assert.ok(existsSync(path.join(dir, 'secrets.json')));
    }));

  it('deletes the data folder with --yes', () =>
    withDataDir(async (dir) => {
      const { code } = await reset(['--yes'], dir);
      assert.equal(code, 0);
      assert.equal(existsSync(dir), false);
    }));
});
