import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { placeIn, RELATED_ARTICLES } from './article-context.ts';

interface Item {
  documentId: string;
  postedAt: string;
}
const newestFirst = (a: Item, b: Item) =>
  b.postedAt.localeCompare(a.postedAt) || a.documentId.localeCompare(b.documentId);
/** n articles a day apart, newest first: a19 … a0. */
const sequence = (n: number): Item[] =>
  Array.from({ length: n }, (_, i) => ({
    documentId: `a${i}`,
    postedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  })).sort(newestFirst);
const ids = (items: Array<Item | undefined>) => items.map((item) => item?.documentId);
const placeOf = (list: Item[], item: Item) => {
  const { newer, older, related } = placeIn(list, item, newestFirst, list.indexOf(item));
  return JSON.stringify([ids([newer, older]), ids(related)]);
};

describe('an article among its neighbours', () => {
  it('links the next newer and older article and relates the older ones next to it', () => {
    const list = sequence(20);
    const place = placeIn(list, list[5] as Item, newestFirst, 5);
    assert.deepEqual(ids([place.newer, place.older]), ['a15', 'a13']);
    assert.deepEqual(ids(place.related), ['a12', 'a11', 'a10', 'a9', 'a8']);
    assert.equal(place.related.length, RELATED_ARTICLES);
  });

  it('fills the related list with newer ones when too few are older', () => {
    const list = sequence(20);
    const oldest = placeIn(list, list[19] as Item, newestFirst, 19);
    assert.deepEqual(ids([oldest.newer, oldest.older]), ['a1', undefined]);
    assert.deepEqual(ids(oldest.related), ['a6', 'a5', 'a4', 'a3', 'a2']);
  });

  it('changes only the previous newest when a newer article is published', () => {
    const before = sequence(20);
    const added = { documentId: 'new', postedAt: '2027-01-01T00:00:00.000Z' };
    const after = [added, ...before];
    const changed = before
      .filter((item) => placeOf(before, item) !== placeOf(after, item))
      .map((item) => item.documentId);
    assert.deepEqual(changed, ['a19']);
  });

  it('places a draft that is not in the list where it would be published', () => {
    const list = sequence(5);
    const draft = { documentId: 'draft', postedAt: new Date(Date.UTC(2026, 0, 3, 12)).toISOString() };
    const place = placeIn(list, draft, newestFirst);
    assert.deepEqual(ids([place.newer, place.older]), ['a3', 'a2']);
  });

  it('places an article by its known index exactly as by sorting (the build path copies nothing)', () => {
    for (let n = 1; n <= 13; n++) {
      const list = sequence(n);
      list.forEach((item, index) => {
        const known = placeIn(list, item, newestFirst, index);
        const sorted = placeIn(list, item, newestFirst);
        assert.deepEqual(
          [ids([known.newer, known.older]), ids(known.related)],
          [ids([sorted.newer, sorted.older]), ids(sorted.related)],
          `${n} articles, index ${index}`,
        );
      });
    }
  });

  it('reads a few neighbours per article, not its whole sequence (a build places 40,000 of them)', () => {
    const list = sequence(1000);
    let reads = 0;
    const counted = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    list.forEach((item, index) => placeIn(counted, item, newestFirst, index));
    // A copy of the sequence per article (the former way) read 1,000 entries each: quadratic at scale.
    assert.ok(reads <= list.length * (2 * RELATED_ARTICLES + 3), `${reads / list.length} reads per article`);
  });
});
