/**
 * Settings of `npm run backup` / `restore` / `reset --backup`, from the environment (and .env).
 * Every variable is listed in .env.example and the README.
 */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, parseStartConfig, REPO_ROOT } from '../config.ts';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const BackupSettingsSchema = z.object({
  /** Folder of the archives; relative to the repository. Default: `backups/` in the data folder. */
  PORTAL_BACKUP_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /** Passphrase the archives are encrypted with (scrypt → AES-256-GCM). Unset: archives are not encrypted. */
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
  return {
    dataDir: start.dataDir,
    backupDir,
    key: parsed.data.PORTAL_BACKUP_KEY,
    keep: parsed.data.PORTAL_BACKUP_KEEP,
    indexPrefix: start.MEILI_INDEX_PREFIX,
  };
}
