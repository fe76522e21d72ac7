import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { forgetHandedOutSecrets, loadOrCreateSecrets, SECRET_NAMES } from './secrets.ts';

describe('loadOrCreateSecrets', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'secrets-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates every secret on first start into a file only the owner can read', async () => {
    const first = await loadOrCreateSecrets(dir, {});
    assert.deepEqual(first.generated.sort(), [...SECRET_NAMES].sort());
    assert.equal((await stat(first.file)).mode & 0o777, 0o600);
    assert.equal(first.secrets.APP_KEYS.split(',').length, 4);
    assert.match(first.secrets.PORTAL_ADMIN_PASSWORD, /[a-z]/);
    assert.match(first.secrets.PORTAL_ADMIN_PASSWORD, /[A-Z]/);
    assert.match(first.secrets.PORTAL_ADMIN_PASSWORD, /\d/);
    assert.ok(first.secrets.MEILI_MASTER_KEY.length >= 16);
  });

  it('reuses the same secrets on the next start and generates nothing', async () => {
    const again = await loadOrCreateSecrets(dir, {});
    const stored = z.record(z.string(), z.string()).parse(JSON.parse(await readFile(again.file, 'utf8')));
    assert.deepEqual(again.generated, []);
    assert.equal(again.secrets.ADMIN_JWT_SECRET, stored.ADMIN_JWT_SECRET);
  });

  it('lets the environment override a stored secret without writing it to the file', async () => {
    const loaded = await loadOrCreateSecrets(dir, { ADMIN_JWT_SECRET: 'from-the-vault' });
    assert.equal(loaded.secrets.ADMIN_JWT_SECRET, 'from-the-vault');
    assert.doesNotMatch(await readFile(loaded.file, 'utf8'), /from-the-vault/);
  });

  it('refuses a damaged secrets file instead of silently replacing the secrets', async () => {
    const damaged = await mkdtemp(path.join(os.tmpdir(), 'secrets-bad-'));
    await writeFile(path.join(damaged, 'secrets.json'), '{ not json');
    await assert.rejects(loadOrCreateSecrets(damaged, {}), /damaged/);
    await rm(damaged, { recursive: true, force: true });
  });

  it('forgets the first admin password once it is handed out, and never makes a new one', async () => {
    const own = await mkdtemp(path.join(os.tmpdir(), 'secrets-once-'));
    try {
      const first = await loadOrCreateSecrets(own, {});
      assert.ok(first.secrets.PORTAL_ADMIN_PASSWORD);
      await forgetHandedOutSecrets(first.file);
      const stored = await readFile(first.file, 'utf8');
      assert.doesNotMatch(stored, new RegExp(first.secrets.PORTAL_ADMIN_PASSWORD));
      assert.equal((await stat(first.file)).mode & 0o777, 0o600);
      const again = await loadOrCreateSecrets(own, {});
      assert.equal(again.secrets.PORTAL_ADMIN_PASSWORD, '');
      assert.deepEqual(again.generated, []);
      assert.equal(again.secrets.APP_KEYS, first.secrets.APP_KEYS);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
