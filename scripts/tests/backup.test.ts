/**
 * Backup drill, as an operator would run it: a portal with demo content and one more article with an
 * attachment; `npm run backup` while editors keep publishing; the portal stops; its data folder is wiped;
 * `npm run restore`; the portal starts again on the restored folder. Every entry published before the
 * backup, the attachment (byte for byte, on disk and over HTTP), the admin login and search are back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Meilisearch } from 'meilisearch';
import { articleIndex, INDEXES, indexUidOf, typeFilter } from '@portal/search';
import { REINDEX_MARKER } from '../src/data-folder.ts';
import { acquirePortalLock } from '../src/portal-lock.ts';
import { indexContent, startBackend, type Backend } from '../src/portal.ts';
import { loadOrCreateSecrets } from '../src/secrets.ts';
import { freePort, postgresBinDir, startPostgres, type PostgresCluster } from '../src/services/index.ts';
import { adminSession, graphql, startTestBackend, TEST_ADMIN_EMAIL, type TestBackend } from '../src/testing.ts';

const SCRIPTS = path.join(import.meta.dirname, '..', 'src');
const ARTICLE = 'api::article.article';
const KEY = `drill-${randomBytes(12).toString('hex')}`;

/** `npm run <script>` on the drill's data folder, as a separate process. */
function run(script: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(SCRIPTS, `${script}.ts`), ...args],
      { env: { ...process.env, DATABASE_FILENAME: '', DATABASE_CLIENT: 'sqlite', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every published article as the site reads it (pages of 100, the GraphQL list cap). */
async function publishedArticles(backend: Backend, token: string) {
  const all: Array<Record<string, string>> = [];
  for (let page = 1; ; page += 1) {
    const { body } = await graphql(
      backend.cmsUrl,
      token,
      'query ($page: Int!) { articles(pagination: { page: $page, pageSize: 100 }, sort: "documentId") { documentId title lead publishedAt updatedAt } }',
      { page },
    );
    assert.ok(body.data, JSON.stringify(body.errors));
    const articles = (body.data as { articles: Array<Record<string, string>> }).articles;
    all.push(...articles);
    if (articles.length < 100) return all;
  }
}

async function uploadHashes(dataDir: string) {
  const dir = path.join(dataDir, 'cms', 'public', 'uploads');
  const hashes: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    hashes[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  }
  return hashes;
}

/** The audit trail, row by row, read from the CMS's SQLite file. */
function auditTrail(dataDir: string): Map<number, string> {
  const db = new DatabaseSync(path.join(dataDir, 'cms', 'data.db'), { readOnly: true, timeout: 10_000 });
  try {
    const rows = db.prepare('SELECT * FROM audit_entries ORDER BY id').all() as Array<{ id: number }>;
    return new Map(rows.map((row) => [row.id, JSON.stringify(row)]));
  } finally {
    db.close();
  }
}

/**
 * A fixed set of citizens' queries on the indexes the drill's concurrent publishing does not touch, with
 * the documents each finds, in order.
 */
async function searchResults(backend: Backend, indexPrefix: string) {
  const client = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
  const results: Record<string, string[]> = {};
  for (const index of INDEXES.filter((i) => i.name !== articleIndex.name)) {
    for (const query of ['thu tuc', 'quyet dinh', 'dang ky khai sinh', 'ubnd tinh', 'gioi thieu']) {
      const { hits } = await client
        .index(indexUidOf(index, indexPrefix))
        .search(query, { limit: 20, filter: typeFilter(index) });
      results[`${index.name}: ${query}`] = hits.map((hit) => String(hit.id));
    }
  }
  return results;
}

describe('backup and restore drill (SQLite)', () => {
  let first: TestBackend;
  let second: Backend | undefined;
  let backupDir: string;

  before(async () => {
    backupDir = await mkdtemp(path.join(os.tmpdir(), 'portal-backups-'));
    first = await startTestBackend({ demoContent: true });
  });
  after(async () => {
    await second?.stop();
    await first?.dispose();
    await rm(backupDir, { recursive: true, force: true });
  });

  it('brings back every published entry, the uploads and the logins after a wipe', async () => {
    const dir = first.dir;
    const env = { PORTAL_DATA_DIR: dir, PORTAL_BACKUP_DIR: backupDir, PORTAL_BACKUP_KEY: KEY };
    const editor = await adminSession(first);

    // One more article, with an attachment as its cover.
    const attachment = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]);
    const form = new FormData();
    form.append('files', new Blob([attachment], { type: 'application/pdf' }), 'bao-cao-sao-luu.pdf');
    const uploaded = await editor.request('POST', '/upload', form);
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    const file = (uploaded.body as Array<{ id: number; url: string }>)[0]!;
    const extra = await editor.createPublished(ARTICLE, {
      title: 'Diễn tập sao lưu: tin bài viết ngay trước khi sao lưu',
      lead: 'Tin này phải còn nguyên sau khi xóa dữ liệu và khôi phục.',
      cover: file.id,
    });
    const articlesBefore = await publishedArticles(first, first.secrets.PORTAL_SITE_TOKEN);
    assert.ok(articlesBefore.some((a) => a.documentId === extra.documentId));
    const uploadsBefore = await uploadHashes(dir);
    const auditBefore = auditTrail(dir);
    await indexContent(first, { secrets: first.secrets, indexPrefix: first.indexPrefix });
    const searchBefore = await searchResults(first, first.indexPrefix);
    assert.ok(Object.values(searchBefore).flat().length > 10, 'the demo content is found');
    assert.ok(auditBefore.size > 0, 'the publications are audited');

    // The running portal holds its lock as `npm start` does; the backup runs anyway while editors publish.
    const lock = await acquirePortalLock(dir, 'start');
    let publishing = true;
    const duringBackup = (async () => {
      let n = 0;
      while (publishing && n < 20) {
        n += 1;
        await editor.createPublished(ARTICLE, { title: `Tin đăng trong lúc sao lưu số ${n}` });
      }
      return n;
    })();
    const backup = await run('backup', [], env);
    publishing = false;
    assert.ok((await duringBackup) > 0, 'editors published while the backup ran');
    assert.equal(backup.code, 0, backup.stderr + backup.stdout);
    assert.match(backup.stdout, /Xong \/ Done in/);
    const [archive] = (await readdir(backupDir)).filter((name) => name.endsWith('.pbak'));
    assert.ok(archive, 'an archive in PORTAL_BACKUP_DIR');
    const archiveFile = path.join(backupDir, archive);

    const refused = await run('restore', [archiveFile, '--force'], env);
    assert.equal(refused.code, 4, refused.stderr);
    assert.match(refused.stderr, /Cổng đang chạy/);

    // Disaster: the portal stops and its data folder is lost.
    await first.stop();
    await lock.release();
    await rm(dir, { recursive: true, force: true });

    const wrongKey = await run('restore', [archiveFile], { ...env, PORTAL_BACKUP_KEY: 'certainly-not-the-key' });
    assert.equal(wrongKey.code, 3);
    assert.match(wrongKey.stderr, /Sai khóa/);
    assert.doesNotMatch(wrongKey.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(
      (await readdir(dir).catch(() => [])).filter((name) => name !== 'portal.pid'),
      [],
      'nothing written',
    );

    const restored = await run('restore', [archiveFile], env);
    assert.equal(restored.code, 0, restored.stderr + restored.stdout);
    assert.ok(existsSync(path.join(dir, REINDEX_MARKER)), 'the next start rebuilds the search index');
    assert.deepEqual(await uploadHashes(dir), uploadsBefore);
    const auditAfter = auditTrail(dir);
    for (const [id, row] of auditBefore) assert.equal(auditAfter.get(id), row, `audit entry ${id}`);

    // Start again on the restored folder: same secrets (nothing generated), no demo seeding.
    const { secrets, generated } = await loadOrCreateSecrets(dir, {});
    assert.deepEqual(generated, []);
    second = await startBackend({
      dataDir: dir,
      logDir: path.join(dir, 'logs'),
      secrets,
      cmsPort: await freePort(),
      meili: { port: await freePort(), maxIndexingThreads: 1 },
      indexPrefix: first.indexPrefix,
      adminEmail: TEST_ADMIN_EMAIL,
      demoContent: false,
      cmsEnv: { DATABASE_CLIENT: 'sqlite' },
    });
    const articlesAfter = await publishedArticles(second, secrets.PORTAL_SITE_TOKEN);
    const byId = new Map(articlesAfter.map((a) => [a.documentId, a]));
    for (const article of articlesBefore) assert.deepEqual(byId.get(article.documentId), article);

    // The attachment, byte for byte, over HTTP from the restarted CMS.
    const served = Buffer.from(await (await fetch(`${second.cmsUrl}${file.url}`)).arrayBuffer());
    assert.ok(served.equals(attachment), 'the attachment is byte-identical');

    // The editor's login works against the restored users table.
    await adminSession({ ...first, ...second, secrets });

    // What `npm start` does after a restore: rebuild the index from the CMS; the new article is found.
    await indexContent(second, { secrets, indexPrefix: first.indexPrefix, rebuild: true });
    const index = new Meilisearch({ host: second.meili.url, apiKey: second.meili.masterKey }).index(
      indexUidOf(articleIndex, first.indexPrefix),
    );
    const found = await index.search('dien tap sao luu');
    assert.ok(found.hits.some((hit) => String(hit.title).startsWith('Diễn tập sao lưu')));
    assert.deepEqual(await searchResults(second, first.indexPrefix), searchBefore);
  });
});

describe('backup and restore drill (PostgreSQL)', () => {
  let pgDir: string;
  let cluster: PostgresCluster;
  let first: TestBackend;
  let second: Backend | undefined;
  let backupDir: string;
  let databaseEnv: Record<string, string>;

  before(async () => {
    pgDir = await mkdtemp(path.join(os.tmpdir(), 'portal-pg-backup-'));
    backupDir = await mkdtemp(path.join(os.tmpdir(), 'portal-backups-pg-'));
    cluster = await startPostgres(pgDir);
    databaseEnv = {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: cluster.url,
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '4',
    };
    first = await startTestBackend({ demoContent: false, cmsEnv: databaseEnv });
  });
  after(async () => {
    await second?.stop();
    await first?.dispose();
    await cluster?.stop();
    await rm(pgDir, { recursive: true, force: true });
    await rm(backupDir, { recursive: true, force: true });
  });

  it('dumps with pg_dump, restores in one transaction into an emptied database, and the content is back', async () => {
    const dir = first.dir;
    // The client programs of the cluster's own version (PORTAL_PG_BIN_DIR), as an operator would pin them.
    const pgBin = postgresBinDir()!;
    const env = {
      PORTAL_DATA_DIR: dir,
      PORTAL_BACKUP_DIR: backupDir,
      PORTAL_BACKUP_KEY: KEY,
      PORTAL_PG_BIN_DIR: pgBin,
      ...databaseEnv,
    };
    const editor = await adminSession(first);
    const attachment = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50_000)]);
    const form = new FormData();
    form.append('files', new Blob([attachment], { type: 'application/pdf' }), 'quyet-dinh-pg.pdf');
    const uploaded = await editor.request('POST', '/upload', form);
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    const file = (uploaded.body as Array<{ id: number; url: string }>)[0]!;
    const article = await editor.createPublished(ARTICLE, {
      title: 'Tin trên PostgreSQL trước khi sao lưu',
      cover: file.id,
    });
    const articlesBefore = await publishedArticles(first, first.secrets.PORTAL_SITE_TOKEN);

    // Editors keep publishing during the dump; the manifest's counts come from the dump's own snapshot.
    let publishing = true;
    const duringBackup = (async () => {
      let n = 0;
      while (publishing && n < 20) {
        n += 1;
        await editor.createPublished(ARTICLE, { title: `Tin đăng trong lúc pg_dump số ${n}` });
      }
      return n;
    })();
    const backup = await run('backup', [], env);
    publishing = false;
    assert.ok((await duringBackup) > 0, 'editors published while the backup ran');
    assert.equal(backup.code, 0, backup.stderr + backup.stdout);
    const [archive] = (await readdir(backupDir)).filter((name) => name.endsWith('.pbak'));
    assert.ok(archive);

    // Disaster: the portal stops, its data folder is lost and the database emptied.
    await first.stop();
    await rm(dir, { recursive: true, force: true });
    execFileSync(
      path.join(pgBin, 'psql'),
      ['-X', '-q', '-d', cluster.url, '-c', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

    const restored = await run('restore', [path.join(backupDir, archive)], env);
    assert.equal(restored.code, 0, restored.stderr + restored.stdout);
    assert.doesNotMatch(restored.stdout, /Cảnh báo/, 'the restored database holds what the manifest counts');
    // A second restore over the restored database needs --force.
    const again = await run('restore', [path.join(backupDir, archive)], env);
    assert.equal(again.code, 4, again.stderr);

    const { secrets } = await loadOrCreateSecrets(dir, {});
    second = await startBackend({
      dataDir: dir,
      logDir: path.join(dir, 'logs'),
      secrets,
      cmsPort: await freePort(),
      meili: { port: await freePort(), maxIndexingThreads: 1 },
      indexPrefix: first.indexPrefix,
      adminEmail: TEST_ADMIN_EMAIL,
      demoContent: false,
      cmsEnv: databaseEnv,
    });
    const byId = new Map((await publishedArticles(second, secrets.PORTAL_SITE_TOKEN)).map((a) => [a.documentId, a]));
    for (const before of articlesBefore) assert.deepEqual(byId.get(before.documentId), before);
    assert.ok(articlesBefore.some((a) => a.documentId === article.documentId));
    const served = Buffer.from(await (await fetch(`${second.cmsUrl}${file.url}`)).arrayBuffer());
    assert.ok(served.equals(attachment), 'the attachment is byte-identical');
  });
});
