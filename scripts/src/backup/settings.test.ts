import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseBackupSettings } from './settings.ts';

describe('the backup key', () => {
  const withDataDir = async (secrets: Record<string, string> | undefined, run: (dir: string) => void) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-backup-key-'));
    try {
      if (secrets) await writeFile(path.join(dir, 'secrets.json'), JSON.stringify(secrets));
      run(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('is the one npm start generated into secrets.json when the environment has none', () =>
    withDataDir({ PORTAL_BACKUP_KEY: 'k'.repeat(43) }, (dir) => {
      const settings = parseBackupSettings({ PORTAL_DATA_DIR: dir });
      assert.equal(settings.key, 'k'.repeat(43));
      assert.equal(settings.keySource, 'secrets');
    }));

  it("is the environment's when set there", () =>
    withDataDir({ PORTAL_BACKUP_KEY: 'k'.repeat(43) }, (dir) => {
      const settings = parseBackupSettings({ PORTAL_DATA_DIR: dir, PORTAL_BACKUP_KEY: 'e'.repeat(20) });
      assert.equal(settings.key, 'e'.repeat(20));
      assert.equal(settings.keySource, 'env');
    }));

  it('is absent (an unencrypted archive, with a warning) only when neither has one', () =>
    withDataDir(undefined, (dir) => {
      const settings = parseBackupSettings({ PORTAL_DATA_DIR: dir });
      assert.equal(settings.key, undefined);
      assert.equal(settings.keySource, undefined);
    }));
});
