/**
 * `npm run reset -- --backup | --no-backup`: deletes the data (database, uploads, search index, secrets,
 * logs) so the next `npm start` is a first start again. One of the two flags is required: --backup takes
 * an archive first (and deletes nothing if that fails), --no-backup is the operator saying they need none.
 * Refuses while the portal runs. The backup folder (PORTAL_BACKUP_DIR) is never deleted.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EXIT, parseCommandLine, runCommand } from './backup/cli.ts';
import { createBackup } from './backup/create.ts';
import { databaseTarget } from './backup/database.ts';
import { megabytes } from './backup/progress.ts';
import { parseBackupSettings } from './backup/settings.ts';
import { ConfigError, loadDotEnv, REPO_ROOT } from './config.ts';
import { acquirePortalLock, LOCK_FILE_NAME } from './portal-lock.ts';

export const RESET_USAGE =
  'Cách dùng / Usage: npm run reset -- --backup      (sao lưu trước, rồi xóa / back up first, then delete)\n' +
  '                  npm run reset -- --no-backup   (xóa, không sao lưu / delete without a backup)';

const ArgsSchema = z
  .object({
    backup: z.boolean().default(false),
    'no-backup': z.boolean().default(false),
    /** Older spelling of the confirmation; no longer enough on its own. */
    yes: z.boolean().default(false),
    help: z.boolean().default(false),
    positionals: z.array(z.string()).max(0, 'npm run reset không nhận đối số / takes no arguments'),
  })
  .refine((args) => args.help || args.backup !== args['no-backup'], {
    message:
      'Chọn --backup hoặc --no-backup: lệnh này xóa cơ sở dữ liệu, tệp tải lên, chỉ mục, secrets và nhật ký.\n' +
      'Choose --backup or --no-backup: this deletes the database, uploads, search index, secrets and logs.',
  });

const say = (line: string) => console.log(`[xóa dữ liệu] ${line}`);

runCommand('xóa dữ liệu', async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      backup: { type: 'boolean' },
      'no-backup': { type: 'boolean' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    ArgsSchema,
    RESET_USAGE,
  );
  if (args.help) {
    console.log(RESET_USAGE);
    return EXIT.ok;
  }
  loadDotEnv();
  const settings = parseBackupSettings(process.env);
  const { dataDir } = settings;
  if (dataDir === REPO_ROOT || !path.isAbsolute(dataDir) || dataDir === path.parse(dataDir).root) {
    throw new ConfigError(`Từ chối xóa / Refusing to delete ${dataDir}`);
  }
  if (!existsSync(dataDir)) {
    say(`Không có gì để xóa / Nothing to delete: ${dataDir} does not exist.`);
    return EXIT.ok;
  }
  const lock = await acquirePortalLock(dataDir, 'reset');
  try {
    if (args.backup) {
      const result = await createBackup(settings, process.env, { log: say });
      say(`Đã sao lưu / Backed up: ${result.file} (${megabytes(result.bytes)})`);
    }
    // Everything in the data folder but the backups and our own lock (released below).
    const keep = new Set([LOCK_FILE_NAME]);
    if (path.dirname(settings.backupDir) === dataDir) keep.add(path.basename(settings.backupDir));
    for (const name of await readdir(dataDir)) {
      if (!keep.has(name)) await rm(path.join(dataDir, name), { recursive: true, force: true });
    }
    say(
      `Đã xóa dữ liệu trong / Deleted the data in ${dataDir}. Lần \`npm start\` tới là lần đầu / The next start is a first start.`,
    );
    if (keep.size > 1) say(`  Giữ lại / Kept: ${settings.backupDir}`);
    const target = databaseTarget(process.env, dataDir);
    if (target.client === 'postgres' || !target.file.startsWith(`${dataDir}${path.sep}`)) {
      say(
        '  Cơ sở dữ liệu nằm ngoài thư mục dữ liệu và không bị xóa / The database is outside the data folder: not deleted.',
      );
    }
  } finally {
    await lock.release();
  }
  return EXIT.ok;
});
