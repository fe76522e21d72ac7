import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  facetValues,
  filterDocuments,
  hasFilters,
  parseFilters,
  shardsFor,
  splitFinderData,
  type FinderDocument,
} from './finder.ts';

const doc = (n: string, d: string, extra: Partial<FinderDocument> = {}): FinderDocument => ({
  u: `/van-ban/${n.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
  n,
  t: 'quyet-dinh',
  d,
  f: [],
  x: `Trích yếu ${n}`,
  ...extra,
});

const documents = [
  doc('18/2021/QĐ-UBND', '2021-06-15', { a: 'ubnd', f: ['cntt'], v: 'het-hieu-luc-toan-bo', k: 'Lê Văn Hùng' }),
  doc('12/2026/QĐ-UBND', '2026-03-20', { a: 'ubnd', f: ['cntt'], v: 'con-hieu-luc', k: 'Hà Quang Vinh' }),
  doc('45/HD-SKHCN', '2026-04-10', { t: 'huong-dan', a: 'skhcn', f: ['cntt'], k: 'Đinh Thị Mai Phương' }),
  doc('2543/QĐ-UBND', '2025-09-01', { a: 'ubnd', f: ['ho-tich', 'tu-phap'], v: 'con-hieu-luc', k: 'Hà Quang Vinh' }),
];
const numbers = (list: FinderDocument[]) => list.map((d) => d.n);

describe('parseFilters', () => {
  it('reads the form parameters, trimmed', () =>
    assert.deepEqual(parseFilters(new URLSearchParams('loai=quyet-dinh&nam=+2026+&so=2543')), {
      loai: 'quyet-dinh',
      nam: '2026',
      so: '2543',
    }));
  it('ignores blank and unknown parameters', () => {
    const filters = parseFilters(new URLSearchParams('loai=&q=x&utm_source=y'));
    assert.deepEqual(filters, {});
    assert.equal(hasFilters(filters), false);
  });
  it('caps very long values', () =>
    assert.equal(parseFilters(new URLSearchParams({ so: 'x'.repeat(5000) })).so?.length, 100));
});

describe('filterDocuments', () => {
  it('without filters lists everything, newest issue date first', () =>
    assert.deepEqual(numbers(filterDocuments(documents, {})), [
      '45/HD-SKHCN',
      '12/2026/QĐ-UBND',
      '2543/QĐ-UBND',
      '18/2021/QĐ-UBND',
    ]));
  it('narrows by type', () =>
    assert.deepEqual(numbers(filterDocuments(documents, { loai: 'huong-dan' })), ['45/HD-SKHCN']));
  it('narrows by year of issue', () =>
    assert.deepEqual(numbers(filterDocuments(documents, { nam: '2026' })), ['45/HD-SKHCN', '12/2026/QĐ-UBND']));
  it('narrows by agency, field and validity combined', () =>
    assert.deepEqual(
      numbers(filterDocuments(documents, { 'co-quan': 'ubnd', 'linh-vuc': 'cntt', 'hieu-luc': 'con-hieu-luc' })),
      ['12/2026/QĐ-UBND'],
    ));
  it('finds a signer typed without diacritics', () =>
    assert.deepEqual(numbers(filterDocuments(documents, { 'nguoi-ky': 'ha quang vinh' })), [
      '12/2026/QĐ-UBND',
      '2543/QĐ-UBND',
    ]));
  it('finds by number in any spelling', () => {
    for (const so of ['2543/QĐ-UBND', '2543/QD-UBND', '2543 qd ubnd', 'qd 2543'])
      assert.deepEqual(numbers(filterDocuments(documents, { so })), ['2543/QĐ-UBND'], so);
  });
  it('a year that no document has gives nothing', () =>
    assert.deepEqual(filterDocuments(documents, { nam: '1999' }), []));
  it('a year is not a prefix match on the month', () =>
    assert.deepEqual(filterDocuments(documents, { nam: '202' }), []));
});

describe('facetValues', () => {
  it('counts every value a document carries', () =>
    assert.deepEqual(
      [...facetValues(documents, (d) => d.f).entries()],
      [
        ['cntt', 3],
        ['ho-tich', 1],
        ['tu-phap', 1],
      ],
    ));
});

describe('splitFinderData and shardsFor', () => {
  const labels = { types: { 'quyet-dinh': 'Quyết định' }, agencies: {}, fields: {}, statuses: {} };
  const { index, shards } = splitFinderData({ documents, labels }, (year) => `/van-ban/du-lieu/${year}.json`);

  it('makes one file per issue year, newest first, that together hold every document once', () => {
    assert.deepEqual(
      shards.map((s) => [s.year, numbers(s.documents)]),
      [
        ['2026', ['12/2026/QĐ-UBND', '45/HD-SKHCN']],
        ['2025', ['2543/QĐ-UBND']],
        ['2021', ['18/2021/QĐ-UBND']],
      ],
    );
    assert.deepEqual(index, {
      labels,
      total: 4,
      shards: [
        { year: '2026', count: 2, url: '/van-ban/du-lieu/2026.json' },
        { year: '2025', count: 1, url: '/van-ban/du-lieu/2025.json' },
        { year: '2021', count: 1, url: '/van-ban/du-lieu/2021.json' },
      ],
    });
  });

  it('filters the joined files exactly as the whole list', () => {
    const joined = shards.flatMap((s) => s.documents);
    for (const filters of [{ loai: 'quyet-dinh' }, { 'co-quan': 'ubnd', nam: '2026' }, { so: '2543' }])
      assert.deepEqual(filterDocuments(joined, filters), filterDocuments(documents, filters));
  });

  it('reads only the named year when the filter has one, every year otherwise', () => {
    assert.deepEqual(
      shardsFor(index, { nam: '2025', loai: 'quyet-dinh' }).map((s) => s.year),
      ['2025'],
    );
    assert.deepEqual(shardsFor(index, { nam: '1999' }), []);
    assert.deepEqual(
      shardsFor(index, { loai: 'quyet-dinh' }).map((s) => s.year),
      ['2026', '2025', '2021'],
    );
  });

  it('refuses a document without a usable issue date', () =>
    assert.throws(() => splitFinderData({ documents: [doc('1/X', '')], labels }, String), RangeError));
});
