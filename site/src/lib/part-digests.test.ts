import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILD_MEMORY } from './build-memory.ts';
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

  it("writes the kept snapshot's frozen objects as digests of their content in the build process", async () => {
    const memory = { frozenDigests: new WeakMap<object, string>() };
    (globalThis as Record<symbol, unknown>)[BUILD_MEMORY] = memory;
    try {
      // The module as a build in the publisher's build process loads it (its own copy: the memory is read on load).
      const inBuilder = (await import(new URL('./part-digests.ts?builder', import.meta.url).href)) as {
        keyReplacer: typeof keyReplacer;
      };
      const cover = (alt: string) => Object.freeze({ url: '/uploads/a.jpg', alt, formats: Object.freeze({ w: 640 }) });
      const first = cover('Ảnh');
      const text = JSON.stringify({ title: 'Tiêu đề', cover: first, tags: ['a'] }, inBuilder.keyReplacer);
      assert.ok(text.includes('#frozen') && !text.includes('/uploads/a.jpg'), text);
      assert.ok(text.includes('Tiêu đề') && text.includes('"tags":["a"]'), 'what is not frozen is written whole');
      assert.ok(memory.frozenDigests.has(first), 'made once, kept for the next builds');
      const again = JSON.stringify({ title: 'Tiêu đề', cover: cover('Ảnh'), tags: ['a'] }, inBuilder.keyReplacer);
      assert.equal(again, text, 'the same content gives the same digest, whichever object holds it');
      const other = Object.freeze({ url: '/uploads/a.jpg', alt: 'Ảnh', formats: Object.freeze({ w: 800 }) });
      assert.notEqual(
        JSON.stringify({ cover: other }, inBuilder.keyReplacer),
        JSON.stringify({ cover: first }, inBuilder.keyReplacer),
      );
      // Outside the build process (this module, loaded without the memory) the same object is written whole.
      assert.ok(JSON.stringify({ cover: first }, keyReplacer).includes('/uploads/a.jpg'));
    } finally {
      delete (globalThis as Record<symbol, unknown>)[BUILD_MEMORY];
    }
  });

  it('checks the shape of kept digests', () => {
    assert.ok(isPartDigestsList([{ body: 'x' }, {}], 2));
    assert.equal(isPartDigestsList([{ body: 'x' }], 2), false);
    assert.equal(isPartDigestsList([{ body: 1 }], 1), false);
    assert.equal(isPartDigestsList([null], 1), false);
    assert.equal(isPartDigestsList(undefined, 0), false);
  });
});
