/**
 * What `npm run backup`, `restore` and `reset` share on the command line: flags parsed strictly and
 * validated with zod, one message for the person typing (Vietnamese / English), never a stack trace for
 * their mistake, and exit codes a cron job or a script can act on.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type z } from 'zod';
import { ConfigError } from '../config.ts';
import { PortalLockedError } from '../portal-lock.ts';
import { ArchiveError } from './archive.ts';
import { RestoreRefused } from './restore.ts';

export const EXIT = {
  ok: 0,
  /** Something failed that the operator did not cause (disk full, pg_dump failed…): see the message. */
  failed: 1,
  /** Wrong flags or settings. */
  usage: 2,
  /** The archive is refused: damaged, truncated, wrong key, not an archive, unknown format. */
  archiveRefused: 3,
  /** Refused for safety: the portal is running, or the data folder is not empty without --force. */
  refused: 4,
} as const;

export class UsageError extends Error {}

/** A path the operator typed: npm runs scripts from the repository root, so relative to where they typed it. */
export function operatorPath(typed: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), typed);
}

/** parseArgs (unknown flags refused) then the zod schema; throws UsageError with the usage text. */
export function parseCommandLine<T extends z.ZodType>(
  argv: string[],
  options: ParseArgsConfig['options'],
  schema: T,
  usage: string,
): z.infer<T> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) throw new UsageError(`${result.error.issues.map((i) => i.message).join('\n')}\n${usage}`);
  return result.data;
}

/** Runs a command's main and turns every error into a message and an exit code. */
export function runCommand(label: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? EXIT.ok),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      let code: number = EXIT.failed;
      if (error instanceof UsageError || error instanceof ConfigError) code = EXIT.usage;
      else if (error instanceof ArchiveError) code = EXIT.archiveRefused;
      else if (error instanceof PortalLockedError || error instanceof RestoreRefused) code = EXIT.refused;
      if (error instanceof ArchiveError) {
        const vi: Record<ArchiveError['reason'], string> = {
          'not-an-archive': 'Tệp này không phải bản sao lưu của cổng',
          unsupported: 'Bản sao lưu có định dạng mới hơn phiên bản này',
          'key-needed': 'Bản sao lưu được mã hóa: cần PORTAL_BACKUP_KEY',
          'wrong-key': 'Sai khóa: PORTAL_BACKUP_KEY không phải khóa của bản sao lưu này',
          damaged: 'Bản sao lưu bị hỏng hoặc bị sửa đổi',
          truncated: 'Bản sao lưu bị cắt cụt (thiếu phần cuối)',
        };
        console.error(
          `[${label}] ${vi[error.reason]}. / ${message}.\n[${label}] Không có gì bị thay đổi / Nothing was changed.`,
        );
      } else {
        console.error(`[${label}] ${message}`);
        // An unexpected failure keeps its stack for a bug report, on request only.
        if (code === EXIT.failed && process.env.PORTAL_DEBUG && error instanceof Error) console.error(error.stack);
      }
      process.exit(code);
    },
  );
}
