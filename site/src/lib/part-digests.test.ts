import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheKeyOf } from './page-keys.ts';
import { DIGEST_MIN_LENGTH, digestParts, isPartDigestsList, keyReplacer, rememberParts } from './part-digests.ts';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const article = (body: string) => ({
  documentId: 'a1',
  title: 'Tiêu đề',
  category: { slug: 'c', name: 'Chuyên mục' },
  body: [paragraph(body)],
});
const long = 'Lời văn của bài viết. '.repeat(60);

describe('part digests', () => {
  it('digests the large object-valued fields only', () => {
    const digests = digestParts(article(long));
    assert.deepEqual(Object.keys(digests), ['body']);
    assert.ok(JSON.stringify(article(long).body).length >= DIGEST_MIN_LENGTH);
    assert.deepEqual(digestParts(article('ngắn')), {});
    assert.notEqual(digestParts(article(long)).body, digestParts(article(`${long}.`)).body);
  });

  it('writes a remembered part as its digest in a key, and the key changes exactly when the content does', () => {
    const remembered = article(long);
    rememberParts(remembered, digestParts(remembered));
    const text = JSON.stringify({ ...remembered, slug: 's' }, keyReplacer);
    assert.ok(text.includes('#sha256') && !text.includes('Lời văn'), 'the body is written as its digest');
    // Every build remembers every entry's parts, so keys compare like with like; a part not remembered is
    // serialised whole, which gives another key for the same content.
    const fresh = article(long);
    assert.equal(cacheKeyOf({ ...remembered, slug: 's' }), cacheKeyOf({ ...remembered, slug: 's' }));
    const changed = article(`${long} Đã sửa.`);
    rememberParts(changed, digestParts(changed));
    assert.notEqual(cacheKeyOf(remembered), cacheKeyOf(changed));
    assert.notEqual(cacheKeyOf(remembered), cacheKeyOf({ ...remembered, title: 'Tiêu đề khác' }));
    assert.notEqual(cacheKeyOf(remembered), cacheKeyOf(fresh), 'the keys differ in form, not in what they cover');
  });

  it('checks the shape of kept digests', () => {
    assert.ok(isPartDigestsList([{ body: 'x' }, {}], 2));
    assert.equal(isPartDigestsList([{ body: 'x' }], 2), false);
    assert.equal(isPartDigestsList([{ body: 1 }], 1), false);
    assert.equal(isPartDigestsList([null], 1), false);
    assert.equal(isPartDigestsList(undefined, 0), false);
  });
});
