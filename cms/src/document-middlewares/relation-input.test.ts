import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { relationRefs } from './relation-input.ts';

describe('relationRefs', () => {
  const cases: Array<[string, unknown, Array<string | number> | undefined]> = [
    ['an absent relation', undefined, undefined],
    ['a cleared relation', null, []],
    ['a documentId', 'abc', ['abc']],
    ['a database id', 7, [7]],
    ['an object with a documentId', { documentId: 'abc', locale: 'vi' }, ['abc']],
    ['an array of mixed shapes', ['a', { documentId: 'b' }, { id: 3 }], ['a', 'b', 3]],
    ['a set', { set: [{ documentId: 'a' }] }, ['a']],
    ['a connect', { connect: [{ documentId: 'a', position: { end: true } }], disconnect: [] }, ['a']],
    ['an empty object', {}, []],
  ];
  for (const [what, input, expected] of cases) {
    it(`reads ${what}`, () => assert.deepEqual(relationRefs(input), expected));
  }
});
