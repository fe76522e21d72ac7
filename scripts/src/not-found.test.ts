import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { notFoundPages } from './not-found.ts';

describe('notFoundPages', () => {
  it('answers below /en/ with the English 404 page first', () =>
    assert.equal(notFoundPages('/en/no-such-page/')[0], 'en/404/index.html'));
  it('answers elsewhere with the Vietnamese one', () => assert.deepEqual(notFoundPages('/khong-co/'), ['404.html']));
  it('does not take /english/ for the English section', () =>
    assert.deepEqual(notFoundPages('/english/'), ['404.html']));
});
