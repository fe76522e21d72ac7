import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { notFoundPages } from './not-found.ts';

describe('notFoundPages', () => {
  it('answers below /en/ with the English 404 page first, in either page layout', () =>
    assert.deepEqual(notFoundPages('/en/no-such-page/'), ['en/404.html', 'en/404/index.html', '404.html']));
  it('answers elsewhere with the Vietnamese one', () => assert.deepEqual(notFoundPages('/khong-co/'), ['404.html']));
  it('does not take /english/ for the English section', () =>
    assert.deepEqual(notFoundPages('/english/'), ['404.html']));
});
