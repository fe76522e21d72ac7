import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageIndex } from './page.ts';

const entry = {
  id: 12,
  documentId: 'page42',
  locale: 'en',
  title: 'Contact',
  slug: 'contact',
  kind: 'lien_he',
  summary: 'How to reach the office',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '54 Hùng Vương' }] }],
  publishedAt: '2026-11-19T01:30:00.000Z',
  editorialStage: 'da_xuat_ban',
  reviewNote: 'nội bộ',
  scheduledById: 3,
};

describe('page index', () => {
  it('keeps each locale as its own document with a stable id', () => {
    assert.equal(pageIndex.toDocument(entry).id, 'page-page42-en');
    assert.equal(pageIndex.toDocument({ ...entry, locale: 'vi' }).id, 'page-page42-vi');
    assert.equal(pageIndex.keyOf('page42', 'en'), 'page-page42-en');
  });

  it('copies only the allow-listed fields, never the editorial ones', () => {
    const document = pageIndex.toDocument(entry);
    assert.deepEqual(Object.keys(document).sort(), [
      'aliases',
      'documentId',
      'id',
      'kind',
      'locale',
      'pageKind',
      'slug',
      'summary',
      'text',
      'title',
      'tonedText',
      'tonedTitle',
      'type',
    ]);
    assert.equal(document.kind, 'Giới thiệu');
    assert.equal(document.pageKind, 'lien_he');
    assert.equal(document.text, '54 Hùng Vương');
    assert.doesNotMatch(JSON.stringify(document), /nội bộ|da_xuat_ban|scheduledById/);
  });
});
