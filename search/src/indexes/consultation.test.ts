import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consultationIndex } from './consultation.ts';
import { INDEXES } from './index.ts';
import { KIND_LABELS } from './labels.ts';

/** A published draft as the CMS's Document Service returns it: bookkeeping included. */
const entry = {
  id: 7,
  documentId: 'c1',
  locale: null,
  title: 'Dự thảo Quy định quản lý chợ',
  slug: 'du-thao-quy-dinh-quan-ly-cho',
  summary: 'Lấy ý kiến về phân cấp quản lý chợ và thu phí.',
  report: [{ type: 'paragraph', children: [{ type: 'text', text: 'Tiếp thu 12 ý kiến về phí.' }] }],
  draftingAgency: { id: 2, documentId: 'a1', name: 'Sở Công Thương' },
  field: { id: 1, documentId: 'f1', name: 'Công thương' },
  openAt: '2026-12-31T18:00:00.000Z',
  closeAt: '2027-02-05T10:00:00.000Z',
  publishedAt: '2026-12-20T01:00:00.000Z',
  editorialStage: 'da_xuat_ban',
  reviewNote: 'zqnote ghi chú nội bộ',
  createdBy: { email: 'zqnote-editor@example.gov.vn' },
};

describe('consultation index', () => {
  it('is registered with the other public indexes, with its own kind', () => {
    assert.ok(INDEXES.includes(consultationIndex));
    assert.equal(consultationIndex.name, 'consultations');
    assert.equal(KIND_LABELS.consultation, 'Dự thảo lấy ý kiến');
  });

  it('copies only the allow-listed public fields', () => {
    const document = consultationIndex.toDocument(entry);
    assert.deepEqual(Object.keys(document).sort(), [
      'agency',
      'aliases',
      'closeAt',
      'dateTs',
      'documentId',
      'fields',
      'id',
      'kind',
      'locale',
      'openAt',
      'slug',
      'summary',
      'text',
      'title',
      'tonedText',
      'tonedTitle',
      'type',
      'year',
    ]);
    assert.equal(document.id, 'consultation-c1-vi');
    assert.equal(document.agency, 'Sở Công Thương');
    assert.deepEqual(document.fields, ['Công thương']);
    assert.match(document.text, /Tiếp thu 12 ý kiến/);
    assert.equal(document.year, 2026);
    assert.doesNotMatch(JSON.stringify(document), /zqnote|editorialStage|createdBy/);
  });

  it('has a settled shape for a draft without a report, agency or field', () => {
    const document = consultationIndex.toDocument({ ...entry, report: null, draftingAgency: null, field: null });
    assert.equal(document.text, '');
    assert.equal(document.agency, null);
    assert.deepEqual(document.fields, []);
  });

  it('rejects an entry without its period', () => {
    assert.throws(() => consultationIndex.toDocument({ ...entry, closeAt: undefined }));
  });
});
