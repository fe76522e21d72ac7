import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { articleIndex, INDEXES, legalDocumentIndex, procedureIndex, STORES, storeOf } from './index.ts';
import { LONG_ATTRIBUTES, SHARED_SEARCHABLE, TONED_ATTRIBUTES } from './shared-settings.ts';
import { mergedSettings, ownSearchable, storesOf } from './stores.ts';

describe('search stores', () => {
  it('put every content type in exactly one index, the legal documents in their own', () => {
    assert.deepEqual(
      STORES.flatMap((store) => store.members).sort((a, b) => a.name.localeCompare(b.name)),
      [...INDEXES].sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.deepEqual(
      storeOf(legalDocumentIndex).members.map((member) => member.name),
      [legalDocumentIndex.name],
    );
    assert.equal(storeOf(legalDocumentIndex).settings.proximityPrecision, 'byAttribute');
    assert.deepEqual(ownSearchable(storeOf(legalDocumentIndex)), legalDocumentIndex.settings.searchableAttributes);
    assert.equal(storeOf(articleIndex), storeOf(procedureIndex));
  });

  it('tell their types apart by the id and the filterable type', () => {
    for (const store of STORES) {
      const types = store.members.map((member) => member.type);
      assert.equal(new Set(types).size, types.length, store.name);
      assert.ok(store.settings.filterableAttributes?.includes('type'), store.name);
    }
  });

  it('search every field each member searches, short fields first, interleaved by rank', () => {
    for (const store of STORES) {
      const searchable = ownSearchable(store);
      for (const member of store.members)
        for (const field of member.settings.searchableAttributes ?? [])
          assert.ok(searchable.includes(field), `${store.name} searches ${member.name}'s ${field}`);
      assert.equal(new Set(searchable).size, searchable.length);
      // Toned fields first, so a tone-exact match scores alike in every index; the shared ones last.
      assert.deepEqual(searchable.slice(0, TONED_ATTRIBUTES.length), [...TONED_ATTRIBUTES]);
      assert.deepEqual(searchable.slice(-SHARED_SEARCHABLE.length), [...SHARED_SEARCHABLE]);
      // No short field after a long one.
      const own = searchable.slice(TONED_ATTRIBUTES.length, -SHARED_SEARCHABLE.length);
      const firstLong = own.findIndex((field) => (LONG_ATTRIBUTES as readonly string[]).includes(field));
      assert.ok(firstLong > 0, store.name);
      assert.ok(own.slice(firstLong).every((field) => (LONG_ATTRIBUTES as readonly string[]).includes(field)));
    }
    const content = storeOf(articleIndex).settings.searchableAttributes ?? [];
    // Each type's first field before any type's second: a procedure's name ranks as an article's title.
    assert.ok(content.indexOf('name') < content.indexOf('lead'));
    assert.ok(content.indexOf('title') < content.indexOf('name'));
    assert.ok(content.indexOf('code') < content.indexOf('category'));
  });

  it('list the same searchable fields, so a field of the same rank scores alike in every index', () => {
    const [first, ...others] = STORES.map((store) => store.settings.searchableAttributes ?? []);
    assert.ok(first && others.length);
    for (const other of others) {
      assert.equal(other.length, first.length);
      assert.deepEqual([...other].sort(), [...first].sort());
    }
    // Each store's own fields first, in their own order: the fields added for the length come last.
    for (const store of STORES)
      assert.deepEqual(
        (store.settings.searchableAttributes ?? []).slice(0, ownSearchable(store).length),
        ownSearchable(store),
      );
  });

  it('display every field a member displays', () => {
    for (const store of STORES)
      for (const member of store.members)
        for (const field of member.settings.displayedAttributes ?? [])
          assert.ok(store.settings.displayedAttributes?.includes(field), `${store.name} displays ${field}`);
  });

  it('refuse types whose settings differ beyond their fields', () => {
    const apart = {
      ...procedureIndex,
      store: articleIndex.store,
      settings: { ...procedureIndex.settings, proximityPrecision: 'byAttribute' as const },
    };
    assert.throws(() => mergedSettings([articleIndex, apart]), /cannot share the index/);
    assert.throws(() => storesOf([articleIndex, apart]), /settings differ/);
  });
});
