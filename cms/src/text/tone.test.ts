import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeTonePlacement, normalizeVietnamese } from './tone.ts';

// Second-vowel placement (as typed with UniKey's "kiểu mới") → the portal's first-vowel placement.
const moved: Array<[string, string]> = [
  ['hoà', 'hòa'],
  ['hoá', 'hóa'],
  ['hoả', 'hỏa'],
  ['hoạ', 'họa'],
  ['thoả', 'thỏa'],
  ['loã', 'lõa'],
  ['goá', 'góa'],
  ['toạ', 'tọa'],
  ['đoạ', 'đọa'],
  ['khoẻ', 'khỏe'],
  ['xoè', 'xòe'],
  ['toé', 'tóe'],
  ['hoẻ', 'hỏe'],
  ['nhoẽ', 'nhõe'],
  ['loẹ', 'lọe'],
  ['thuỷ', 'thủy'],
  ['uỷ', 'ủy'],
  ['tuỳ', 'tùy'],
  ['huỷ', 'hủy'],
  ['tuý', 'túy'],
  ['luỹ', 'lũy'],
  ['tuỵ', 'tụy'],
  ['thuỳ', 'thùy'],
  ['suý', 'súy'],
  ['oà', 'òa'],
  ['Hoà', 'Hòa'],
  ['HOÀ', 'HÒA'],
  ['Thuỷ', 'Thủy'],
  ['UỶ', 'ỦY'],
  ['Uỷ', 'Ủy'],
  ['ĐOẠ', 'ĐỌA'],
  ['KHOẺ', 'KHỎE'],
  ['HoÀ', 'HòA'],
  ['Thanh Hoá', 'Thanh Hóa'],
  ['Khánh Hoà', 'Khánh Hòa'],
  ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
  ['UỶ BAN NHÂN DÂN TỈNH', 'ỦY BAN NHÂN DÂN TỈNH'],
  ['tuỳ theo, thuỷ lợi; hoà giải!', 'tùy theo, thủy lợi; hòa giải!'],
  ['Hoà-Bình (2024)', 'Hòa-Bình (2024)'],
  ['“hoá đơn”', '“hóa đơn”'],
];

// Syllables where both styles agree, or where the u/i belongs to "qu"/"gi": nothing may move.
const unchanged = [
  'hòa',
  'thủy',
  'hoàng',
  'toán',
  'hoạch',
  'hoạt',
  'khoảng',
  'đoạn',
  'loẹt',
  'thuyền',
  'khuyến',
  'Nguyễn',
  'quỳnh',
  'huỳnh',
  'quý',
  'quỷ',
  'quả',
  'quá',
  'QUÝ',
  'Quỳnh',
  'giá',
  'già',
  'giỏi',
  'ngoài',
  'khuỷu',
  'ngoẻo',
  'khuya',
  'thuở',
  'thuế',
  'hoa',
  'suy',
  'Chloé',
];

describe('normalizeTonePlacement', () => {
  for (const [input, expected] of moved) {
    it(`moves the tone in ${JSON.stringify(input)} to give ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeTonePlacement(input), expected);
    });
  }

  for (const word of unchanged) {
    it(`leaves ${JSON.stringify(word)} as it is`, () => {
      assert.equal(normalizeTonePlacement(word), word);
    });
  }

  it('gives NFC output for NFD input', () => {
    for (const [input, expected] of moved) {
      const output = normalizeTonePlacement(input.normalize('NFD'));
      assert.equal(output, expected);
      assert.equal(output, output.normalize('NFC'));
    }
  });

  it('is idempotent', () => {
    for (const text of [...moved.flat(), ...unchanged]) {
      const once = normalizeTonePlacement(text);
      assert.equal(normalizeTonePlacement(once), once);
    }
  });

  it('makes both placements of a sentence identical', () => {
    const firstVowel = 'Ủy ban tỉnh Khánh Hòa tùy nghi hóa giải, sức khỏe thủy thủ';
    const secondVowel = 'Uỷ ban tỉnh Khánh Hoà tuỳ nghi hoá giải, sức khoẻ thuỷ thủ';
    assert.equal(normalizeTonePlacement(secondVowel), firstVowel);
    assert.equal(normalizeTonePlacement(firstVowel), firstVowel);
  });

  it('leaves text without Vietnamese tones alone', () => {
    for (const text of ['', 'Toyota Corolla', '2543/QĐ-UBND', 'hoa hoe hoa sói']) {
      assert.equal(normalizeTonePlacement(text), text);
    }
  });
});

describe('normalizeVietnamese', () => {
  it('composes to NFC and applies the tone placement', () => {
    const input = 'Thuỷ lợi Thanh Hoá'.normalize('NFD');
    const output = normalizeVietnamese(input);
    assert.equal(output, 'Thủy lợi Thanh Hóa');
    assert.equal(output, output.normalize('NFC'));
  });
});
