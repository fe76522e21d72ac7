import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translationPairs } from './translations.ts';

describe('translationPairs', () => {
  const vi = [
    { documentId: 'a', slug: 'gioi-thieu' },
    { documentId: 'b', slug: 'lien-he' },
  ];
  const en = [{ documentId: 'a', slug: 'about' }];
  const pairs = translationPairs(
    vi,
    en,
    (s) => `/${s}/`,
    (s) => `/en/${s}/`,
  );
  it('pairs the two localisations of one entry by documentId, whatever their slugs', () =>
    assert.deepEqual(pairs, [['/gioi-thieu/', '/en/about/']]));
  it('leaves out a page with no English localisation (its link goes to the English home page)', () =>
    assert.ok(!pairs.some(([path]) => path === '/lien-he/')));
});
