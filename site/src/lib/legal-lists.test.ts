import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { joinLegalContent, newestProcedures, type ProcedureEntry } from './legal-content.ts';
import {
  documentFacetGroups,
  documentListPages,
  finderData,
  procedureListPages,
  withoutCounts,
} from './legal-lists.ts';

type Nodes = Parameters<typeof joinLegalContent>;
const agency = { name: 'Ủy ban nhân dân tỉnh Sơn Hà', slug: 'ubnd-tinh' };
const documentNode = (documentId: string, documentNumber: string, issueDate: string, extra: object = {}) =>
  ({
    documentId,
    slug: documentId,
    documentNumber,
    documentType: 'quyet_dinh',
    abstract: `Trích yếu ${documentNumber}`,
    signer: 'Hà Quang Vinh',
    signerTitle: null,
    issueDate,
    effectiveDate: null,
    expiryDate: null,
    validityStatus: 'con_hieu_luc',
    publishedAt: null,
    updatedAt: null,
    issuingAgency: agency,
    fields: [{ name: 'Hộ tịch', slug: 'ho-tich' }],
    attachments: [],
    relations: [],
    validityChanges: [],
    ...extra,
  }) as unknown as Nodes[0][number];

const documents = [
  documentNode('qd-old', '18/2021/QĐ-UBND', '2021-06-15', { validityStatus: 'het_hieu_luc_toan_bo' }),
  documentNode('qd-new', '12/2026/QĐ-UBND', '2026-03-20', {
    relations: [
      { type: 'thay_the', note: null, target: { documentId: 'qd-old' } },
      // A relation to a document that is not published (the API gives the target, the site does not know it).
      { type: 'can_cu', note: null, target: { documentId: 'not-published' } },
    ],
  }),
  documentNode('nq', '25/2024/NQ-HĐND', '2024-12-10', { documentType: 'nghi_quyet', issuingAgency: null }),
];
const procedures = [
  {
    documentId: 'p1',
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    slug: 'dang-ky-khai-sinh',
    level: 'xa',
    serviceLevel: 'toan_trinh',
    fields: [{ name: 'Hộ tịch', slug: 'ho-tich' }],
    implementingAgency: null,
    competentAgency: null,
    coordinatingAgencies: [],
    legalBasis: [{ documentId: 'qd-new' }, { documentId: 'not-published' }],
  },
] as unknown as Nodes[1];

describe('joinLegalContent', () => {
  const content = joinLegalContent(documents, procedures);
  it('sorts documents newest issue date first', () =>
    assert.deepEqual(
      content.documents.map((d) => d.documentNumber),
      ['12/2026/QĐ-UBND', '25/2024/NQ-HĐND', '18/2021/QĐ-UBND'],
    ));
  it('joins relations both ways and drops unpublished targets', () => {
    assert.deepEqual(
      content.documentBySlug.get('qd-new')?.relations.map((r) => [r.label, r.other.documentId]),
      [['Thay thế', 'qd-old']],
    );
    assert.deepEqual(
      content.documentBySlug.get('qd-old')?.relations.map((r) => [r.label, r.other.documentId]),
      [['Bị thay thế bởi', 'qd-new']],
    );
  });
  it('lists the procedures that cite a document, and only published legal basis', () => {
    assert.deepEqual(
      content.documentBySlug.get('qd-new')?.procedures.map((p) => p.code),
      ['1.001193'],
    );
    assert.deepEqual(
      content.procedureBySlug.get('dang-ky-khai-sinh')?.legalBasis.map((d) => d.documentId),
      ['qd-new'],
    );
  });
  it('refuses a document whose slug cannot make a URL', () =>
    assert.throws(() => joinLegalContent([documentNode('Bad Slug', '1/QĐ', '2026-01-01')], []), /slug/));
});

