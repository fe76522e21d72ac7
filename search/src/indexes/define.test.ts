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

describe('every index definition', () => {
  it('has a distinct content type, index name and id type', async () => {
    const { INDEXES } = await import('./index.ts');
    for (const key of ['uid', 'name', 'type'] as const) {
      const values = INDEXES.map((index) => index[key]);
      assert.equal(new Set(values).size, values.length, `duplicate ${key}: ${values.join(', ')}`);
    }
  });
});
