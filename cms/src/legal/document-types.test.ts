import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_TYPES, documentNumberTypeCode, documentTypeByCode, documentTypeByKey } from './document-types.ts';

describe('DOCUMENT_TYPES', () => {
  it('has unique keys, codes and names', () => {
    for (const field of ['key', 'code', 'name', 'nameEn'] as const) {
      const values = DOCUMENT_TYPES.map((type) => type[field]);
      assert.equal(new Set(values).size, values.length, `duplicate ${field}`);
    }
  });

  it('stores every Vietnamese text in NFC', () => {
    for (const type of DOCUMENT_TYPES) {
      assert.equal(type.name, type.name.normalize('NFC'));
      assert.equal(type.code, type.code.normalize('NFC'));
    }
  });

  it('uses schema-safe keys (lower case ASCII and underscores)', () => {
    for (const type of DOCUMENT_TYPES) assert.match(type.key, /^[a-z]+(?:_[a-z]+)*$/);
  });

  it('has no code in số ký hiệu for laws and official letters only', () => {
    const withoutCode = DOCUMENT_TYPES.filter((type) => !type.inDocumentNumber).map((type) => type.key);
    assert.deepEqual(withoutCode, ['luat', 'cong_van']);
  });
});

describe('documentTypeByCode', () => {
  const cases: Array<[string, string | undefined]> = [
    ['QĐ', 'Quyết định'],
    ['qđ', 'Quyết định'],
    ['QD', 'Quyết định'],
    ['qd', 'Quyết định'],
    [' Qd ', 'Quyết định'],
    ['QĐ'.normalize('NFD'), 'Quyết định'],
    ['NĐ', 'Nghị định'],
    ['nd', 'Nghị định'],
    ['NQ', 'Nghị quyết'],
    ['ct', 'Chỉ thị'],
    ['TT', 'Thông tư'],
    ['ttlt', 'Thông tư liên tịch'],
    ['KH', 'Kế hoạch'],
    ['tb', 'Thông báo'],
    ['BC', 'Báo cáo'],
    ['TTr', 'Tờ trình'],
    ['TTR', 'Tờ trình'],
    ['ttr', 'Tờ trình'],
    ['QyĐ', 'Quy định'],
    ['qyd', 'Quy định'],
    ['QC', 'Quy chế'],
    ['CĐ', 'Công điện'],
    ['cd', 'Công điện'],
    ['ctr', 'Chương trình'],
    ['PA', 'Phương án'],
    ['BB', 'Biên bản'],
    ['gm', 'Giấy mời'],
    ['CV', 'Công văn'],
    ['Luật', 'Luật'],
    ['luat', 'Luật'],
    ['LUẬT', 'Luật'],
    // Two codes fold to the same letters: the spelling as typed decides, Đ is restored only to plain ASCII input.
    ['HD', 'Hướng dẫn'],
    ['hd', 'Hướng dẫn'],
    ['HĐ', 'Hợp đồng'],
    ['hđ', 'Hợp đồng'],
    ['DA', 'Dự án'],
    ['ĐA', 'Đề án'],
    ['đa', 'Đề án'],
    ['', undefined],
    ['   ', undefined],
    ['UBND', undefined],
    ['Q', undefined],
    ['QĐA', undefined],
    ['Dạ', undefined],
    ['ĐT', undefined],
  ];
  for (const [code, expected] of cases) {
    it(`finds ${expected ?? 'nothing'} for ${JSON.stringify(code)}`, () => {
      assert.equal(documentTypeByCode(code)?.name, expected);
    });
  }

  it('finds every listed type by its own code', () => {
    for (const type of DOCUMENT_TYPES) assert.equal(documentTypeByCode(type.code), type);
  });
});

describe('documentTypeByKey', () => {
  it('finds a type by its schema key and nothing for an unknown key', () => {
    assert.equal(documentTypeByKey('quyet_dinh')?.code, 'QĐ');
    assert.equal(documentTypeByKey('quyet-dinh'), undefined);
  });
});

describe('documentNumberTypeCode', () => {
  const cases: Array<[string, string | undefined]> = [
    ['qd', 'QĐ'],
    ['ttr', 'TTr'],
    ['QYD', 'QyĐ'],
    ['ctr', 'CTr'],
    ['ttlt', 'TTLT'],
    ['CV', undefined],
    ['luat', undefined],
    ['UBND', undefined],
  ];
  for (const [code, expected] of cases) {
    it(`gives ${JSON.stringify(expected)} for ${JSON.stringify(code)}`, () => {
      assert.equal(documentNumberTypeCode(code), expected);
    });
  }
});
