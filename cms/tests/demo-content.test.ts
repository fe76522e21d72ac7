/**
 * The demo content on a real Strapi (temporary SQLite), as the site reads it with its token: every type
 * is seeded and published, agencies and pages have their English version, the replaced decision shows as
 * no longer in force, procedures link to demo documents, and every stored text is NFC.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DEMO_CONTENT_DIR } from '@portal/scripts/portal';
import { adminSession, graphql, startTestBackend, type TestBackend } from '@portal/scripts/testing';
import { loadDemoContent, type DemoContent } from '../src/seed/demo-content.ts';

const ALL = '(pagination: { limit: 200 })';

describe('demo content', () => {
  let backend: TestBackend;
  let content: DemoContent;

  before(async () => {
    content = await loadDemoContent(path.resolve(DEMO_CONTENT_DIR));
    backend = await startTestBackend({ demoContent: true });
  });
  after(async () => {
    await backend?.dispose();
  });

  async function query<T = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}) {
    const { status, body } = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, text, variables);
    assert.equal(status, 200, JSON.stringify(body.errors));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data as T;
  }

  it('publishes every demo entry of every type for the site', async () => {
    const data = await query<Record<string, unknown[]>>(`{
      fields${ALL} { documentId }
      agencies${ALL} { documentId }
      legalDocuments${ALL} { documentId }
      procedures${ALL} { documentId }
      articles${ALL} { documentId }
      calendarEntries${ALL} { documentId }
      pages${ALL} { documentId }
      bannerLinks${ALL} { documentId }
      consultations${ALL} { documentId }
    }`);
    const expected = {
      fields: content.fields.length,
      agencies: content.agencies.length,
      legalDocuments: content.legalDocuments.length,
      procedures: content.procedures.length,
      articles: content.articles.length,
      calendarEntries: content.calendar.length,
      pages: content.pages.length,
      bannerLinks: content.bannerLinks.length,
      consultations: content.consultations.length,
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, data[key]?.length])), expected);
    const { siteSetting } = await query<{ siteSetting: { portalName: string; questionAnswerDays: number } }>(
      '{ siteSetting { portalName questionAnswerDays } }',
    );
    assert.deepEqual(siteSetting, { portalName: 'Cổng thông tin điện tử tỉnh Sơn Hà', questionAnswerDays: 10 });
  });

  it('gives agencies and the introduction page an English version of the same document', async () => {
    const data = await query<{
      vi: Array<{ documentId: string; code: string; name: string }>;
      en: Array<{ documentId: string; code: string; name: string; slug: string; parent: { code: string } | null }>;
      pages: Array<{ kind: string; title: string; slug: string }>;
    }>(`{
      vi: agencies(locale: "vi", filters: { code: { eq: "SKHCN" } }) { documentId code name }
      en: agencies(locale: "en", filters: { code: { eq: "SKHCN" } }) { documentId code name slug parent { code } }
      pages(locale: "en", filters: { kind: { eq: "gioi_thieu" } }) { kind title slug }
    }`);
    assert.equal(data.vi[0]?.name, 'Sở Khoa học và Công nghệ tỉnh Sơn Hà');
    assert.equal(data.en[0]?.name, 'Son Ha Department of Science and Technology');
    assert.equal(data.en[0]?.documentId, data.vi[0]?.documentId);
    assert.equal(data.en[0]?.parent?.code, 'UBND');
    // The English directory's URL needs a slug of its own (the slug rule only fills it on create).
    assert.equal(data.en[0]?.slug, 'son-ha-department-of-science-and-technology');
    assert.deepEqual(data.pages, [{ kind: 'gioi_thieu', title: 'About Son Ha Province', slug: 'about' }]);
  });

  it('shows the 2021 decision replaced by the 2026 one as no longer in force, with its history', async () => {
    const replaced = content.legalDocuments.find((d) => d.documentNumber === '18/2021/QĐ-UBND');
    assert.ok(replaced);
    const { legalDocuments: found } = await query<{
      legalDocuments: Array<{
        documentId: string;
        validityStatus: string;
        validityChanges: Array<{ status: string; cause: { documentNumber: string } | null }>;
      }>;
    }>(
      `query ($number: String!) { legalDocuments(filters: { documentNumber: { eq: $number } }) {
        documentId validityStatus validityChanges { status cause { documentNumber } } } }`,
      { number: replaced.documentNumber },
    );
    const [old] = found;
    assert.equal(old?.validityStatus, 'het_hieu_luc_toan_bo');
    assert.deepEqual(old?.validityChanges, [
      { status: 'het_hieu_luc_toan_bo', cause: { documentNumber: '12/2026/QĐ-UBND' } },
    ]);

    const { legalDocuments: replacing } = await query<{ legalDocuments: Array<{ documentNumber: string }> }>(
      `query ($id: ID!) { legalDocuments(filters: {
        relations: { type: { eq: "thay_the" }, target: { documentId: { eq: $id } } } }) { documentNumber } }`,
      { id: old?.documentId },
    );
    assert.deepEqual(replacing, [{ documentNumber: '12/2026/QĐ-UBND' }]);

    const { legalDocuments: amended } = await query<{ legalDocuments: Array<{ validityStatus: string }> }>(
      '{ legalDocuments(filters: { documentNumber: { eq: "25/2024/NQ-HĐND" } }) { validityStatus } }',
    );
    assert.deepEqual(amended, [{ validityStatus: 'het_hieu_luc_mot_phan' }]);
  });

  it('links each procedure’s legal basis to the demo documents it names', async () => {
    const { procedures } = await query<{
      procedures: Array<{ code: string; legalBasis: Array<{ documentNumber: string }> }>;
    }>(`{ procedures${ALL} { code legalBasis { documentNumber } } }`);
    for (const procedure of content.procedures) {
      const stored = procedures.find((p) => p.code === procedure.code);
      assert.ok(stored, procedure.code);
      assert.deepEqual(stored.legalBasis.map((d) => d.documentNumber).sort(), [...procedure.legalBasis].sort());
    }
  });

  it('links news to the documents and procedures it reports on, and marks a revised calendar entry', async () => {
    const linked = content.articles.filter((a) => a.relatedDocuments?.length || a.relatedProcedures?.length);
    assert.ok(linked.length > 0);
    for (const article of linked) {
      const { articles } = await query<{
        articles: Array<{
          relatedDocuments: Array<{ documentNumber: string }>;
          relatedProcedures: Array<{ code: string }>;
        }>;
      }>(
        `query ($slug: String!) { articles(filters: { slug: { eq: $slug } }) {
          relatedDocuments { documentNumber } relatedProcedures { code } } }`,
        { slug: article.slug },
      );
      assert.deepEqual(
        articles[0]?.relatedDocuments.map((d) => d.documentNumber).sort(),
        [...(article.relatedDocuments ?? [])].sort(),
      );
      assert.deepEqual(
        articles[0]?.relatedProcedures.map((p) => p.code).sort(),
        [...(article.relatedProcedures ?? [])].sort(),
      );
    }
    const { calendarEntries } = await query<{ calendarEntries: Array<{ revision: number; time: string }> }>(
      `{ calendarEntries(filters: { revision: { gt: 0 } }) { revision time } }`,
    );
    assert.deepEqual(calendarEntries, [{ revision: 1, time: '08:00:00.000' }]);
  });

  it('records the seed in the audit trail as written by the system, in both locales', async () => {
    const admin = await adminSession(backend);
    const trail = async (documentId: string) => {
      const answer = await admin.request(
        'GET',
        `${admin.base('api::audit-entry.audit-entry')}?filters[entryDocumentId][$eq]=${documentId}&sort=id:asc&pageSize=100`,
      );
      assert.equal(answer.status, 200);
      return (answer.body as { results: Array<{ action: string; actorName: string; entryLocale: string | null }> })
        .results;
    };
    const { legalDocuments, agencies } = await query<{
      legalDocuments: Array<{ documentId: string }>;
      agencies: Array<{ documentId: string }>;
    }>(`{
      legalDocuments(filters: { documentNumber: { eq: "12/2026/QĐ-UBND" } }) { documentId }
      agencies(filters: { code: { eq: "UBND" } }) { documentId }
    }`);
    // Setting the relations is no line of its own: the trail compares the entry's fields, not components.
    const decision = await trail(legalDocuments[0]?.documentId ?? '');
    assert.deepEqual(
      decision.map((e) => e.action),
      ['create', 'publish'],
    );
    // Created published in Vietnamese (one line); the English locale is an update of the same document,
    // with its stage on a line of its own, then its publication.
    const agency = await trail(agencies[0]?.documentId ?? '');
    assert.deepEqual(
      agency.map((e) => [e.action, e.entryLocale]),
      [
        ['create', 'vi'],
        ['update', 'en'],
        ['stage', 'en'],
        ['publish', 'en'],
      ],
    );
    assert.ok([...decision, ...agency].every((e) => e.actorName === 'Hệ thống'));
  });

  it('stores every text as NFC', async () => {
    const data = await query(`{
      agencies${ALL} { name address headName headTitle description }
      en: agencies(locale: "en", pagination: { limit: 200 }) { name address headName headTitle description }
      legalDocuments${ALL} { documentNumber abstract signer signerTitle body }
      procedures${ALL} { name subjects result requirements steps { title description } methods { duration fee } dossier { name } }
      calendarEntries${ALL} { content venue leaders attendees }
      pages${ALL} { title summary body }
      fields${ALL} { name nameEn }
      siteSetting { portalName ownerAgency licenceLine editorInChief address }
    }`);
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(data);
    assert.ok(texts.length > 300, `read ${texts.length} texts`);
    assert.deepEqual(
      texts.filter((text) => text.normalize('NFC') !== text),
      [],
    );
  });
});
