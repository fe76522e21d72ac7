import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prepareQuery } from './query.ts';

describe('prepareQuery', () => {
  it('sends a query without diacritics as it is, with no tone-exact part', () =>
    assert.deepEqual(prepareQuery('  thu tuc  hanh chinh '), { text: 'thu tuc hanh chinh' }));

  it('adds the tone-encoded words when the query has diacritics, keeping quoted phrases', () => {
    const prepared = prepareQuery('"dược phẩm" hoà');
    assert.equal(prepared.text, '"dược phẩm" hòa');
    assert.equal(prepared.toned, '"jduwowcq rphaamq" fhoaq');
  });

  it('spaces procedure codes the way Meilisearch splits the indexed code', () =>
    assert.equal(prepareQuery('1.000948').text, '1 000948'));

  it('adds a Telex reading when the query holds Telex leftovers', () =>
    assert.equal(prepareQuery('thur tucj').telex, 'thủ tục'));

  it('picks the document number or code out of a longer query', () => {
    assert.equal(prepareQuery('quyết định số 2543/QĐ-UBND').identifier, '2543/QĐ-UBND');
    assert.equal(prepareQuery('nghi quyet 79/2010').identifier, '79/2010');
    assert.equal(prepareQuery('thu tuc 1.000948').identifier, '1 000948');
    assert.equal(prepareQuery('ma 1000948').identifier, '1000948');
    assert.equal(prepareQuery('ke hoach so 102/KH-UBND').identifier, '102/KH-UBND');
    assert.equal(prepareQuery('2543/QĐ-UBND').identifier, undefined, 'the whole query is already the number');
    assert.equal(prepareQuery('chuyen doi so nam 2026').identifier, undefined);
  });
});
