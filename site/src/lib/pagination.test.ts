import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { archiveBuckets, archiveNav, bucketSlice, pageCount, pageItems } from './pagination.ts';

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

describe('stable news list pages', () => {
  const show = (nav: ReturnType<typeof archiveNav>) =>
    nav.items.map((item) => (item === 'gap' ? '…' : item === 'first' ? 'M' : item)).join(' ');

  it('has no archive while the first page shows everything', () => {
    assert.equal(archiveBuckets(0, 10), 0);
    assert.equal(archiveBuckets(10, 10), 0);
    assert.equal(archiveBuckets(11, 10), 2);
    assert.deepEqual(archiveNav('first', 10, 10), { items: [] });
  });

  it('numbers buckets from the oldest, each newest first', () => {
    const list = Array.from({ length: 25 }, (_, i) => 25 - i); // newest first: 25 … 1
    assert.deepEqual(bucketSlice(list, 1, 10), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert.deepEqual(bucketSlice(list, 2, 10), [20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    assert.deepEqual(bucketSlice(list, 3, 10), [25, 24, 23, 22, 21]);
  });

  it('keeps every bucket but the newest unchanged when an article is added', () => {
    const before = Array.from({ length: 95 }, (_, i) => 95 - i);
    const after = [96, ...before];
    for (let bucket = 1; bucket < archiveBuckets(95, 10); bucket++)
      assert.deepEqual(bucketSlice(after, bucket, 10), bucketSlice(before, bucket, 10), `bucket ${bucket}`);
    assert.notDeepEqual(bucketSlice(after, 10, 10), bucketSlice(before, 10, 10));
  });

  it("changes a bucket's links only near the newest bucket", () => {
    const changed = (total: number) => {
      const buckets = archiveBuckets(total + 1, 10);
      return Array.from({ length: buckets }, (_, i) => i + 1).filter(
        (bucket) => JSON.stringify(archiveNav(bucket, total, 10)) !== JSON.stringify(archiveNav(bucket, total + 1, 10)),
      );
    };
    assert.deepEqual(changed(95), [], 'a bucket that is not full yet: no links change');
    assert.deepEqual(changed(100), [8, 9, 10, 11], 'a new bucket: the few that link to it');
  });

  it('links the first page to older buckets and each bucket to its neighbours', () => {
    assert.equal(show(archiveNav('first', 95, 10)), 'M 9 8 7 … 1');
    assert.deepEqual([archiveNav('first', 95, 10).newer, archiveNav('first', 95, 10).older], [undefined, 9]);
    assert.equal(show(archiveNav(10, 95, 10)), 'M 10 9 8 … 1');
    assert.deepEqual([archiveNav(10, 95, 10).newer, archiveNav(10, 95, 10).older], ['first', 9]);
    assert.equal(show(archiveNav(5, 95, 10)), 'M … 7 6 5 4 3 2 1');
    assert.equal(show(archiveNav(1, 95, 10)), 'M … 3 2 1');
    assert.deepEqual([archiveNav(1, 95, 10).newer, archiveNav(1, 95, 10).older], [2, undefined]);
    assert.equal(show(archiveNav(2, 25, 10)), 'M 3 2 1');
  });
});
