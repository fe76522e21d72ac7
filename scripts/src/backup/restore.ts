/**
 * Restoring a backup: the whole archive is read and checked (every chunk, every file's sha256, the
 * manifest, the database's own integrity check and its counts) into a staging folder inside the data
 * folder before anything in place is touched; then each part is renamed into place. What was there
 * before (with --force) is moved, not deleted, into `before-restore-<time>/`. The portal must be stopped:
 * the restore holds the same lock as `npm start`. On the next start the search index is rebuilt from the
 * restored CMS (the `reindex-on-start` marker).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REINDEX_MARKER } from '../data-folder.ts';
import { acquirePortalLock } from '../portal-lock.ts';
import { checkSqlite, countSqlite, databaseTarget, type Counts } from './database.ts';
import { countPostgres, postgresHasTables, restorePostgres } from './postgres.ts';
import { readArchive, type Manifest } from './payload.ts';
import { progressPrinter } from './progress.ts';
import type { BackupSettings } from './settings.ts';
import { uploadsDir } from './create.ts';

/** A refusal that leaves everything as it was; the message is for the operator. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  manifest: Manifest;
  /** Where the previous data went (only when --force replaced something). */
  setAside?: string;
  seconds: { verify: number; total: number };
}

/** Checks an archive completely without writing anything. */
export async function verifyBackup(file: string, key: string | undefined, log: (line: string) => void = () => {}) {
  const printer = progressPrinter('Đang kiểm tra / Verifying', (line) => log(`  ${line}`));
  const manifest = await readArchive(file, { key, onProgress: (p) => printer.update(p) });
  printer.finish();
  return manifest;
}

