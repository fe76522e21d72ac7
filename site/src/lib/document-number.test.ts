import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, matchesDocumentNumber, numberTokens } from './document-number.ts';

describe('foldText', () => {
  it('folds Đ, tones and case', () => assert.equal(foldText('QĐ-HĐND Thủy'), 'qd-hdnd thuy'));
  it('folds decomposed (NFD) input the same', () => assert.equal(foldText('QĐ'.normalize('NFD')), 'qd'));
  it('folds the Icelandic Ð that copy-paste produces', () => assert.equal(foldText('Q\u00D0'), 'qd'));
});

describe('numberTokens', () => {
  it('splits at separators and between letters and digits', () =>
    assert.deepEqual(numberTokens('15/2024/QĐ-UBND'), ['15', '2024', 'qd', 'ubnd']));
  it('splits glued input', () => assert.deepEqual(numberTokens('2543qd'), ['2543', 'qd']));
});

describe('matchesDocumentNumber', () => {
  const finds: Array<[string, string]> = [
    ['2543/QĐ-UBND', '2543/QĐ-UBND'],
    ['2543/QĐ-UBND', '2543/QD-UBND'],
    ['2543/QĐ-UBND', '2543 qd ubnd'],
    ['2543/QĐ-UBND', 'qd 2543'],
    ['2543/QĐ-UBND', '2543'],
    ['2543/QĐ-UBND', '2543/Q'],
    ['15/2024/QĐ-UBND', '15/2024/QĐ-UBND'],
    ['15/2024/QĐ-UBND', '15/2024'],
    ['79/2010/NĐ-CP', '79/2010/'],
    ['07/2026/NQ-HĐND', '7/2026/nq-hdnd'],
    ['25/2024/NQ-HĐND', 'nq hđnd 25'],
    ['123/UBND-KT', '  123 / ubnd – kt '],
  ];
  for (const [number, query] of finds)
    it(`"${query}" finds ${number}`, () => assert.ok(matchesDocumentNumber(number, query)));

  const misses: Array<[string, string]> = [
    ['2543/QĐ-UBND', '2544'],
    ['2543/QĐ-UBND', '2543/NQ'],
    ['79/2011/NĐ-CP', '79/2010/'],
    ['15/2024/QĐ-UBND', '1/2024/'],
    // A part is used once: "15 15" does not find a number with one 15.
    ['15/2024/QĐ-UBND', '15 15'],
    // A finished part must be whole: "254/" is not 2543.
    ['2543/QĐ-UBND', '254/'],
  ];
  for (const [number, query] of misses)
    it(`"${query}" does not find ${number}`, () => assert.equal(matchesDocumentNumber(number, query), false));

  it('an empty query finds everything', () => assert.ok(matchesDocumentNumber('2543/QĐ-UBND', ' / ')));
});
