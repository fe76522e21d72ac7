import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContentError, published } from './articles.ts';

const article = {
  documentId: 'abc123',
  title: 'Lễ hội Mùa vàng Mường Tiên 2026',
  slug: 'le-hoi-mua-vang-muong-tien-2026' as string | null,
  postedAt: '2026-09-27T12:30:00.000Z' as string | null,
  publishedAt: '2026-09-28T01:00:00.000Z' as string | null,
  lead: 'Tóm tắt',
};

describe('published', () => {
  it('keeps the fields and dates the article by postedAt', () => {
    const result = published(article);
    assert.equal(result.slug, 'le-hoi-mua-vang-muong-tien-2026');
    assert.equal(result.date, '2026-09-27T12:30:00.000Z');
    assert.equal(result.lead, 'Tóm tắt');
  });

  it('falls back to publishedAt when postedAt is not set', () => {
    assert.equal(published({ ...article, postedAt: null }).date, '2026-09-28T01:00:00.000Z');
  });

  const bad: Array<[string, Partial<typeof article>]> = [
    ['no slug', { slug: null }],
    ['a slug with diacritics', { slug: 'lễ-hội' }],
    ['a slug with a slash', { slug: 'a/b' }],
    ['no date at all', { postedAt: null, publishedAt: null }],
    ['a date that is not ISO', { postedAt: '27/09/2026' }],
  ];
  for (const [name, change] of bad) {
    it(`refuses an article with ${name}, naming it`, () => {
      assert.throws(
        () => published({ ...article, ...change }),
        (error: unknown) => {
          assert.ok(error instanceof ContentError);
          assert.match(error.message, /abc123/);
          return true;
        },
      );
    });
  }
});
