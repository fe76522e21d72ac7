import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FACETS } from '@portal/search';
import { FACET_LABELS } from './search-facets.ts';

describe('search facets', () => {
  it('names every facet the indexes can filter by, and no other', () =>
    assert.deepEqual(Object.keys(FACET_LABELS).sort(), [...FACETS].sort()));
});
