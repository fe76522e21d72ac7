import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOCUMENT_TYPE_LABELS,
  RELATION_LABELS,
  VALIDITY_LABELS,
  documentName,
  enumSlug,
  fileTypeLabel,
  formatFileSize,
  formatIsoDate,
  relationsOf,
  validityLabel,
  type DocumentRef,
} from './documents.ts';

describe('labels', () => {
  it('are NFC Vietnamese', () => {
    for (const text of [...Object.values(DOCUMENT_TYPE_LABELS), ...Object.values(VALIDITY_LABELS)])
      assert.equal(text, text.normalize('NFC'));
  });
  it('name both directions of every relation', () => {
    assert.deepEqual(RELATION_LABELS['thay_the'], { active: 'Thay thế', passive: 'Bị thay thế bởi' });
  });
});

describe('document display', () => {
  it('names a document by type and number', () =>
    assert.equal(
      documentName({ documentType: 'quyet_dinh', documentNumber: '12/2026/QĐ-UBND' }),
      'Quyết định số 12/2026/QĐ-UBND',
    ));
  it('labels validity statuses', () => assert.equal(validityLabel('het_hieu_luc_toan_bo'), 'Hết hiệu lực toàn bộ'));
  it('refuses an unknown status rather than showing a raw key', () =>
    assert.throws(() => validityLabel('bi_huy'), RangeError));
  it('makes URL segments of enumeration values', () =>
    assert.equal(enumSlug('het_hieu_luc_mot_phan'), 'het-hieu-luc-mot-phan'));
  it('shows stored dates as dd/mm/yyyy without a time-zone shift', () =>
    assert.equal(formatIsoDate('2026-01-01'), '01/01/2026'));
  it('refuses a date that is not YYYY-MM-DD', () => assert.throws(() => formatIsoDate('1/1/2026'), RangeError));
});

describe('formatFileSize (Strapi sizes are in kB)', () => {
  const cases: Array<[number, string]> = [
    [0.5, '500 byte'],
    [12.34, '12 KB'],
    [999.4, '999 KB'],
    [1234.56, '1,2 MB'],
    [10_500, '11 MB'],
  ];
  for (const [size, shown] of cases) it(`${size} kB → ${shown}`, () => assert.equal(formatFileSize(size), shown));
  it('refuses negative sizes', () => assert.throws(() => formatFileSize(-1), RangeError));
});

describe('fileTypeLabel', () => {
  it('uses the extension, upper case', () => assert.equal(fileTypeLabel('.pdf', 'application/pdf'), 'PDF'));
  it('falls back to the MIME subtype', () => assert.equal(fileTypeLabel(null, 'application/pdf'), 'PDF'));
});

describe('relationsOf', () => {
  const ref = (documentId: string, documentNumber: string): DocumentRef => ({
    documentId,
    slug: documentId,
    documentNumber,
    documentType: 'quyet_dinh',
    abstract: `Trích yếu ${documentNumber}`,
  });
  const old = ref('old', '18/2021/QĐ-UBND');
  const replacing = ref('new', '12/2026/QĐ-UBND');
  const draft = ref('draft', '99/2026/QĐ-UBND');
  const published = new Map([old, replacing].map((d) => [d.documentId, d]));
  const recorded = [
    { source: replacing, type: 'thay_the', targetId: 'old' },
    { source: replacing, type: 'can_cu', targetId: 'draft' },
    { source: draft, type: 'bai_bo', targetId: 'old' },
  ];

  it('the replacing document reads "Thay thế"', () =>
    assert.deepEqual(
      relationsOf(replacing, recorded, published).map((r) => [r.label, r.other.documentNumber]),
      [['Thay thế', '18/2021/QĐ-UBND']],
    ));
  it('the replaced document reads "Bị thay thế bởi", computed from the other side', () =>
    assert.deepEqual(
      relationsOf(old, recorded, published).map((r) => [r.label, r.other.documentNumber]),
      [['Bị thay thế bởi', '12/2026/QĐ-UBND']],
    ));
  it('leaves out relations to and from unpublished documents', () => {
    const all = [...relationsOf(old, recorded, published), ...relationsOf(replacing, recorded, published)];
    assert.ok(all.every((r) => r.other.documentId !== 'draft'));
  });
});
