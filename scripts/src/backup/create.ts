/**
 * Taking a backup: a consistent database copy, the uploads and the secrets, into one archive in the
 * backup folder (the oldest beyond PORTAL_BACKUP_KEEP are deleted afterwards). Safe while the portal runs.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../config.ts';
import { SECRET_NAMES } from '../secrets.ts';
import { countSqlite, databaseTarget, snapshotSqlite } from './database.ts';
import { dumpAndCountPostgres } from './postgres.ts';
import { writeArchive, type Manifest, type SourcePart } from './payload.ts';
import { megabytes, progressPrinter } from './progress.ts';
import type { BackupSettings } from './settings.ts';

export const ARCHIVE_PATTERN = /^portal-\d{8}T\d{6}(\d{3})?Z\.pbak$/;

/** portal-20261202T130512Z.pbak: sorts by time, no characters a shell or a Windows share dislikes. */
export function archiveName(date: Date, withMilliseconds = false): string {
  const stamp = date.toISOString().replace(/[-:]/g, '');
  return `portal-${withMilliseconds ? stamp.replace('.', '') : stamp.replace(/\.\d{3}Z$/, 'Z')}.pbak`;
}

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'cms', 'public', 'uploads');
}

/** Regular files under a folder, as archive paths under `prefix` (symbolic links are skipped). */
async function listFiles(dir: string, prefix: string): Promise<SourcePart[]> {
  const out: SourcePart[] = [];
  const walk = async (current: string, relative: string) => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      const inside = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, inside);
      else if (entry.isFile()) out.push({ path: `${prefix}/${inside}`, file: full });
    }
  };
  await walk(dir, '');
  return out;
}

export function portalVersion(): Manifest['portal'] {
  const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return { version, commit };
  } catch {
    return { version };
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  seconds: { snapshot: number; total: number };
  deleted: string[];
}

export async function createBackup(
  settings: BackupSettings,
  env: NodeJS.ProcessEnv,
  options: { out?: string; log?: (line: string) => void } = {},
): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const target = databaseTarget(env, settings.dataDir);
  const now = new Date();
  let file = options.out ? path.resolve(options.out) : path.join(settings.backupDir, archiveName(now));
  // A second backup within the same second gets the milliseconds too.
  if (!options.out && existsSync(file)) file = path.join(settings.backupDir, archiveName(now, true));
  if (existsSync(file)) throw new Error(`${file} đã tồn tại / already exists`);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // The database copy is made beside the archive (same disk, same private folder) and deleted after.
  const work = path.join(path.dirname(file), `.work-${randomBytes(6).toString('hex')}`);
  await mkdir(work, { mode: 0o700 });
  try {
    log(`Cơ sở dữ liệu / Database (${target.client}): chụp bản nhất quán / taking a consistent copy…`);
    const snapshotStarted = performance.now();
    let databasePart: SourcePart;
    let counts: Manifest['counts'];
    if (target.client === 'sqlite') {
      const copy = path.join(work, 'data.db');
      snapshotSqlite(target.file, copy);
      counts = countSqlite(copy);
      databasePart = { path: 'database/data.db', file: copy };
    } else {
      const copy = path.join(work, 'portal.dump');
      // Counted and dumped from one snapshot: the counts are exactly what the dump holds.
      counts = await dumpAndCountPostgres(target, copy, env);
      databasePart = { path: 'database/portal.dump', file: copy };
    }
    const snapshotSeconds = (performance.now() - snapshotStarted) / 1000;
    log(`  ${megabytes((await stat(databasePart.file)).size)} trong / in ${snapshotSeconds.toFixed(1)} s`);

    const uploads = await listFiles(uploadsDir(settings.dataDir), 'uploads');
    const uploadBytes = (await Promise.all(uploads.map(async (u) => (await stat(u.file)).size))).reduce(
      (a, b) => a + b,
      0,
    );
    const secretsFile = path.join(settings.dataDir, 'secrets.json');
    const secrets = existsSync(secretsFile) ? [{ path: 'secrets.json', file: secretsFile }] : [];
    const fromEnvironment = SECRET_NAMES.filter((name) => env[name]?.trim());
    log(`Tệp tải lên / Uploads: ${uploads.length} tệp/files, ${megabytes(uploadBytes)}`);
    if (fromEnvironment.length > 0) {
      log(`Không lưu / Not archived (set in the environment, keep them yourself): ${fromEnvironment.join(', ')}`);
    }

    const printer = progressPrinter('Đang ghi / Writing', (line) => log(`  ${line}`));
    const { manifest, bytes } = await writeArchive(
      file,
      [databasePart, ...uploads, ...secrets],
      {
        createdAt: new Date().toISOString(),
        portal: portalVersion(),
        database: { client: target.client, part: databasePart.path },
        counts,
        uploads: { files: uploads.length, bytes: uploadBytes },
        secrets: { included: secrets.length > 0, fromEnvironment },
      },
      { key: settings.key, onProgress: (p) => printer.update(p) },
    );
    printer.finish();
    const deleted = options.out ? [] : await applyRetention(settings.backupDir, settings.keep, file);
    const total = (performance.now() - started) / 1000;
    return { file, bytes, manifest, seconds: { snapshot: snapshotSeconds, total }, deleted };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` archives named by archiveName() (never `justWritten`); returns what it deleted. */
export async function applyRetention(dir: string, keep: number, justWritten: string): Promise<string[]> {
  // Oldest first; a name without milliseconds sorts as .000 of its second.
  const order = (name: string) => name.replace(/T(\d{6})Z/, 'T$1000Z');
  const names = (await readdir(dir))
    .filter((name) => ARCHIVE_PATTERN.test(name))
    .sort((a, b) => order(a).localeCompare(order(b)));
  const doomed = names.slice(0, Math.max(0, names.length - keep)).map((name) => path.join(dir, name));
  const deleted: string[] = [];
  for (const file of doomed) {
    if (file === justWritten || !(await lstat(file)).isFile()) continue;
    await rm(file);
    deleted.push(file);
  }
  return deleted;
}
