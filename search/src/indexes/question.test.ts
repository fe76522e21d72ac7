import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INDEXES } from './index.ts';
import { KIND_LABELS } from './labels.ts';
import { questionIndex } from './question.ts';

/** A published question as the CMS's Document Service returns it: private fields included. */
const entry = {
  id: 12,
  documentId: 'q1',
  locale: null,
  title: 'Đổi giấy phép lái xe quá hạn',
  slug: 'doi-giay-phep-lai-xe-qua-han',
  question: 'Giấy phép lái xe của tôi quá hạn ba tháng, thủ tục đổi thế nào?',
  answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Theo quy định hiện hành, ông/bà được đổi.' }] }],
  field: { id: 1, documentId: 'f1', name: 'Giao thông vận tải' },
  agency: { id: 2, documentId: 'a1', name: 'Sở Giao thông vận tải' },
  answeringAgency: { id: 3, documentId: 'a2', name: 'Sở Xây dựng' },
  answeringUnit: 'Phòng Quản lý phương tiện',
  receivedAt: '2026-11-20T02:00:00.000Z',
  answeredAt: '2026-12-02',
  publishedAt: '2026-12-03T01:00:00.000Z',
  processingStatus: 'da_tra_loi',
  trackingCode: 'ZQMARKTRK',
  askerName: 'Zqmark Nguyễn Văn Hỏi',
  askerEmail: 'zqmark@example.vn',
  askerPhone: '0909zqmark',
  askerAddress: 'Số 1 đường Zqmark',
  consentVersion: 'zqmark-v1',
  consentText: 'Tôi đồng ý zqmark',
  consentAt: '2026-11-20T02:00:00.000Z',
  rejectionReason: 'zqmark lý do',
  reviewNote: 'zqmark ghi chú',
  createdBy: { email: 'zqmark-editor@example.gov.vn' },
};

describe('question index', () => {
  it('is registered with the other public indexes', () => {
    assert.ok(INDEXES.includes(questionIndex));
    assert.equal(questionIndex.name, 'questions');
    assert.equal(KIND_LABELS.question, 'Hỏi đáp');
  });

  it('copies only the allow-listed public fields', () => {
    const document = questionIndex.toDocument(entry);
    assert.deepEqual(Object.keys(document).sort(), [
      'agency',
      'aliases',
      'answeredAt',
      'answeringUnit',
      'dateTs',
      'documentId',
      'fields',
      'id',
      'kind',
      'locale',
      'question',
      'receivedAt',
      'slug',
      'text',
      'title',
      'tonedText',
      'tonedTitle',
      'type',
      'year',
    ]);
    assert.equal(document.id, 'question-q1-vi');
    assert.equal(document.kind, 'Hỏi đáp');
    assert.deepEqual(document.fields, ['Giao thông vận tải']);
    assert.equal(document.agency, 'Sở Xây dựng', 'the answering agency, once there is one');
    assert.match(document.text, /Theo quy định hiện hành/);
    assert.equal(document.dateTs, Date.parse('2026-12-02') / 1000);
    assert.equal(document.year, 2026);
  });

  it('never carries anything about the asker, the consent or the editorial notes', () => {
    const serialised = JSON.stringify(questionIndex.toDocument(entry));
    assert.doesNotMatch(serialised, /zqmark/i);
    assert.doesNotMatch(serialised, /processingStatus|createdBy/);
  });

  it('keeps the addressed agency and the publication date until the question is answered', () => {
    const document = questionIndex.toDocument({ ...entry, answeringAgency: null, answeredAt: null });
    assert.equal(document.agency, 'Sở Giao thông vận tải');
    assert.equal(document.answeredAt, null);
    assert.equal(document.dateTs, Date.parse(entry.publishedAt) / 1000);
  });

  it('indexes only displayed attributes that it does not leak: none of them names the asker', () => {
    const displayed = questionIndex.settings.displayedAttributes ?? [];
    for (const name of displayed) assert.doesNotMatch(name, /asker|tracking|consent|email|phone|address/i);
  });

  it('rejects an entry that lacks what the index needs', () => {
    assert.throws(() => questionIndex.toDocument({ ...entry, slug: undefined }));
  });
});
