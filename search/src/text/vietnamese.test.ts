import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fold, hasDiacritics, normalizeVietnamese, toneEncode, toneEncodeWord } from './vietnamese.ts';

describe('Vietnamese text for search', () => {
  it('puts the tone of open oa/oe/uy syllables on the first vowel, as the CMS stores it', () => {
    assert.equal(normalizeVietnamese('Thanh Hoá, khoẻ, thuỷ, UỶ BAN'), 'Thanh Hóa, khỏe, thủy, ỦY BAN');
    assert.equal(normalizeVietnamese('hoàng toán quý'), 'hoàng toán quý');
  });

  it('folds tones, vowel marks and đ', () => {
    assert.equal(fold('Đường Hồ Chí Minh'), 'duong ho chi minh');
    assert.ok(hasDiacritics('dược'));
    assert.ok(!hasDiacritics('duoc pham'));
  });

  const pairs: Array<[string, string]> = [
    ['đường', 'fdduwowngq'],
    ['dương', 'zduwowngq'],
    ['đương', 'zdduwowngq'],
    ['dược', 'jduwowcq'],
    ['được', 'jdduwowcq'],
    ['hoà', 'fhoaq'],
    ['Hòa', 'fhoaq'],
    ['2543', '2543'],
  ];
  for (const [word, encoded] of pairs)
    it(`encodes “${word}” as ${encoded}`, () => assert.equal(toneEncodeWord(word), encoded));

  it('never makes one word a prefix of another, so prefix search cannot match across words', () =>
    assert.ok(!toneEncodeWord('luật').startsWith(toneEncodeWord('lụa'))));

  it('keeps words that differ only by tone apart, and one word in both tone placements together', () => {
    const distinct = new Set(['đường', 'dương', 'đương', 'duong'].map(toneEncodeWord));
    assert.equal(distinct.size, 4);
    assert.equal(toneEncode('hoà thuỷ'), toneEncode('hòa thủy'));
  });
});
