/**
 * Backup and restore at demo size and at ~5,000 articles: archive size, time to back up (online, while
 * the CMS runs, for the demo; offline for the generated set) and time to verify and restore.
 *
 *   node scripts/bench/backup.ts [--articles 5000] [--out scripts/bench/results/backup.json]
 *
 * The large set is generated straight into a copy of the demo database: each new article is a copy of a
 * published demo article (its draft and published rows, as Strapi stores them) with its own documentId,
 * title, slug, lead and a 6–20 paragraph body of Vietnamese words (seeded, so runs compare). That is
 * faster than the Document Service (10–31 entries/s here) and gives the database the same shape; the
 * uploads stay the demo's. Encrypted with a PORTAL_BACKUP_KEY as in production. Prints and writes JSON.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createBackup, uploadsDir } from '../src/backup/create.ts';
import { restoreBackup } from '../src/backup/restore.ts';
import type { BackupSettings } from '../src/backup/settings.ts';
import { REPO_ROOT } from '../src/config.ts';
import { seededRandom } from '../src/random.ts';
import { startTestBackend } from '../src/testing.ts';

const ArgsSchema = z.object({
  articles: z.coerce.number().int().min(1).max(100_000).default(5000),
  out: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'backup.json')),
});
const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' } }, strict: true });
const parsed = ArgsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  process.exit(2);
}
const { articles: extraArticles, out } = parsed.data;

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

/** Copies published demo articles (draft + published rows) `count` times into the database. */
function generateArticles(file: string, count: number): number {
  const random = seededRandom(20261202);
  const db = new DatabaseSync(file);
  try {
    const columns = (db.prepare('PRAGMA table_info(articles)').all() as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((name) => name !== 'id');
    const templates = db
      .prepare(
        'SELECT * FROM articles WHERE document_id IN (SELECT document_id FROM articles WHERE published_at IS NOT NULL) ORDER BY document_id, published_at IS NOT NULL',
      )
      .all() as Array<Record<string, unknown>>;
    const pairs = new Map<string, Array<Record<string, unknown>>>();
    for (const row of templates)
      pairs.set(String(row.document_id), [...(pairs.get(String(row.document_id)) ?? []), row]);
    const sources = [...pairs.values()];
    const insert = db.prepare(
      `INSERT INTO articles (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    db.exec('BEGIN');
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
        const values = {
          ...row,
          document_id: documentId,
          title: `Tin tổng hợp số ${i + 1}: ${SENTENCES[i % SENTENCES.length]!.slice(0, 80)}`,
          slug: `tin-tong-hop-so-${i + 1}`,
          lead: SENTENCES[(i + 3) % SENTENCES.length],
          body: JSON.stringify(paragraphs),
        } as Record<string, unknown>;
        insert.run(...columns.map((c) => (values[c] ?? null) as string | number | null));
      }
    }
    db.exec('COMMIT');
    return (db.prepare('SELECT count(DISTINCT document_id) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const KEY = `bench-${randomBytes(16).toString('hex')}`;
const settingsFor = (dataDir: string, backupDir: string): BackupSettings => ({
  dataDir,
  backupDir,
  key: KEY,
  keep: 100,
  indexPrefix: 'bench_',
});
const env = { DATABASE_CLIENT: 'sqlite' };
const round = (n: number) => Math.round(n * 100) / 100;
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-backup-'));
const log = (line: string) => console.log(`  ${line}`);

async function measure(label: string, dataDir: string, online: boolean) {
  const backupDir = path.join(work, `backups-${label}`);
  const backup = await createBackup(settingsFor(dataDir, backupDir), env, { log });
  const target = path.join(work, `restored-${label}`);
  const restore = await restoreBackup(settingsFor(target, backupDir), env, backup.file, { log });
  const articles = backup.manifest.counts['api::article.article']?.entries ?? 0;
  return {
    data: label,
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
  await copyFile(path.join(work, 'restored-demo', 'cms', 'data.db'), path.join(large, 'cms', 'data.db'));
  await copyFile(path.join(work, 'restored-demo', 'secrets.json'), path.join(large, 'secrets.json'));
  await mkdir(path.dirname(uploadsDir(large)), { recursive: true });
  await cp(uploadsDir(path.join(work, 'restored-demo')), uploadsDir(large), { recursive: true });
  const total = generateArticles(path.join(large, 'cms', 'data.db'), extraArticles);
  console.log(
    `  ${total} articles, database ${((await stat(path.join(large, 'cms', 'data.db'))).size / 1e6).toFixed(1)} MB`,
  );
  results.push(await measure(`demo+${extraArticles}`, large, false));
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
