/**
 * The seeding half of bench:site-publish, run by it in its own process while the benchmark's CMS is
 * stopped: loads Strapi (the compiled CMS, same database and settings) and writes published entries
 * through the Document Service, with every middleware of the CMS (validation, text rules, audit
 * trail, search and site outboxes) as the demo seed does, 100 entries per transaction. The admin API
 * would take hours at 50k entries on two cores; this is the same write path without HTTP.
 *
 *   node scripts/bench/site-publish-seed.ts '{"articles":4000,"documents":800,"procedures":200}'
 *
 * (cwd: cms/, environment: the CMS's). Prints "seeded n/N <kind> (x/s)" progress lines. Then drops the
 * search outbox's pending rows (see the end); all counts 0 only drops them (a reused data folder).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import type * as StrapiModule from '@strapi/strapi';
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { seededRandom } from '../src/random.ts';

const counts = z
  .object({
    articles: z.number().int().min(0),
    documents: z.number().int().min(0),
    procedures: z.number().int().min(0),
  })
  .strict()
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const BATCH = 100;
const random = seededRandom(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const round = (n: number) => Math.round(n * 10) / 10;

// Strapi's ES module build imports lodash/fp as a directory, which Node refuses: load its CommonJS build.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof StrapiModule;
const strapi: Core.Strapi = await createStrapi({
  appDir: process.cwd(),
  distDir: path.join(process.cwd(), 'dist'),
}).load();
try {
  const docs = (uid: string) =>
    strapi.documents(uid as UID.ContentType) as unknown as {
      create(params: Record<string, unknown>): Promise<{ documentId: string }>;
      findMany(params: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
    };
  // Realistic Vietnamese: the words of the demo content already in the CMS.
  const existing = [
    ...(await docs('api::article.article').findMany({ status: 'published', fields: ['title', 'lead'] })),
    ...(await docs('api::legal-document.legal-document').findMany({ status: 'published', fields: ['abstract'] })),
    ...(await docs('api::procedure.procedure').findMany({ status: 'published', fields: ['name', 'requirements'] })),
  ];
  const WORDS = [
    ...new Set(
      existing
        .flatMap((entry) => Object.values(entry).filter((v): v is string => typeof v === 'string'))
        .join(' ')
        .normalize('NFC')
        .match(/\p{L}+/gu) ?? [],
    ),
  ].filter((word) => word.length > 1);
  const words = (n: number) => {
    const text = Array.from({ length: n }, () => pick(WORDS).toLocaleLowerCase('vi')).join(' ');
    return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  };
  const body = (total: number) =>
    Array.from({ length: Math.ceil(total / 75) }, () => ({
      type: 'paragraph',
      children: [{ type: 'text', text: `${words(75)}.` }],
    }));
  const dayIn = (fromYear: number, years: number) =>
    new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000).toISOString().slice(0, 10);
  const ids = async (uid: string, locale?: string) =>
    (await docs(uid).findMany({ status: 'published', fields: ['documentId'], ...(locale ? { locale } : {}) })).map(
      (entry) => String(entry.documentId),
    );
  const categories = await ids('api::category.category');
  const agencies = await ids('api::agency.agency', 'vi');
  const fields = await ids('api::field.field');
  const ref = (documentId: string, locale?: string) => ({ connect: [{ documentId, ...(locale ? { locale } : {}) }] });

  const seed = async (kind: string, uid: string, n: number, data: (i: number) => Record<string, unknown>) => {
    const started = performance.now();
    for (let from = 0; from < n; from += BATCH) {
      await strapi.db.transaction(async () => {
        for (let i = from; i < Math.min(n, from + BATCH); i += 1)
          // As the demo seed writes them: already through the editorial chain (cms/src/seed/writer.ts).
          await docs(uid).create({ status: 'published', data: { ...data(i), editorialStage: 'da_xuat_ban' } });
      });
      const done = Math.min(n, from + BATCH);
      if (done % 500 === 0 || done === n)
        console.log(`seeded ${done}/${n} ${kind} (${round(done / ((performance.now() - started) / 1000))}/s)`);
    }
  };

  const documentTypes = [
    ['quyet_dinh', 'QĐ-UBND'],
    ['ke_hoach', 'KH-UBND'],
    ['chi_thi', 'CT-UBND'],
  ] as const;
  await seed('documents', 'api::legal-document.legal-document', counts.documents, (i) => {
    const [documentType, suffix] = pick(documentTypes);
    const issueDate = dayIn(2015, 11);
    return {
      documentNumber: `${i + 1}/${issueDate.slice(0, 4)}/${suffix}`,
      documentType,
      abstract: words(25),
      slug: `bench-van-ban-${i + 1}`,
      issueDate,
      signer: words(3),
      signerTitle: 'CHỦ TỊCH',
      issuingAgency: ref(pick(agencies), 'vi'),
      fields: ref(pick(fields)),
      body: body(300),
    };
  });
  await seed('procedures', 'api::procedure.procedure', counts.procedures, (i) => ({
    code: `1.${String(100_000 + i)}.000.00.00.H99`,
    name: words(12),
    slug: `bench-thu-tuc-${i + 1}`,
    level: pick(['tinh', 'xa']),
    fields: ref(pick(fields)),
    implementingAgency: ref(pick(agencies), 'vi'),
    steps: [1, 2, 3].map((n) => ({ title: `Bước ${n}`, description: words(40) })),
    requirements: words(60),
  }));
  await seed('articles', 'api::article.article', counts.articles, (i) => ({
    title: words(15),
    slug: `bench-tin-${i + 1}`,
    lead: words(40),
    body: body(600),
    author: words(3),
    postedAt: new Date(`${dayIn(2021, 5)}T08:00:00.000Z`).toISOString(),
    kind: random() < 0.1 ? 'thong_cao_bao_chi' : 'tin_tuc',
    category: ref(pick(categories)),
  }));
  // The search outbox's rows of what was just seeded: this benchmark measures the site, not indexing (the
  // search benchmarks do), and 50k pending rows kept the CMS's search worker busy for the whole measurement.
  // Steady state is an empty outbox and a row per publish, which the benchmark's publishes still make.
  const { OUTBOX_TABLE } = createRequire(path.join(process.cwd(), 'package.json'))(
    './dist/src/search-sync/outbox.js',
  ) as { OUTBOX_TABLE: string };
  const dropped = await strapi.db.connection(OUTBOX_TABLE).delete();
  console.log(`seeded entries' pending search changes dropped: ${dropped}`);
} finally {
  await strapi.destroy();
}
process.exit(0);
