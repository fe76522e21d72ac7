import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentNumberSearchForms, parseDocumentNumber, type DocumentNumber } from './document-number.ts';
import { documentNumberTypeCode } from './document-types.ts';

function parse(input: string) {
  return parseDocumentNumber(input, documentNumberTypeCode);
}

function parsed(input: string): DocumentNumber {
  const result = parse(input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('parseDocumentNumber', () => {
  const good: Array<[string, string]> = [
    ['2543/QĐ-UBND', '2543/QĐ-UBND'],
    ['2543/qd-ubnd', '2543/QĐ-UBND'],
    ['2543/QD-UBND', '2543/QĐ-UBND'],
    ['15/2024/QĐ-UBND', '15/2024/QĐ-UBND'],
    ['15/2024/qđ-ubnd', '15/2024/QĐ-UBND'],
    ['  15 / 2024 / QĐ - UBND  ', '15/2024/QĐ-UBND'],
    ['15/2024/QĐ–UBND', '15/2024/QĐ-UBND'],
    ['15/2024/QĐ—UBND', '15/2024/QĐ-UBND'],
    ['15/2024/QĐ-UBND'.normalize('NFD'), '15/2024/QĐ-UBND'],
    ['15/2024/QÐ-UBND', '15/2024/QĐ-UBND'],
    ['01/VBHN-BTC', '01/VBHN-BTC'],
    ['01/vbhn-btc', '01/VBHN-BTC'],
    ['123/UBND-KT', '123/UBND-KT'],
    ['123/ubnd-kt', '123/UBND-KT'],
    ['123/UBND', '123/UBND'],
    ['05/2024/NQ-HĐND', '05/2024/NQ-HĐND'],
    ['05/2024/nq-hdnd', '05/2024/NQ-HĐND'],
    ['01/2021/TTLT-BTC-BNV', '01/2021/TTLT-BTC-BNV'],
    ['79/2010/NĐ-CP', '79/2010/NĐ-CP'],
    ['79/2010/nd-cp', '79/2010/NĐ-CP'],
    ['12/CĐ-UBND', '12/CĐ-UBND'],
    ['12/cd-ubnd', '12/CĐ-UBND'],
    ['1234/QĐ-TTg', '1234/QĐ-TTg'],
    ['1234/qd-ttg', '1234/QĐ-TTg'],
    ['20/2023/TT-BGDĐT', '20/2023/TT-BGDĐT'],
    ['12/2020/tt-bldtbxh', '12/2020/TT-BLĐTBXH'],
    ['59/2020/QH14', '59/2020/QH14'],
    ['02/2022/ubtvqh15', '02/2022/UBTVQH15'],
    ['1818/TTr-VP', '1818/TTr-VP'],
    ['1818/ttr-vp', '1818/TTr-VP'],
    ['07/ctr-ubnd', '07/CTr-UBND'],
    ['03/QyĐ-UBND', '03/QyĐ-UBND'],
    ['7816/VPCP-TTĐT', '7816/VPCP-TTĐT'],
    ['4836/SNV-TCBC', '4836/SNV-TCBC'],
    ['0099/KH-UBND', '0099/KH-UBND'],
    ['Số: 2543/QĐ-UBND', '2543/QĐ-UBND'],
    ['số 128/2025/QĐ-UBND', '128/2025/QĐ-UBND'],
    ['2543/QĐ UBND', '2543/QĐ-UBND'],
    ['45/HĐ-UBND', '45/HĐ-UBND'],
    ['45/HD-UBND', '45/HD-UBND'],
    ['1/1945/SL-CP', '1/1945/SL-CP'],
    ['1/2100/QĐ-UBND', '1/2100/QĐ-UBND'],
  ];
  for (const [input, canonical] of good) {
    it(`reads ${JSON.stringify(input)} as ${canonical}`, () => {
      assert.equal(parsed(input).canonical, canonical);
    });
  }

  const parts: Array<[string, DocumentNumber]> = [
    ['2543/qd-ubnd', { number: '2543', typeCode: 'QĐ', issuerCode: 'UBND', unitCodes: [], canonical: '2543/QĐ-UBND' }],
    [
      '05/2024/NQ-HĐND',
      { number: '05', year: 2024, typeCode: 'NQ', issuerCode: 'HĐND', unitCodes: [], canonical: '05/2024/NQ-HĐND' },
    ],
    ['123/UBND-KT', { number: '123', issuerCode: 'UBND', unitCodes: ['KT'], canonical: '123/UBND-KT' }],
    [
      '01/2021/TTLT-BTC-BNV',
      {
        number: '01',
        year: 2021,
        typeCode: 'TTLT',
        issuerCode: 'BTC',
        unitCodes: ['BNV'],
        canonical: '01/2021/TTLT-BTC-BNV',
      },
    ],
    ['59/2020/QH14', { number: '59', year: 2020, issuerCode: 'QH14', unitCodes: [], canonical: '59/2020/QH14' }],
  ];
  for (const [input, expected] of parts) {
    it(`splits ${JSON.stringify(input)} into its parts`, () => {
      assert.deepEqual(parsed(input), expected);
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['', /^Số ký hiệu không được để trống\.$/],
    ['   ', /không được để trống/],
    ['2543', /thiếu dấu “\/”/],
    ['QĐ-UBND', /thiếu dấu “\/”/],
    ['2543/', /thiếu ký hiệu sau dấu “\/”/],
    ['/QĐ-UBND', /thiếu số văn bản/],
    ['abc/def-ghi', /số văn bản “abc” chỉ được gồm chữ số/],
    ['2543a/QĐ-UBND', /số văn bản “2543a” chỉ được gồm chữ số/],
    ['00/QĐ-UBND', /phải lớn hơn 0/],
    ['15/1944/QĐ-UBND', /năm ban hành .*đang là “1944”/],
    ['15/2101/QĐ-UBND', /đang là “2101”/],
    ['15/24/QĐ-UBND', /4 chữ số/],
    ['15/QĐ/UBND', /đang là “QĐ”/],
    ['1/2/3/QĐ-UBND', /quá nhiều dấu “\/”/],
    ['2543/QĐ', /thiếu chữ viết tắt tên cơ quan ban hành sau “QĐ”/],
    ['15/2024/qd', /sau “QĐ”/],
    ['2543/QĐ--UBND', /nhóm chữ viết tắt bị trống/],
    ['2543/QĐ-UBND-', /nhóm chữ viết tắt bị trống/],
    ['2543/QĐ-ỦBND', /nhóm “ỦBND” chỉ được gồm chữ cái không dấu/],
    ['2543/QĐ-2024', /nhóm “2024” phải có ít nhất một chữ cái/],
  ];
  for (const [input, message] of bad) {
    it(`rejects ${JSON.stringify(input)} with a message naming the field`, () => {
      const result = parse(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.message, /^Số ký hiệu/);
      assert.match(result.message, message);
      assert.equal(result.message, result.message.normalize('NFC'));
    });
  }

  it('gives the same result for a canonical number parsed again', () => {
    for (const [, canonical] of good) assert.equal(parsed(canonical).canonical, canonical);
  });
});

describe('documentNumberSearchForms', () => {
  const cases: Array<[string, string[]]> = [
    ['2543/QĐ-UBND', ['2543/QĐ-UBND', '2543/QD-UBND', '2543 qđ ubnd', '2543 qd ubnd', 'qd 2543', '2543']],
    [
      '15/2024/QĐ-UBND',
      [
        '15/2024/QĐ-UBND',
        '15/2024/QD-UBND',
        '15 2024 qđ ubnd',
        '15 2024 qd ubnd',
        'qd 15/2024',
        '15/2024',
        '15/2024/qd-ubnd',
        '15',
      ],
    ],
    ['123/UBND-KT', ['123/UBND-KT', '123 ubnd kt', '123']],
    ['59/2020/QH14', ['59/2020/QH14', '59 2020 qh14', '59/2020', '59/2020/qh14', '59']],
  ];
  for (const [canonical, expected] of cases) {
    it(`lists the spellings a citizen may type for ${canonical}`, () => {
      assert.deepEqual(documentNumberSearchForms(parsed(canonical)), expected);
    });
  }

  it('has no duplicates and starts with the canonical spelling', () => {
    const forms = documentNumberSearchForms(parsed('05/2024/NQ-HĐND'));
    assert.equal(forms[0], '05/2024/NQ-HĐND');
    assert.equal(new Set(forms).size, forms.length);
  });
});
