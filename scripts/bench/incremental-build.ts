/**
 * What Astro's incremental build (experimental.incrementalBuild, site/src/lib/page-keys.ts) saves on
 * one publish, on the demo content plus `--articles N` generated articles, `--documents N` legal documents
 * and `--procedures N` procedures:
 *
 *   node scripts/bench/incremental-build.ts [--articles 3000] [--documents 500] [--procedures 200] [--out …json]
 *
 * Builds the same content eight ways, each into the same emptied folder as the publisher does: (1) without a
 * cache (today's full build; BENCH_SKIP_FULL=1 skips it), (2) cold with an empty cache, (3) again with nothing
 * changed, (4) after one article is published through the admin, (5) after the title of the oldest article is
 * edited and published again, (6) after one legal document is published, (7) after the abstract of the
 * oldest document is edited and published again, (8) after one procedure is published. Reports each build
 * step's wall time and how many pages were rendered and how many copied from the cache, in all and by kind
 * (home, news list, article, document,
 * document list, procedure, …: publisher/build-log.ts), and for (4)-(8) which pages were rendered besides
 * the changed entry's own (from Astro's own log lines). Builds (3)-(8) are given the changed entries as the
 * publisher's claim gives them, so they patch the kept content snapshot (a delta read); each run reports its
 * content read (`contentRead`: delta or full, ms).
 *
 * Generated articles are copies of the demo's published article rows (draft and published, as Strapi
 * stores them) with their own documentId, title, slug and body, inserted with node:sqlite while the
 * CMS is stopped: the Document Service writes 10-31 entries/s here, which would dominate the run.
 * Documents and procedures (fewer, with relations to agencies and fields) are written by the
 * site-publish benchmark's seeder (site-publish-seed.ts: the Document Service, its own Strapi).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { REPO_ROOT } from '../src/config.ts';
import { countByKind, lastBuildPages } from '../src/publisher/build-log.ts';
import { indexContent } from '../src/portal.ts';
import { buildSite } from '../src/services/index.ts';
import { adminSession, backendBuildEnv, startTestBackend, type TestBackend } from '../src/testing.ts';
import { parseBenchArgs } from './args.ts';

const {
  articles: extra,
  documents: extraDocuments,
  procedures: extraProcedures,
  out,
} = parseBenchArgs(
  z.object({
    articles: z.coerce.number().int().min(0).max(100_000).default(3000),
    documents: z.coerce.number().int().min(0).max(50_000).default(500),
    procedures: z.coerce.number().int().min(0).max(10_000).default(200),
    out: z
      .string()
      .min(1)
      .default(path.join(REPO_ROOT, 'scripts', 'bench', 'results', 'incremental-build.json')),
  }),
  {
    articles: { type: 'string' },
    documents: { type: 'string' },
    procedures: { type: 'string' },
    out: { type: 'string' },
  },
);

const WORDS =
  'ủy ban nhân dân tỉnh yêu cầu các sở ban ngành triển khai thực hiện nghiêm túc kế hoạch đã ban hành người dân có thể nộp hồ sơ trực tuyến'.split(
    ' ',
  );

function generate(file: string, count: number): number {
  const db = new DatabaseSync(file);
  try {
    const columns = (db.prepare('PRAGMA table_info(articles)').all() as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((name) => name !== 'id');
    const templates = db
      .prepare(
        'SELECT * FROM articles WHERE document_id = (SELECT document_id FROM articles WHERE published_at IS NOT NULL ORDER BY id LIMIT 1) ORDER BY id',
      )
      .all() as Array<Record<string, unknown>>;
    const insert = db.prepare(
      `INSERT INTO articles (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    db.exec('BEGIN');
    for (let i = 0; i < count; i += 1) {
      const documentId = `ib${randomBytes(11).toString('hex')}`;
      const body = Array.from({ length: 8 }, (_, p) => ({
        type: 'paragraph',
        children: [
          { type: 'text', text: Array.from({ length: 75 }, (_, w) => WORDS[(i + p + w) % WORDS.length]).join(' ') },
        ],
      }));
      // ~2020-2026, one a few hours apart, older than the demo's articles.
      const posted = new Date(Date.UTC(2020, 0, 1) + i * 3 * 3600 * 1000).toISOString();
      for (const row of templates) {
        const values: Record<string, unknown> = {
          ...row,
          document_id: documentId,
          title: `Tin tổng hợp số ${i + 1} về kết quả triển khai kế hoạch chuyển đổi số của tỉnh năm nay`,
          slug: `tin-tong-hop-so-${i + 1}`,
          body: JSON.stringify(body),
          posted_at: posted,
        };
        insert.run(...columns.map((c) => (values[c] ?? null) as string | number | null));
      }
    }
    db.exec('COMMIT');
    return (db.prepare('SELECT count(*) AS n FROM articles WHERE published_at IS NOT NULL').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Legal documents and procedures through the Document Service, by the site-publish benchmark's seeder. */
