import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { procedureIndex } from './procedure.ts';

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
