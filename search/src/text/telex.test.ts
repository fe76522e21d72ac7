import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTelex, telexWord } from './telex.ts';

describe('Telex leftovers', () => {
  const cases: Array<[string, string]> = [
    ['thur', 'thủ'],
    ['tucj', 'tục'],
    ['dduwowngf', 'đường'],
    ['hoaf', 'hòa'],
    ['nguowif', 'người'],
    ['chuyeenr', 'chuyển'],
    ['ddooir', 'đổi'],
    ['khoer', 'khỏe'],
    ['quys', 'quý'],
    ['tusc', 'túc'],
    ['dduwowfng', 'đường'],
  ];
  for (const [typed, word] of cases) it(`reads ${typed} as ${word}`, () => assert.equal(telexWord(typed), word));

  it('leaves plain unmarked Vietnamese and abbreviations alone', () => {
    for (const word of ['nam', 'duong', 'thu', 'tuc', 'BHXH', 'UBND', 'qd']) assert.equal(telexWord(word), undefined);
    assert.equal(decodeTelex('thu tuc hanh chinh'), undefined);
  });

  it('decodes only the Telex words of a query', () =>
    assert.equal(decodeTelex('thur tucj dang ky 2543'), 'thủ tục dang ky 2543'));
});
