import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentEntry } from './legal-content.ts';
import { documentsRss, governmentServiceJsonLd, legislationJsonLd } from './legal-feeds.ts';

const entry = (overrides: Partial<DocumentEntry> = {}): DocumentEntry => ({
  documentId: 'a1',
  slug: '12-2026-qd-ubnd',
  documentNumber: '12/2026/QĐ-UBND',
  documentType: 'quyet_dinh',
  abstract: 'Ban hành Quy chế <hoạt động> & vận hành',
  signer: 'Hà Quang Vinh',
  signerTitle: 'CHỦ TỊCH',
  issueDate: '2026-03-20',
  effectiveDate: '2026-04-01',
  expiryDate: null,
  validityStatus: 'con_hieu_luc',
  publishedAt: '2026-03-21T01:00:00.000Z',
  updatedAt: null,
  body: null,
  agency: { name: 'UBND tỉnh Sơn Hà', slug: 'ubnd-tinh-son-ha' },
  fields: [],
  attachments: [],
  relations: [],
  history: [],
  procedures: [],
  ...overrides,
});

describe('documentsRss', () => {
  const xml = documentsRss(
    [entry(), entry({ documentId: 'b', slug: 'b', documentNumber: '45/HD-SKHCN', documentType: 'huong_dan' })],
    'https://portal.example/',
    'Cổng thông tin điện tử tỉnh Sơn Hà',
    1,
  );
  it('links items with absolute URLs', () =>
    assert.match(xml, /<link>https:\/\/portal\.example\/van-ban\/12-2026-qd-ubnd\/<\/link>/));
  it('escapes the abstract', () => assert.match(xml, /Quy chế &lt;hoạt động&gt; &amp; vận hành/));
  it('keeps only the newest items asked for', () => {
    assert.equal(xml.match(/<item>/g)?.length, 1);
    assert.ok(!xml.includes('45/HD-SKHCN'));
  });
  it('dates an item at midnight in Vietnam on its issue day', () =>
    assert.match(xml, /<pubDate>Thu, 19 Mar 2026 17:00:00 GMT<\/pubDate>/));
  it('names the portal and the document type', () => {
    assert.match(xml, /<title>Văn bản – Cổng thông tin điện tử tỉnh Sơn Hà<\/title>/);
    assert.match(xml, /<category>Quyết định<\/category>/);
  });
  it('declares itself', () => {
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
    assert.match(xml, /<atom:link href="https:\/\/portal\.example\/van-ban\/rss\.xml" rel="self"/);
  });
});

describe('JSON-LD', () => {
  it('describes a document as schema.org Legislation', () => {
    const data = legislationJsonLd(
      entry({
        attachments: [{ url: '/uploads/qd.pdf', name: 'qd.pdf', ext: '.pdf', mime: 'application/pdf', size: 120.5 }],
      }),
      'https://portal.example/',
      (url) => `https://cms.example${url}`,
    );
    assert.equal(data['@type'], 'Legislation');
    assert.equal(data.legislationIdentifier, '12/2026/QĐ-UBND');
    assert.equal(data.legislationLegalForce, 'https://schema.org/InForce');
    assert.equal(data.url, 'https://portal.example/van-ban/12-2026-qd-ubnd/');
    assert.deepEqual(data.encoding?.[0]?.contentUrl, 'https://cms.example/uploads/qd.pdf');
  });
  it("describes a procedure as a GovernmentService of the portal's province when no agency is given", () => {
    const data = governmentServiceJsonLd(
      {
        slug: 'dang-ky-khai-sinh',
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        procedureType: null,
        subjects: null,
        onlineUrl: null,
        implementingAgency: null,
        competentAgency: null,
      } as unknown as Parameters<typeof governmentServiceJsonLd>[0],
      'https://portal.example/',
      { owner: 'Ủy ban nhân dân tỉnh Sơn Hà', masthead: ['Cổng thông tin điện tử', 'Tỉnh Sơn Hà'] },
    );
    assert.equal(data['@type'], 'GovernmentService');
    assert.equal(data.provider.name, 'Ủy ban nhân dân tỉnh Sơn Hà');
    assert.equal(data.areaServed.name, 'Tỉnh Sơn Hà');
    assert.equal(data.url, 'https://portal.example/thu-tuc-hanh-chinh/dang-ky-khai-sinh/');
  });
});
