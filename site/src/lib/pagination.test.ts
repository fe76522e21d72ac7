import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageCount, pageItems } from './pagination.ts';

describe('pageItems', () => {
  const cases: Array<[number, number, string]> = [
    [1, 1, ''],
    [1, 2, '1 2'],
    [1, 3, '1 2 3'],
    [2, 5, '1 2 3 4 5'],
    [2, 7, '1 2 3 … 7'],
    [1, 10, '1 2 … 10'],
    [4, 10, '1 2 3 4 5 … 10'],
    [5, 10, '1 … 4 5 6 … 10'],
    [3, 10, '1 2 3 4 … 10'],
    [10, 10, '1 … 9 10'],
    [8, 10, '1 … 7 8 9 10'],
  ];
  for (const [current, total, expected] of cases) {
    it(`page ${current} of ${total} shows "${expected}"`, () => {
      assert.equal(
        pageItems(current, total)
          .map((item) => (item === 'gap' ? '…' : item))
          .join(' '),
        expected,
      );
    });
  }
});

describe('pageCount', () => {
  const cases: Array<[number, number, number]> = [
    [0, 10, 1],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [16, 10, 2],
    [101, 10, 11],
  ];
  for (const [total, size, expected] of cases) {
    it(`${total} articles at ${size} a page fill ${expected} page(s)`, () =>
      assert.equal(pageCount(total, size), expected));
  }
});
