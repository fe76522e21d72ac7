import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheKeyOf } from './page-keys.ts';
import { BUILD_MEMORY, keptWeakMap, type BuildMemory } from './build-memory.ts';
import {
  DIGEST_MIN_LENGTH,
  digestParts,
  isPartDigestsList,
  keptDerivation,
  keyAsDigest,
  keyReplacer,
  rememberParts,
} from './part-digests.ts';

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

  it('writes a marked object as its digest: the same key as an equal object marked, another when a field differs', () => {
    const card = (title: string) => ({ documentId: 'a1', title, category: { slug: 'c', name: 'Chuyên mục' } });
    const marked = keyAsDigest(card('Tiêu đề'));
    assert.ok(Object.isFrozen(marked), 'a digest made once must keep describing the object');
    const text = JSON.stringify({ articles: [marked, marked] }, keyReplacer);
    assert.ok(text.includes('#sha256') && !text.includes('Tiêu đề'), text);
    assert.equal(cacheKeyOf([marked]), cacheKeyOf([keyAsDigest(card('Tiêu đề'))]));
    assert.notEqual(cacheKeyOf([marked]), cacheKeyOf([keyAsDigest(card('Tiêu đề khác'))]));
    // Nested: a marked object inside another gets its own digest, and a change inside reaches the outer key.
    const outer = (inner: object) => keyAsDigest({ related: [inner] });
    assert.equal(cacheKeyOf(outer(keyAsDigest(card('A')))), cacheKeyOf(outer(keyAsDigest(card('A')))));
    assert.notEqual(cacheKeyOf(outer(keyAsDigest(card('A')))), cacheKeyOf(outer(keyAsDigest(card('B')))));
  });

  it('derives once per source, and keeps the results across builds only while the code is the same', () => {
    const globals = globalThis as Record<symbol, unknown>;
    const memory: BuildMemory = {};
    globals[BUILD_MEMORY] = memory;
    try {
      let calls = 0;
      const derive = (source: { title: string }) => {
        calls += 1;
        return { title: source.title.toUpperCase() };
      };
      const source = Object.freeze({ title: 'tin' });
      const first = keptDerivation('test', 'file:///chunk-A.mjs?portal-build=1', derive);
      const result = first(source);
      assert.equal(first(source), result);
      assert.ok(Object.isFrozen(result));
      // The next build imports the bundle again (a new function over the same map): nothing derived again.
      const second = keptDerivation('test', 'file:///chunk-A.mjs?portal-build=2', derive);
      assert.equal(second(source), result);
      assert.equal(calls, 1);
      // Another code version starts empty.
      const changed = keptDerivation('test', 'file:///chunk-B.mjs?portal-build=3', derive);
      assert.notEqual(changed(source), result);
      assert.deepEqual(changed(source), result);
      assert.equal(calls, 2);
      assert.equal(keptWeakMap('other', 'file:///x.mjs'), keptWeakMap('other', 'file:///x.mjs?portal-build=9'));
    } finally {
      delete globals[BUILD_MEMORY];
    }
    // A build on its own: a map per module, never shared.
    assert.notEqual(keptWeakMap('other', 'file:///x.mjs'), keptWeakMap('other', 'file:///x.mjs'));
  });
});
