import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentEntry } from './legal-content.ts';
import { breadcrumbJsonLd, documentsRss, escapeXml, jsonLdText, legislationJsonLd, rfc822Date } from './legal-feeds.ts';

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
  agency: { name: 'UBND tỉnh Sơn Hà', slug: 'ubnd-tinh-son-ha' },
  fields: [],
  attachments: [],
  relations: [],
  history: [],
  procedures: [],
  ...overrides,
});

describe('escapeXml', () => {
  it('escapes markup characters', () =>
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;'));
  it('drops control characters XML forbids', () => assert.equal(escapeXml('a\u0001b\u000Bc\td'), 'abc\td'));
});

describe('rfc822Date', () => {
  it('is midnight in Vietnam on that day', () =>
    assert.equal(rfc822Date('2026-03-20'), 'Fri, 20 Mar 2026 00:00:00 +0700'));
});

describe('documentsRss', () => {
  const xml = documentsRss(
    [entry(), entry({ documentId: 'b', slug: 'b', documentNumber: '45/HD-SKHCN', documentType: 'huong_dan' })],
    'https://portal.example/',
    1,
  );
  it('links items with absolute URLs', () =>
    assert.match(xml, /<link>https:\/\/portal\.example\/van-ban\/12-2026-qd-ubnd\/<\/link>/));
  it('escapes the abstract', () => assert.match(xml, /Quy chế &lt;hoạt động&gt; &amp; vận hành/));
  it('keeps only the newest items asked for', () => {
    assert.equal(xml.match(/<item>/g)?.length, 1);
    assert.ok(!xml.includes('45/HD-SKHCN'));
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
  it('numbers breadcrumb items from 1 with absolute URLs', () =>
    assert.deepEqual(
      breadcrumbJsonLd(
        [
          { label: 'Trang chủ', href: '/' },
          { label: 'Văn bản', href: '/van-ban/' },
        ],
        'https://portal.example/',
      ).itemListElement,
      [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://portal.example/' },
        { '@type': 'ListItem', position: 2, name: 'Văn bản', item: 'https://portal.example/van-ban/' },
      ],
    ));
  it('cannot close its script element', () => assert.ok(!jsonLdText({ x: '</script><script>' }).includes('<')));
});
