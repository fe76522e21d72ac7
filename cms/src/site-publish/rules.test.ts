import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changesPublicVersion } from './rules.ts';

describe('which writes change the public site', () => {
  it('publish, unpublish and delete of a draft-and-publish entry do', () => {
    for (const action of ['publish', 'unpublish', 'delete']) assert.equal(changesPublicVersion(action, true, {}), true);
  });

  it('saving or discarding a draft does not, a create or update that publishes does', () => {
    assert.equal(changesPublicVersion('create', true, {}), false);
    assert.equal(changesPublicVersion('update', true, { status: 'draft' }), false);
    assert.equal(changesPublicVersion('discardDraft', true, {}), false);
    assert.equal(changesPublicVersion('create', true, { status: 'published' }), true);
    assert.equal(changesPublicVersion('update', true, { status: 'published' }), true);
  });

  it('every write of a type without drafts (a category, an agency) does; reads never do', () => {
    for (const action of ['create', 'update', 'delete']) assert.equal(changesPublicVersion(action, false, {}), true);
    for (const action of ['findMany', 'findOne', 'count']) assert.equal(changesPublicVersion(action, false, {}), false);
  });
});
