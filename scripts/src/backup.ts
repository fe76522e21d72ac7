/**
 * `npm run backup [-- --out <file>]`: one archive with a consistent copy of the CMS database, the uploads
 * and the secrets, encrypted with PORTAL_BACKUP_KEY (from the environment, else the one npm start generated
 * into secrets.json); safe while the portal runs. Without --out it
 * goes to PORTAL_BACKUP_DIR (default .data/backups) and only the newest PORTAL_BACKUP_KEEP are kept.
 */
import { z } from 'zod';
import { loadDotEnv } from './config.ts';
import { EXIT, operatorPath, parseCommandLine, runCommand } from './backup/cli.ts';
import { createBackup } from './backup/create.ts';
import { megabytes } from './backup/progress.ts';
import { parseBackupSettings } from './backup/settings.ts';

export const BACKUP_USAGE = 'Cách dùng / Usage: npm run backup [-- --out <tệp/file.pbak>]';

const ArgsSchema = z.object({
  out: z.string().min(1, '--out cần một đường dẫn tệp / needs a file path').optional(),
  help: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'npm run backup không nhận đối số / takes no arguments'),
});

const say = (line: string) => console.log(`[sao lưu] ${line}`);

runCommand('sao lưu', async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    ArgsSchema,
    BACKUP_USAGE,
  );
  if (args.help) {
    console.log(BACKUP_USAGE);
    return EXIT.ok;
  }
  loadDotEnv();
  const settings = parseBackupSettings(process.env);
  if (!settings.key) {
    say('Cảnh báo / Warning: PORTAL_BACKUP_KEY chưa đặt — bản sao lưu KHÔNG được mã hóa và chứa secrets.json.');
    say('  The archive is NOT encrypted and holds secrets.json: set PORTAL_BACKUP_KEY (see docs/van-hanh-sao-luu.md).');
  } else if (settings.keySource === 'secrets') {
    say(
      'Mã hóa bằng PORTAL_BACKUP_KEY trong secrets.json: hãy giữ một bản khóa này ngoài máy chủ, thiếu nó không khôi phục được.',
    );
    say(
      '  Encrypted with the PORTAL_BACKUP_KEY in secrets.json: keep a copy of it off this server, or the archive cannot be restored.',
    );
  }
  const result = await createBackup(settings, process.env, { out: args.out && operatorPath(args.out), log: say });
  const counts = Object.entries(result.manifest.counts)
    .filter(([uid]) => uid.startsWith('api::'))
    .map(([uid, c]) => `${uid.split('.')[1]} ${c.entries}`)
    .join(', ');
  say(
    `Xong / Done in ${result.seconds.total.toFixed(1)} s: ${result.file} (${megabytes(result.bytes)}${settings.key ? ', mã hóa/encrypted' : ''})`,
  );
  say(`  ${counts}; ${result.manifest.uploads.files} tệp tải lên/uploads`);
  for (const file of result.deleted)
    say(`  Đã xóa bản cũ / Deleted old archive (PORTAL_BACKUP_KEEP=${settings.keep}): ${file}`);
  return EXIT.ok;
});
