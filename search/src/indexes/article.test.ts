import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { articleIndex } from './article.ts';

const entry = {
  id: 7,
  documentId: 'abc123',
  title: 'Ứng dụng công nghệ thông tin',
  slug: 'ung-dung-cong-nghe-thong-tin',
  lead: 'Tóm tắt',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung' }] }],
  postedAt: '2026-11-18T01:30:00.000Z',
  publishedAt: '2026-11-19T01:30:00.000Z',
  createdAt: '2026-11-17T01:30:00.000Z',
  createdBy: { email: 'bientapvien@example.gov.vn' },
  author: 'Nguyễn Văn A',
  internalNote: 'không công khai',
  category: { id: 3, documentId: 'cat1', name: 'Chuyển đổi số', slug: 'chuyen-doi-so' },
};

describe('article index', () => {
  it('builds a stable id from type, documentId and locale, never the database id', () => {
    assert.equal(articleIndex.toDocument(entry).id, 'article-abc123-vi');
    assert.equal(articleIndex.toDocument({ ...entry, id: 99, locale: 'en' }).id, 'article-abc123-en');
  });

  it('copies only the allow-listed fields', () => {
    assert.deepEqual(Object.keys(articleIndex.toDocument(entry)).sort(), [
      'aliases',
      'category',
      'categorySlug',
      'dateTs',
      'documentId',
      'id',
      'kind',
      'lead',
      'locale',
      'postedAt',
      'slug',
      'text',
      'title',
      'tonedText',
      'tonedTitle',
      'type',
      'year',
    ]);
    const serialised = JSON.stringify(articleIndex.toDocument(entry));
    assert.doesNotMatch(serialised, /bientapvien|không công khai|createdAt/);
  });

  it('falls back to the publication date when the article has no date of its own', () => {
    const document = articleIndex.toDocument({ ...entry, postedAt: null });
    assert.equal(document.postedAt, entry.publishedAt);
    assert.equal(document.dateTs, Date.parse(entry.publishedAt) / 1000);
  });

  it('rejects an entry that lacks what the index needs', () => {
    assert.throws(() => articleIndex.toDocument({ ...entry, documentId: undefined }));
  });
});
