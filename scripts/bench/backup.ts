/**
 * Backup and restore at demo size and at ~5,000 articles, on SQLite and (when PostgreSQL's server binaries
 * are installed) on PostgreSQL: archive size, time to back up (online, while the CMS runs, for the demo;
 * offline for the generated set) and time to verify and restore.
 *
 *   node scripts/bench/backup.ts [--articles 5000] [--out scripts/bench/results/backup.json]
 *
 * The large set is generated straight into the demo database: each new article is a copy of a published
 * demo article (its draft and published rows, as Strapi stores them) with its own documentId, title,
 * slug, lead and a 6–20 paragraph body of Vietnamese words (seeded, so runs compare); SQLite through
 * node:sqlite, PostgreSQL through `psql \copy`. That is faster than the Document Service (10–31 entries/s
 * here) and gives the database the same shape; the uploads stay the demo's. Encrypted with a
 * PORTAL_BACKUP_KEY as in production. Prints a table and writes JSON with the load average.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import { createBackup, uploadsDir } from '../src/backup/create.ts';
import { restoreBackup } from '../src/backup/restore.ts';
import type { BackupSettings } from '../src/backup/settings.ts';
import { REPO_ROOT } from '../src/config.ts';
import { seededRandom } from '../src/random.ts';
import { postgresBinDir, startPostgres, type PostgresCluster } from '../src/services/index.ts';
import { startTestBackend } from '../src/testing.ts';

const ArgsSchema = z.object({
  articles: z.coerce.number().int().min(1).max(100_000).default(5000),
  out: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'backup.json')),
});
const { articles: extraArticles, out } = parseBenchArgs(ArgsSchema, {
  articles: { type: 'string' },
  out: { type: 'string' },
});

const SENTENCES = [
  'Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai thực hiện nghiêm túc kế hoạch đã ban hành.',
  'Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia mà không phải đến trụ sở.',
  'Kinh phí thực hiện được bố trí từ nguồn ngân sách tỉnh và các nguồn vốn hợp pháp khác.',
  'Định kỳ hằng quý, các đơn vị báo cáo kết quả về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp.',
  'Tuyến đường liên xã được nâng cấp trước mùa mưa bão nhằm bảo đảm an toàn giao thông.',
  'Hội nghị đã thảo luận các giải pháp đẩy mạnh chuyển đổi số trong cơ quan nhà nước.',
  'Sở Tư pháp hướng dẫn thủ tục đăng ký khai sinh, kết hôn trực tuyến toàn trình.',
];

const WORDS = [...new Set(SENTENCES.join(' ').replace(/[.,]/g, '').toLowerCase().split(' '))];

/** `count` new articles, each a copy of a published demo article's rows (draft and published). */
function* generatedRows(templates: Array<Record<string, unknown>>, count: number): Generator<Record<string, unknown>> {
  const random = seededRandom(20261202);
  const pairs = new Map<string, Array<Record<string, unknown>>>();
  for (const row of templates) pairs.set(String(row.document_id), [...(pairs.get(String(row.document_id)) ?? []), row]);
  const sources = [...pairs.values()];
  for (let i = 0; i < count; i += 1) {
    const documentId = `bk${randomBytes(11).toString('hex')}`;
    // Words drawn at random from the sentences' vocabulary: compresses about as well as real news text
    // (gzip ~3-4x), where repeating whole sentences would make the archive unrealistically small.
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 15) }, () => ({
      type: 'paragraph',
      children: [
        {
          type: 'text',
          text: Array.from(
            { length: 30 + Math.floor(random() * 50) },
            () => WORDS[Math.floor(random() * WORDS.length)],
          ).join(' '),
        },
      ],
    }));
    for (const row of sources[i % sources.length]!) {
      yield {
        ...row,
        document_id: documentId,
        title: `Tin tổng hợp số ${i + 1}: ${SENTENCES[i % SENTENCES.length]!.slice(0, 80)}`,
        slug: `tin-tong-hop-so-${i + 1}`,
        lead: SENTENCES[(i + 3) % SENTENCES.length],
        body: JSON.stringify(paragraphs),
      };
    }
  }
}

const TEMPLATE_SQL =
  'SELECT * FROM articles WHERE document_id IN (SELECT document_id FROM articles WHERE published_at IS NOT NULL) ORDER BY document_id, id';