describe('finder list pages', () => {
  const content = joinLegalContent(documents, procedures);
  const urls = documentListPages(content.documents).map((list) => list.url);
  it('builds the full list and one list per facet value that occurs', () =>
    assert.deepEqual(urls.sort(), [
      '/van-ban/',
      '/van-ban/co-quan/ubnd-tinh/',
      '/van-ban/hieu-luc/con-hieu-luc/',
      '/van-ban/hieu-luc/het-hieu-luc-toan-bo/',
      '/van-ban/linh-vuc/ho-tich/',
      '/van-ban/loai/nghi-quyet/',
      '/van-ban/loai/quyet-dinh/',
      '/van-ban/nam/2021/',
      '/van-ban/nam/2024/',
      '/van-ban/nam/2026/',
    ]));
  it('a facet page lists exactly the documents with that value', () => {
    const year = documentListPages(content.documents).find((list) => list.url === '/van-ban/nam/2021/');
    assert.deepEqual(
      year?.items.map((d) => d.documentNumber),
      ['18/2021/QĐ-UBND'],
    );
  });
  it('each facet list holds exactly its documents, in the list order, once each, at any size', () => {
    const fields = ['ho-tich', 'dat-dai', 'giao-thong', 'y-te', 'giao-duc'];
    const nodes = Array.from({ length: 400 }, (_, i) =>
      documentNode(`vb-${i}`, `${i}/20${10 + (i % 17)}/QĐ-UBND`, `20${10 + (i % 17)}-0${1 + (i % 9)}-1${i % 10}`, {
        // Some documents name a field twice: they are listed once.
        fields: [fields[i % 5], fields[(i * 7) % 5], fields[i % 5]].map((slug) => ({ name: `Lĩnh vực ${slug}`, slug })),
        documentType: i % 3 ? 'quyet_dinh' : 'nghi_quyet',
      }),
    );
    const all = joinLegalContent(nodes, []).documents;
    // The first page and the archive buckets (which hold every document, the newest again) together.
    const itemsOf = (url: string) => {
      const lists = documentListPages(all).filter((list) => list.url === url || list.url.startsWith(`${url}trang/`));
      for (const list of lists) assert.equal(new Set(list.items).size, list.items.length, `${list.url}: once each`);
      return [...new Set(lists.flatMap((list) => list.items.map((d) => d.slug)))].sort();
    };
    for (const field of fields) {
      const expected = all.filter((d) => d.fields.some((f) => f.slug === field)).map((d) => d.slug);
      assert.equal(new Set(expected).size, expected.length);
      assert.deepEqual(itemsOf(`/van-ban/linh-vuc/${field}/`), [...expected].sort(), field);
    }
    const first = documentListPages(all).find((list) => list.url === '/van-ban/linh-vuc/ho-tich/');
    const ordered = all.filter((d) => d.fields.some((f) => f.slug === 'ho-tich')).slice(0, first?.items.length);
    assert.deepEqual(
      first?.items.map((d) => d.slug),
      ordered.map((d) => d.slug),
      'newest first, as the full list',
    );
  });
  it('counts facet values, years newest first', () => {
    const years = documentFacetGroups(content.documents).find((group) => group.facet === 'year');
    assert.deepEqual(
      years?.values.map((v) => [v.label, v.count]),
      [
        ['2026', 1],
        ['2024', 1],
        ['2021', 1],
      ],
    );
  });
  it('pages a document list in archive buckets: a newer document changes the first page and the newest bucket only', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        // One a day from 1 January 2025, so the last one is the newest.
        documentNode(
          `qd-${i + 1}`,
          `${i + 1}/2025/QĐ-UBND`,
          new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
        ),
      );
    const shown = (count: number) =>
      new Map(
        documentListPages(joinLegalContent(many(count), []).documents).map((list) => [
          list.url,
          JSON.stringify({ items: list.items.map((d) => d.slug), nav: list.nav, total: list.total }),
        ]),
      );
    const before = shown(45);
    const after = shown(46);
    assert.deepEqual(
      [...before.keys()].filter((url) => url.startsWith('/van-ban/trang/')).sort(),
      ['/van-ban/trang/1/', '/van-ban/trang/2/', '/van-ban/trang/3/'],
      '45 documents: the newest 20 on /van-ban/, buckets of 20 from the oldest',
    );
    const changed = [...after.keys()].filter((url) => before.get(url) !== after.get(url)).sort();
    // Every list holds all of them here (one type, year, agency, field, status): each changes two pages.
    assert.ok(changed.includes('/van-ban/') && changed.includes('/van-ban/trang/3/'), changed.join(' '));
    assert.ok(!changed.includes('/van-ban/trang/1/') && !changed.includes('/van-ban/trang/2/'), changed.join(' '));
    assert.equal(changed.length, 12, changed.join(' '));
  });
  it('shows facet counts only where asked (withoutCounts)', () => {
    const groups = withoutCounts(documentFacetGroups(joinLegalContent(documents, procedures).documents));
    assert.ok(groups.every((group) => group.values.every((value) => value.count === undefined)));
    assert.ok(groups.some((group) => group.values.length > 0));
  });
  it('builds procedure lists by level and service level', () =>
    assert.deepEqual(
      procedureListPages(content.procedures)
        .map((list) => list.url)
        .sort(),
      [
        '/thu-tuc-hanh-chinh/',
        '/thu-tuc-hanh-chinh/cap/xa/',
        '/thu-tuc-hanh-chinh/linh-vuc/ho-tich/',
        '/thu-tuc-hanh-chinh/muc-do/toan-trinh/',
      ],
    ));
  it('the finder data carries the listed fields only', () => {
    const data = finderData(content.documents);
    assert.deepEqual(Object.keys(data.documents[0] ?? {}).sort(), ['a', 'd', 'f', 'k', 'n', 't', 'u', 'v', 'x']);
    assert.equal(data.labels.types['nghi-quyet'], 'Nghị quyết');
    assert.equal(data.labels.statuses['het-hieu-luc-toan-bo'], 'Hết hiệu lực toàn bộ');
  });
});

describe('newestProcedures', () => {
  it('lists the most recently published first, as many as asked', () => {
    const p = (documentId: string, publishedAt: string | null) =>
      ({ documentId, publishedAt }) as unknown as ProcedureEntry;
    const newest = newestProcedures(
      [p('a', '2026-01-01'), p('b', '2026-03-01'), p('c', null), p('d', '2026-02-01')],
      2,
    );
    assert.deepEqual(
      newest.map((procedure) => procedure.documentId),
      ['b', 'd'],
    );
  });
});