async function moveInto(source: string, destination: string): Promise<void> {
  await mkdir(path.dirname(destination), { recursive: true, mode: 0o700 });
  try {
    await rename(source, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system (DATABASE_FILENAME elsewhere): copy beside, then rename there.
    const beside = `${destination}.restoring`;
    await copyFile(source, beside);
    await rename(beside, destination);
    await rm(source, { force: true });
  }
}

/**
 * The first content type whose entries differ from the manifest's counts, if any. Only types this version
 * of the portal knows are compared: one added or removed since the backup is not a difference.
 */
function countsDiffer(expected: Counts, actual: Counts): string | undefined {
  for (const [uid, want] of Object.entries(expected)) {
    const got = actual[uid];
    if (got && (got.entries !== want.entries || got.published !== want.published)) {
      return `${uid}: ${got.entries}/${got.published} instead of ${want.entries}/${want.published}`;
    }
  }
  return undefined;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

const isNonEmptyDir = async (dir: string) => (await readdir(dir).catch(() => [])).length > 0;

export async function restoreBackup(
  settings: BackupSettings,
  env: NodeJS.ProcessEnv,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (!existsSync(file) || !(await stat(file)).isFile()) {
    throw new RestoreRefused(`Không tìm thấy tệp sao lưu / Backup file not found: ${file}`);
  }
  const target = databaseTarget(env, settings.dataDir);
  const lock = await acquirePortalLock(settings.dataDir, 'restore');
  const staging = path.join(settings.dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  try {
    // A staging folder left by a restore that was killed (we hold the lock: no other restore runs).
    for (const name of await readdir(settings.dataDir)) {
      if (name.startsWith('.restore-')) await rm(path.join(settings.dataDir, name), { recursive: true, force: true });
    }
    // What is in place now, and whether replacing it was asked for (refused before the long part).
    const uploads = uploadsDir(settings.dataDir);
    const secretsFile = path.join(settings.dataDir, 'secrets.json');
    const existing: string[] = [];
    if (target.client === 'sqlite' ? existsSync(target.file) : await postgresHasTables(target, env)) {
      existing.push(target.client === 'sqlite' ? target.file : `database ${target.label}`);
    }
    if (await isNonEmptyDir(uploads)) existing.push(uploads);
    if (existsSync(secretsFile)) existing.push(secretsFile);
    if (existing.length > 0 && !options.force) {
      throw new RestoreRefused(
        `Thư mục dữ liệu không trống / The data folder is not empty:\n  ${existing.join('\n  ')}\n` +
          'Thêm --force để thay thế (dữ liệu cũ được chuyển sang before-restore-…/) / ' +
          'Add --force to replace it (the current data is moved to before-restore-…/, not deleted).',
      );
    }

    log(`Đang kiểm tra và giải nén / Verifying and unpacking ${file}…`);
    const printer = progressPrinter('Đã đọc / Read', (line) => log(`  ${line}`));
    const manifest = await readArchive(file, {
      key: settings.key,
      into: staging,
      onProgress: (p) => printer.update(p),
    });
    printer.finish();
    const verifySeconds = (performance.now() - started) / 1000;
    log(
      `  Hợp lệ / Valid: tạo lúc / made ${manifest.createdAt}, phiên bản / version ${manifest.portal.version}` +
        `${manifest.portal.commit ? ` (${manifest.portal.commit})` : ''}, ${manifest.parts.length} tệp/files`,
    );
    if (manifest.database.client !== target.client) {
      throw new RestoreRefused(
        `Bản sao lưu dùng / The archive holds a ${manifest.database.client} database, but DATABASE_CLIENT is ${target.client}`,
      );
    }
    const stagedDatabase = path.join(staging, ...manifest.database.part.split('/'));
    if (target.client === 'sqlite') {
      checkSqlite(stagedDatabase);
      const differs = countsDiffer(manifest.counts, countSqlite(stagedDatabase));
      if (differs) {
        throw new RestoreRefused(
          `The database in the archive does not hold the entries its manifest counts (${differs})`,
        );
      }
    }

    // From here on, each step is a rename; the previous data is kept aside.
    let setAside: string | undefined;
    const aside = async (source: string, name: string) => {
      if (!existsSync(source)) return;
      setAside ??= path.join(settings.dataDir, `before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`);
      await moveInto(source, path.join(setAside, name));
    };
    if (target.client === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        // An old write-ahead log beside the new file would be replayed into it: it goes too.
        await aside(`${target.file}${suffix}`, `database/${path.basename(target.file)}${suffix}`);
      }
      await moveInto(stagedDatabase, target.file);
    } else {
      log('Đang nạp vào PostgreSQL / Loading into PostgreSQL (one transaction)…');
      await restorePostgres(target, stagedDatabase, env);
      // Committed by now (one transaction); a difference is reported, not undone.
      const differs = countsDiffer(manifest.counts, await countPostgres(target, env));
      if (differs)
        log(`Cảnh báo / Warning: the restored database does not hold the entries the manifest counts (${differs})`);
    }
    await aside(uploads, 'uploads');
    const stagedUploads = path.join(staging, 'uploads');
    if (existsSync(stagedUploads)) await moveInto(stagedUploads, uploads);
    else await mkdir(uploads, { recursive: true, mode: 0o700 });
    const stagedSecrets = path.join(staging, 'secrets.json');
    if (existsSync(stagedSecrets)) {
      await aside(secretsFile, 'secrets.json');
      await moveInto(stagedSecrets, secretsFile);
    }
    // The search index is derived data: the next start rebuilds it from the restored CMS.
    await writeFile(path.join(settings.dataDir, REINDEX_MARKER), `${manifest.createdAt}\n`, { mode: 0o600 });
    // The renames are durable once their folders are written out.
    const folders = [settings.dataDir, path.dirname(uploads)];
    if (target.client === 'sqlite') folders.push(path.dirname(target.file));
    for (const folder of new Set(folders)) await syncFolder(folder);
    if (manifest.secrets.fromEnvironment.length > 0) {
      log(
        `Lưu ý / Note: these secrets were set in the environment and are not in the archive; ` +
          `set the same values before npm start: ${manifest.secrets.fromEnvironment.join(', ')}`,
      );
    }
    return { manifest, setAside, seconds: { verify: verifySeconds, total: (performance.now() - started) / 1000 } };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}
