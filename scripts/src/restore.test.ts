/**
 * `npm run backup` and `npm run restore` as an operator types them, on a small data folder (an SQLite file
 * with an articles table, an upload, secrets.json): messages, exit codes, and that a refusal changes nothing.
 * The drill on a real CMS is scripts/tests/backup.test.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { REINDEX_MARKER } from './data-folder.ts';

const HERE = import.meta.dirname;
const KEY = 'khoa-thu-nghiem-cua-van-hanh-vien';

function run(script: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(HERE, `${script}.ts`), ...args],
      { env: { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '', PORTAL_BACKUP_DIR: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run backup / npm run restore on the command line', () => {
  let root: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let archive: string;
  const upload = () => path.join(dataDir, 'cms', 'public', 'uploads', 'quyet-dinh.pdf');

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'restore-cli-'));
    dataDir = path.join(root, 'data');
    env = { PORTAL_DATA_DIR: dataDir, PORTAL_BACKUP_KEY: KEY };
    await mkdir(path.dirname(upload()), { recursive: true });
    await writeFile(upload(), '%PDF-1.4 bản gốc');
    await writeFile(path.join(dataDir, 'secrets.json'), '{"APP_KEYS":"goc"}');
    const db = new DatabaseSync(path.join(dataDir, 'cms', 'data.db'));
    db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, document_id TEXT, published_at TEXT);
      INSERT INTO articles (document_id, published_at) VALUES ('a', NULL), ('a', '2026-12-01'), ('b', NULL);`);
    db.close();
    const backup = await run('backup', [], env);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /mã hóa\/encrypted/);
    const names = await readdir(path.join(dataDir, 'backups'));
    archive = path.join(dataDir, 'backups', names[0]!);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('warns that an archive without PORTAL_BACKUP_KEY is not encrypted', async () => {
    const out = path.join(root, 'plain.pbak');
    const { code, stdout } = await run('backup', ['--out', out], { ...env, PORTAL_BACKUP_KEY: '' });
    assert.equal(code, 0);
    assert.match(stdout, /KHÔNG được mã hóa/);
    assert.ok(existsSync(out));
  });

  it('--check verifies the whole archive and prints the counts, writing nothing', async () => {
    const { code, stdout } = await run('restore', [archive, '--check'], env);
    assert.equal(code, 0);
    assert.match(stdout, /Hợp lệ \/ Valid/);
    assert.match(stdout, /api::article\.article: 2 \(1 đã xuất bản\/published\)/);
    assert.equal(existsSync(path.join(dataDir, REINDEX_MARKER)), false);
  });

  it('refuses to replace existing data without --force (exit 4)', async () => {
    const { code, stderr } = await run('restore', [archive], env);
    assert.equal(code, 4);
    assert.match(stderr, /không trống/);
    assert.match(stderr, /--force/);
  });

  it('refuses a damaged archive (exit 3) and changes nothing', async () => {
    const damaged = path.join(root, 'damaged.pbak');
    const bytes = await readFile(archive);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff;
    await writeFile(damaged, bytes);
    await writeFile(upload(), '%PDF-1.4 đã sửa sau sao lưu');
    const { code, stderr } = await run('restore', [damaged, '--force'], env);
    assert.equal(code, 3);
    assert.match(stderr, /bị hỏng hoặc bị sửa đổi/);
    assert.match(stderr, /Không có gì bị thay đổi/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.equal(await readFile(upload(), 'utf8'), '%PDF-1.4 đã sửa sau sao lưu');
  });

  it('with --force, puts the archive back and keeps the previous data aside', async () => {
    const { code, stdout, stderr } = await run('restore', [archive, '--force'], env);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Đã khôi phục \/ Restored/);
    assert.equal(await readFile(upload(), 'utf8'), '%PDF-1.4 bản gốc');
    const aside = (await readdir(dataDir)).find((name) => name.startsWith('before-restore-'));
    assert.ok(aside, 'previous data kept');
    assert.equal(
      await readFile(path.join(dataDir, aside, 'uploads', 'quyet-dinh.pdf'), 'utf8'),
      '%PDF-1.4 đã sửa sau sao lưu',
    );
    assert.ok(existsSync(path.join(dataDir, REINDEX_MARKER)));
    assert.equal((await readdir(dataDir)).filter((name) => name.startsWith('.restore-')).length, 0);
  });

  it('names a missing file and a wrong flag as the operator’s mistakes (exit 2)', async () => {
    const missing = await run('restore', [path.join(root, 'khong-co.pbak')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Không tìm thấy tệp sao lưu/);
    const flag = await run('restore', [archive, '--overwrite'], env);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--overwrite'/);
    const none = await run('restore', [], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Cần đúng một tệp sao lưu/);
    const shortKey = await run('backup', [], { ...env, PORTAL_BACKUP_KEY: 'ngan' });
    assert.equal(shortKey.code, 2);
    assert.match(shortKey.stderr, /PORTAL_BACKUP_KEY phải dài ít nhất 16 ký tự/);
  });
});