function generateIntoSqlite(file: string, count: number): number {
  const db = new DatabaseSync(file);
  try {
    const columns = (db.prepare('PRAGMA table_info(articles)').all() as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((name) => name !== 'id');
    const templates = db.prepare(TEMPLATE_SQL).all() as Array<Record<string, unknown>>;
    const insert = db.prepare(
      `INSERT INTO articles (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    db.exec('BEGIN');
    for (const row of generatedRows(templates, count)) {
      insert.run(...columns.map((c) => (row[c] ?? null) as string | number | null));
    }
    db.exec('COMMIT');
    return (db.prepare('SELECT count(DISTINCT document_id) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The same rows into PostgreSQL, through psql's COPY (CSV on its standard input). */
function generateIntoPostgres(url: string, count: number): number {
  const psql = (sql: string, input?: string) =>
    execFileSync('psql', ['-XAt', '-d', url, '-c', sql], { input, maxBuffer: 256 * 1024 * 1024 })
      .toString()
      .trim();
  const columns = JSON.parse(
    psql(
      "SELECT json_agg(column_name ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'articles' AND column_name <> 'id'",
    ),
  ) as string[];
  const templates = JSON.parse(psql(`SELECT json_agg(t) FROM (${TEMPLATE_SQL}) AS t`)) as Array<
    Record<string, unknown>
  >;
  const csv = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : `"${(typeof value === 'string' ? value : JSON.stringify(value)).replaceAll('"', '""')}"`;
  let text = '';
  for (const row of generatedRows(templates, count)) text += `${columns.map((c) => csv(row[c])).join(',')}\n`;
  psql(`\\copy articles (${columns.map((c) => `"${c}"`).join(', ')}) FROM pstdin WITH (FORMAT csv)`, text);
  return Number(psql('SELECT count(DISTINCT document_id) FROM articles'));
}

const KEY = `bench-${randomBytes(16).toString('hex')}`;
const settingsFor = (dataDir: string, backupDir: string): BackupSettings => ({
  dataDir,
  backupDir,
  key: KEY,
  keep: 100,
  indexPrefix: 'bench_',
});
const sqlite = { DATABASE_CLIENT: 'sqlite' };
const round = (n: number) => Math.round(n * 100) / 100;
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-backup-'));
const log = (line: string) => console.log(`  ${line}`);

async function measure(
  label: string,
  dataDir: string,
  online: boolean,
  env: { backup: NodeJS.ProcessEnv; restore: NodeJS.ProcessEnv } = { backup: sqlite, restore: sqlite },
) {
  const client = String(env.backup.DATABASE_CLIENT);
  const backupDir = path.join(work, `backups-${client}-${label}`);
  const backup = await createBackup(settingsFor(dataDir, backupDir), env.backup, { log });
  const target = path.join(work, `restored-${client}-${label}`);
  const restore = await restoreBackup(settingsFor(target, backupDir), env.restore, backup.file, { log });
  const articles = backup.manifest.counts['api::article.article']?.entries ?? 0;
  return {
    data: label,
    database: backup.manifest.database.client,
    backupWhileRunning: online,
    articles,
    entries: Object.values(backup.manifest.counts).reduce((sum, c) => sum + c.entries, 0),
    uploads: backup.manifest.uploads,
    databaseBytes: backup.manifest.parts.find((p) => p.path === backup.manifest.database.part)?.size ?? 0,
    archiveBytes: backup.bytes,
    encrypted: true,
    backupSeconds: round(backup.seconds.total),
    snapshotSeconds: round(backup.seconds.snapshot),
    restoreSeconds: round(restore.seconds.total),
    verifySeconds: round(restore.seconds.verify),
  };
}

/** PostgreSQL settings for the CMS and the backup, on a database of the throwaway cluster. */
function onDatabase(cluster: PostgresCluster, name: string): NodeJS.ProcessEnv {
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.href, DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: '4' };
}

const results = [];
try {
  console.log('Demo content (backup while the CMS runs)…');
  const backend = await startTestBackend({ demoContent: true });
  try {
    results.push(await measure('demo', backend.dir, true));
  } finally {
    await backend.dispose();
  }
  console.log(`${extraArticles} generated articles (straight into SQLite, offline backup)…`);
  const large = path.join(work, 'large');
  await mkdir(path.join(large, 'cms'), { recursive: true });
  await copyFile(path.join(work, 'restored-sqlite-demo', 'cms', 'data.db'), path.join(large, 'cms', 'data.db'));
  await copyFile(path.join(work, 'restored-sqlite-demo', 'secrets.json'), path.join(large, 'secrets.json'));
  await mkdir(path.dirname(uploadsDir(large)), { recursive: true });
  await cp(uploadsDir(path.join(work, 'restored-sqlite-demo')), uploadsDir(large), { recursive: true });
  const total = generateIntoSqlite(path.join(large, 'cms', 'data.db'), extraArticles);
  console.log(
    `  ${total} articles, database ${((await stat(path.join(large, 'cms', 'data.db'))).size / 1e6).toFixed(1)} MB`,
  );
  results.push(await measure(`demo+${extraArticles}`, large, false));

  if (postgresBinDir()) {
    console.log('PostgreSQL: demo content (pg_dump while the CMS runs), then the same generated articles…');
    // Its own folder: the postgres user cannot enter the private work folder.
    const pgDir = await mkdtemp(path.join(os.tmpdir(), 'bench-backup-pg-'));
    const cluster = await startPostgres(pgDir);
    try {
      const createDatabase = (name: string) =>
        execFileSync('psql', ['-XAq', '-d', cluster.url, '-c', `CREATE DATABASE ${name}`]);
      const live = onDatabase(cluster, 'portal');
      const pgBackend = await startTestBackend({ demoContent: true, cmsEnv: live });
      try {
        createDatabase('restored_demo');
        results.push(
          await measure('demo', pgBackend.dir, true, { backup: live, restore: onDatabase(cluster, 'restored_demo') }),
        );
        await pgBackend.stop();
        const total = generateIntoPostgres(String(live.DATABASE_URL), extraArticles);
        console.log(`  ${total} articles`);
        createDatabase('restored_large');
        results.push(
          await measure(`demo+${extraArticles}`, pgBackend.dir, false, {
            backup: live,
            restore: onDatabase(cluster, 'restored_large'),
          }),
        );
      } finally {
        await pgBackend.dispose();
      }
    } finally {
      await cluster.stop();
      await rm(pgDir, { recursive: true, force: true });
    }
  } else {
    console.log('PostgreSQL server binaries not found (PG_BIN_DIR): PostgreSQL skipped.');
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const report = {
  benchmark: 'backup',
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    loadAverage: os.loadavg().map(round),
  },
  results,
};
console.table(
  results.map((r) => ({
    database: r.database,
    data: r.data,
    articles: r.articles,
    'db MB': round(r.databaseBytes / 1e6),
    'archive MB': round(r.archiveBytes / 1e6),
    'backup s': r.backupSeconds,
    'restore s': r.restoreSeconds,
  })),
);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Wrote ${out}`);