async function seedLegal(backend: TestBackend, documents: number, procedures: number): Promise<void> {
  const seeder = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'scripts', 'bench', 'site-publish-seed.ts'),
      JSON.stringify({ articles: 0, documents, procedures }),
    ],
    {
      cwd: path.join(REPO_ROOT, 'cms'),
      env: { ...backend.cmsEnv, NODE_ENV: 'production', PORTAL_DEMO_CONTENT_DIR: '' },
    },
  );
  const lines: string[] = [];
  for (const stream of [seeder.stdout, seeder.stderr])
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line.startsWith('seeded ')) console.log(line);
        else lines.push(line);
      }
    });
  const [code] = (await once(seeder, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`Seeding failed (exit ${code}):\n${lines.slice(-30).join('\n')}`);
}

async function main(): Promise<void> {
  const backend = await startTestBackend({ demoContent: true });
  const work = path.join(os.tmpdir(), `portal-incremental-${process.pid}`);
  try {
    let published = 0;
    if (extra > 0 || extraDocuments > 0 || extraProcedures > 0) {
      await backend.services.killCms();
      if (extra > 0) {
        console.log(`Generating ${extra} articles…`);
        published = generate(path.join(backend.dir, 'cms', 'data.db'), extra);
      }
      if (extraDocuments > 0 || extraProcedures > 0) {
        console.log(`Seeding ${extraDocuments} documents and ${extraProcedures} procedures…`);
        await seedLegal(backend, extraDocuments, extraProcedures);
      }
      await backend.services.startCms();
    }
    const { searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    const cacheDir = path.join(work, 'cache');
    const runs: Array<Record<string, unknown>> = [];
    /** After a change: the pages rendered besides the changed entry's own page (at most 200 named). */
    const build = async (
      name: string,
      withCache: boolean,
      changed?: string,
      changes?: Array<{ uid: string; documentId: string }>,
    ) => {
      // One output path for every build, as the publisher's (releases/building.partial): Astro compiles it
      // into the code of pages that use images, and reuses a page only while its code is unchanged.
      const outDir = path.join(work, 'out');
      const logFile = path.join(work, `${name}.log`);
      await mkdir(work, { recursive: true });
      const started = performance.now();
      await buildSite(
        {
          ...backendBuildEnv(backend, searchKey),
          outDir,
          ...(withCache ? { cacheDir } : {}),
          ...(changes ? { changes } : {}),
        },
        logFile,
      );
      const seconds = (performance.now() - started) / 1000;
      const log = await readFile(logFile, 'utf8');
      const { pages, rendered, copied } = lastBuildPages(log);
      const read = /\[site\] content read: (delta|full) .* in (\d+) ms/.exec(log);
      const saved = /\[site\] content snapshot saved: ([\d.]+) MB(?: \([^)]*\))? in (\d+) ms/.exec(log);
      if (process.env.BENCH_KEEP_LOGS) {
        await writeFile(path.join(os.tmpdir(), `incremental-${name}.log`), log);
        if (withCache)
          await writeFile(
            path.join(os.tmpdir(), `incremental-${name}.manifest.json`),
            await readFile(path.join(cacheDir, 'incremental-build.json'), 'utf8').catch(() => '{}'),
          );
      }
      const run = {
        name,
        seconds: Number(seconds.toFixed(1)),
        contentRead: read ? { path: read[1], ms: Number(read[2]) } : null,
        snapshotSaved: saved ? { megabytes: Number(saved[1]), ms: Number(saved[2]) } : null,
        pages: pages.length,
        rendered: rendered.length,
        copied: copied.length,
        pagesByKind: countByKind(pages),
        renderedByKind: countByKind(rendered),
        ...(changed
          ? (() => {
              const others = rendered.filter((route) => route !== changed);
              return {
                changedPageRendered: rendered.includes(changed),
                renderedBesides: others.slice(0, 200),
                ...(others.length > 200 ? { renderedBesidesLeftOff: others.length - 200 } : {}),
              };
            })()
          : {}),
      };
      console.log(JSON.stringify(run));
      runs.push(run);
      await rm(outDir, { recursive: true, force: true });
    };
    if (!process.env.BENCH_SKIP_FULL) await build('full-no-cache', false);
    await build('cold-with-cache', true);
    await build('unchanged', true, undefined, []);
    const editor = await adminSession(backend);
    const ARTICLE = 'api::article.article';
    // A new article in a category, as editors post them (its category's list and feed change too).
    const categories = (await editor.request('GET', `${editor.base('api::category.category')}?page=1&pageSize=100`))
      .body as { results?: Array<{ documentId: string; slug: string }> };
    const category = categories.results?.find((c) => c.slug === 'tin-hoat-dong') ?? categories.results?.[0];
    const article = (await editor.createPublished(ARTICLE, {
      title: 'Tin mới đăng để đo bản dựng tăng dần',
      ...(category ? { category: { connect: [{ documentId: category.documentId }] } } : {}),
    })) as { slug: string; documentId: string };
    const change = (uid: string, documentId: string) => [{ uid, documentId }];
    await build('one-article-published', true, `/tin-tuc/${article.slug}/`, change(ARTICLE, article.documentId));
    // An edit: the oldest published article's title corrected, then published again.
    const oldest = (await editor.request('GET', `${editor.base(ARTICLE)}?page=1&pageSize=1&sort=postedAt:ASC`))
      .body as { results?: Array<{ documentId: string; title: string; slug: string }> };
    const edited = oldest.results?.[0];
    if (!edited) throw new Error('No article to edit');
    await editor.update(ARTICLE, edited.documentId, { title: `${edited.title} (đã sửa)` });
    await editor.publish(ARTICLE, edited.documentId);
    await build('one-article-edited', true, `/tin-tuc/${edited.slug}/`, change(ARTICLE, edited.documentId));

    // A new legal document, as the office posts them: this year's decision of the province.
    const DOCUMENT = 'api::legal-document.legal-document';
    const year = new Date().getUTCFullYear();
    const document = (await editor.createPublished(DOCUMENT, {
      documentNumber: `987/${year}/QĐ-UBND`,
      documentType: 'quyet_dinh',
      slug: `987-${year}-qd-ubnd-do-ban-dung`,
      abstract: 'Quyết định ban hành quy chế phối hợp cung cấp thông tin trên cổng thông tin điện tử của tỉnh',
      issueDate: new Date().toISOString().slice(0, 10),
      signer: 'Nguyễn Văn An',
    })) as { slug: string; documentId: string };
    await build('one-document-published', true, `/van-ban/${document.slug}/`, change(DOCUMENT, document.documentId));
    // An edit: the oldest document's abstract corrected, then published again.
    const oldestDocument = (
      await editor.request('GET', `${editor.base(DOCUMENT)}?page=1&pageSize=1&sort=issueDate:ASC`)
    ).body as { results?: Array<{ documentId: string; abstract: string; slug: string }> };
    const editedDocument = oldestDocument.results?.[0];
    if (!editedDocument) throw new Error('No document to edit');
    await editor.update(DOCUMENT, editedDocument.documentId, { abstract: `${editedDocument.abstract} (đã sửa)` });
    await editor.publish(DOCUMENT, editedDocument.documentId);
    await build(
      'one-document-edited',
      true,
      `/van-ban/${editedDocument.slug}/`,
      change(DOCUMENT, editedDocument.documentId),
    );

    // A new procedure (level "xã"): the finder's landing page, and of its lists (the full list and the
    // "cấp xã" list, by name) the pages from its place on; not the lists it is not in.
    const PROCEDURE = 'api::procedure.procedure';
    const procedure = (await editor.createPublished(PROCEDURE, {
      code: '1.999999.000.00.00.H99',
      name: 'Đăng ký hoạt động tủ sách cộng đồng để đo bản dựng tăng dần',
      level: 'xa',
      requirements: 'Không',
    })) as { slug: string; documentId: string };
    await build(
      'one-procedure-published',
      true,
      `/thu-tuc-hanh-chinh/${procedure.slug}/`,
      change(PROCEDURE, procedure.documentId),
    );

    const result = {
      benchmark: 'incremental-build',
      at: new Date().toISOString(),
      generatedArticles: extra,
      publishedArticles: published || undefined,
      generatedDocuments: extraDocuments,
      generatedProcedures: extraProcedures,
      loadAverage: os.loadavg(),
      cpus: os.cpus().length,
      runs,
    };
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Written to ${out}`);
  } finally {
    await backend.dispose();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
