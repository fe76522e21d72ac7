import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { legalDocumentIndex } from './legal-document.ts';
import { procedureIndex } from './procedure.ts';

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

  it('never copies private or editorial fields', () => {
    const serialised = JSON.stringify(legalDocumentIndex.toDocument(documentEntry));
    assert.doesNotMatch(serialised, /ghi chú nội bộ|da_xuat_ban|scheduled|ubnd@example/);
  });
});

describe('procedure index', () => {
  const entry = {
    documentId: 'p1',
    code: '1.001193.000.00.00.H99',
    name: 'Đăng ký khai sinh',
    slug: 'dang-ky-khai-sinh',
    level: 'xa',
    serviceLevel: 'toan_trinh',
    steps: [{ title: 'Nộp hồ sơ', description: 'Nộp trực tuyến' }],
    publishedAt: '2026-01-01T00:00:00.000Z',
    reviewNote: 'không công khai',
  };
  it('indexes the code forms and the service level label, and nothing private', () => {
    const document = procedureIndex.toDocument(entry);
    assert.ok(document.codeForms.includes('1.001193'));
    assert.equal(document.serviceLevel, 'Toàn trình');
    assert.equal(document.level, 'Cấp xã');
    assert.doesNotMatch(JSON.stringify(document), /không công khai/);
  });
});
