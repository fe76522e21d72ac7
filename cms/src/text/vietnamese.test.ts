import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapStrings, removeDiacritics, slugify } from './vietnamese.ts';

describe('slugify', () => {
  const cases: Array<[string, string]> = [
    ['Đường Hồ Chí Minh', 'duong-ho-chi-minh'],
    ['Ứng dụng công nghệ thông tin năm 2026', 'ung-dung-cong-nghe-thong-tin-nam-2026'],
    ['Quyết định 2543/QĐ-UBND', 'quyet-dinh-2543-qd-ubnd'],
    ['  Thanh Hoá – Thanh Hóa!  ', 'thanh-hoa-thanh-hoa'],
    ['Tin tức – sự kiện: "Khỏe" & "khoẻ"', 'tin-tuc-su-kien-khoe-khoe'],
    ['ĐẠI HỘI ĐẢNG BỘ', 'dai-hoi-dang-bo'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(expected)}`, () => {
      assert.equal(slugify(input), expected);
    });
  }

  it('gives the same slug for NFC and NFD input', () => {
    const title = 'Cải cách hành chính';
    assert.equal(slugify(title.normalize('NFD')), slugify(title.normalize('NFC')));
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('một hai ba bốn năm sáu bảy tám chín mười', 20);
    assert.equal(slug, 'mot-hai-ba-bon-nam');
    assert.ok(slug.length <= 20);
  });

  it('produces only ASCII letters, digits and single hyphens', () => {
    const slug = slugify('Sở Tài nguyên & Môi trường -- tỉnh Sơn Hà (2026)');
    assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('removeDiacritics', () => {
  it('folds đ and every tone mark', () => {
    assert.equal(removeDiacritics('Đắk Lắk, Phú Yên, Bà Rịa – Vũng Tàu'), 'Dak Lak, Phu Yen, Ba Ria – Vung Tau');
  });
});

describe('mapStrings', () => {
  const toNfc = <T>(value: T): T => mapStrings(value, (text) => text.normalize('NFC'));
  it('normalises nested strings to NFC and leaves other values alone', () => {
    const nfd = 'Thủ tục hành chính'.normalize('NFD');
    const date = new Date(0);
    const input = { title: nfd, list: [nfd, 3, null], nested: { text: nfd, ok: true }, when: date };
    const output = toNfc(input);
    assert.equal(output.title, 'Thủ tục hành chính'.normalize('NFC'));
    assert.notEqual(output.title.length, nfd.length);
    assert.deepEqual(output.list, ['Thủ tục hành chính'.normalize('NFC'), 3, null]);
    assert.equal(output.nested.text, 'Thủ tục hành chính'.normalize('NFC'));
    assert.equal(output.nested.ok, true);
    assert.equal(output.when, date);
  });
});
