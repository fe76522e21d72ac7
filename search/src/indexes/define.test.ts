import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { populateParams } from './define.ts';

describe('populateParams', () => {
  it('encodes selected fields of a relation', () => {
    assert.deepEqual(populateParams({ category: { fields: ['name', 'slug'] } }), {
      'populate[category][fields][0]': 'name',
      'populate[category][fields][1]': 'slug',
    });
  });

  it('encodes nested populates and whole relations', () => {
    assert.deepEqual(
      populateParams({ relations: { populate: { target: { fields: ['documentNumber'] } } }, fields: true }),
      {
        'populate[relations][populate][target][fields][0]': 'documentNumber',
        'populate[fields]': 'true',
      },
    );
  });
});
