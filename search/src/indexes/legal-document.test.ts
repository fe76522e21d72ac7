import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { legalDocumentIndex } from './legal-document.ts';

const documentEntry = {
  id: 4,
  documentId: 'doc1',
  documentNumber: '2543/QĐ-UBND',
  documentType: 'quyet_dinh',
  abstract: 'Công bố danh mục thủ tục hành chính được chuẩn hoá',
  slug: '2543-qd-ubnd',
  issuingAgency: { name: 'Ủy ban nhân dân tỉnh Sơn Hà', email: 'ubnd@example.gov.vn' },
  signer: 'Lê Văn Hùng',
  fields: [{ name: 'Hộ tịch' }],
  issueDate: '2025-10-30',
  validityStatus: 'con_hieu_luc',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung' }] }],
  editorialStage: 'da_xuat_ban',
  reviewNote: 'ghi chú nội bộ',
  scheduledPublishAt: '2025-11-01T00:00:00.000Z',
};

describe('legal document index', () => {
  it('builds the document with labels, number forms, year and tone-encoded text', () => {
    const document = legalDocumentIndex.toDocument(documentEntry);
    assert.equal(document.id, 'legal-document-doc1-vi');
    assert.equal(document.documentType, 'Quyết định');
    assert.equal(document.status, 'Còn hiệu lực');
    assert.equal(document.year, 2025);
    assert.equal(document.abstract, 'Công bố danh mục thủ tục hành chính được chuẩn hóa');
    assert.ok(document.numberForms.includes('qd 2543'));
    assert.match(document.tonedTitle, /jdduwowc/);
  });

  it('indexes each word of the full text once, the built-in synonyms of its terms whole', () => {
    const body = ['Điều 1. Người có giấy phép lái xe nộp hồ sơ.', 'Điều 2. Hồ sơ nộp tại Ủy ban nhân dân xã.'];
    const document = legalDocumentIndex.toDocument({
      ...documentEntry,
      body: body.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
    });
    const [words, aliases] = document.text.split('\n');
    assert.equal(words, 'Điều 1 Người có giấy phép lái xe nộp hồ sơ 2 tại Ủy ban nhân dân xã');
    assert.match(aliases ?? '', /(^| · )GPLX( · |$)/);
    const toned = document.tonedText.split(' ');
    assert.equal(toned.length, new Set(toned).size);
    assert.ok(toned.includes('fddieeuq') && toned.includes('xxaq'));
  });

  it('never copies private or editorial fields', () => {
    const serialised = JSON.stringify(legalDocumentIndex.toDocument(documentEntry));
    assert.doesNotMatch(serialised, /ghi chú nội bộ|da_xuat_ban|scheduled|ubnd@example/);
  });
});
