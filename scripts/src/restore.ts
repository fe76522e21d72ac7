/**
 * `npm run restore -- <file> [--force]`: puts a backup back, after checking all of it.
 * `npm run restore -- <file> --check`: only checks it (key, every chunk and checksum), writes nothing.
 * Refuses while the portal runs, and over existing data without --force (which moves that data aside).
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadDotEnv } from './config.ts';
import { EXIT, operatorPath, parseCommandLine, runCommand, UsageError } from './backup/cli.ts';
import { restoreBackup, verifyBackup } from './backup/restore.ts';
import { parseBackupSettings } from './backup/settings.ts';

export const RESTORE_USAGE =
  'Cách dùng / Usage: npm run restore -- <tệp/file.pbak> [--force]\n' +
  '                  npm run restore -- <tệp/file.pbak> --check';

const ArgsSchema = z
  .object({
    force: z.boolean().default(false),
    check: z.boolean().default(false),
    help: z.boolean().default(false),
    positionals: z.array(z.string()),
  })
  .refine((args) => args.help || args.positionals.length === 1, {
    message: 'Cần đúng một tệp sao lưu / Give exactly one backup file',
  })
  .refine((args) => !(args.force && args.check), { message: '--check không đi cùng --force / --check writes nothing' });

const say = (line: string) => console.log(`[khôi phục] ${line}`);

runCommand('khôi phục', async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      force: { type: 'boolean' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    ArgsSchema,
    RESTORE_USAGE,
  );
  if (args.help) {
    console.log(RESTORE_USAGE);
    return EXIT.ok;
  }
  loadDotEnv();
  const settings = parseBackupSettings(process.env);
  const file = operatorPath(args.positionals[0]!);
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp sao lưu / Backup file not found: ${file}`);
  if (args.check) {
    const manifest = await verifyBackup(file, settings.key, say);
    say(`Hợp lệ / Valid: ${file}`);
    say(`  tạo lúc / made ${manifest.createdAt}; ${manifest.database.client}; ${manifest.parts.length} tệp/files`);
    for (const [uid, c] of Object.entries(manifest.counts))
      say(`  ${uid}: ${c.entries} (${c.published} đã xuất bản/published)`);
    return EXIT.ok;
  }
  const result = await restoreBackup(settings, process.env, file, { force: args.force, log: say });
  say(
    `Đã khôi phục / Restored in ${result.seconds.total.toFixed(1)} s (kiểm tra / verified in ${result.seconds.verify.toFixed(1)} s).`,
  );
  if (result.setAside)
    say(`  Dữ liệu trước đó / The previous data: ${result.setAside} (xóa khi đã chắc chắn / delete it when satisfied)`);
  say('  Chạy / Run `npm start`: chỉ mục tìm kiếm được dựng lại từ CMS / the search index is rebuilt from the CMS.');
  return EXIT.ok;
});
