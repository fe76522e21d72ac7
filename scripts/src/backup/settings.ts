/**
 * Settings of `npm run backup` / `restore` / `reset --backup`, from the environment (and .env).
 * Every variable is listed in .env.example and the README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, parseStartConfig, REPO_ROOT } from '../config.ts';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const BackupSettingsSchema = z.object({
  /** Folder of the archives; relative to the repository. Default: `backups/` in the data folder. */
  PORTAL_BACKUP_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /** Passphrase the archives are encrypted with (scrypt → AES-256-GCM). Unset: the one npm start generated into secrets.json. */
  PORTAL_BACKUP_KEY: z.preprocess(
    blankAsUndefined,
    z.string().min(16, 'PORTAL_BACKUP_KEY phải dài ít nhất 16 ký tự / must be at least 16 characters long').optional(),
  ),
  /** How many archives `npm run backup` keeps in PORTAL_BACKUP_DIR (the oldest beyond are deleted). */
  PORTAL_BACKUP_KEEP: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: 'PORTAL_BACKUP_KEEP phải là số nguyên ≥ 1 / must be a whole number ≥ 1' })
      .int({ error: 'PORTAL_BACKUP_KEEP phải là số nguyên ≥ 1 / must be a whole number ≥ 1' })
      .min(1, { error: 'PORTAL_BACKUP_KEEP phải là số nguyên ≥ 1 / must be a whole number ≥ 1' })
      .default(7),
  ),
  /** Folder of pg_dump, pg_restore and psql; unset: found on PATH. */
  PORTAL_PG_BIN_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
});

export interface BackupSettings {
  dataDir: string;
  backupDir: string;
  key?: string;
  /** Where the key came from: the environment, or the secrets file `npm start` generated it into. */
  keySource?: 'env' | 'secrets';
  keep: number;
  indexPrefix: string;
}

export function parseBackupSettings(env: NodeJS.ProcessEnv, root?: string): BackupSettings {
  const start = parseStartConfig(env, root);
  const parsed = BackupSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid settings:\n${lines.join('\n')}`);
  }
  const backupDir = parsed.data.PORTAL_BACKUP_DIR
    ? path.resolve(root ?? REPO_ROOT, parsed.data.PORTAL_BACKUP_DIR)
    : path.join(start.dataDir, 'backups');
  const stored = parsed.data.PORTAL_BACKUP_KEY ? undefined : storedBackupKey(start.dataDir);
  const key = parsed.data.PORTAL_BACKUP_KEY ?? stored;
  return {
    dataDir: start.dataDir,
    backupDir,
    ...(key ? { key, keySource: stored ? ('secrets' as const) : ('env' as const) } : {}),
    keep: parsed.data.PORTAL_BACKUP_KEEP,
    indexPrefix: start.MEILI_INDEX_PREFIX,
  };
}

/** The backup key `npm start` generated into the data folder's secrets.json, if there is one. */
function storedBackupKey(dataDir: string): string | undefined {
  try {
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, unknown>;
    const key = stored['PORTAL_BACKUP_KEY'];
    return typeof key === 'string' && key.length >= 16 ? key : undefined;
  } catch {
    return undefined;
  }
}
