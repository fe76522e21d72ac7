import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffFields, entryTitle } from './audit-diff.ts';

describe('audit trail differences', () => {
  const fields = ['title', 'lead', 'featured', 'postedAt', 'updatedAt', 'publishedAt'];

  it('lists only the fields that changed, with before and after', () => {
    assert.deepEqual(
      diffFields({ title: 'A', lead: 'x', featured: false }, { title: 'B', lead: 'x', featured: false }, fields),
      {
        title: { before: 'A', after: 'B' },
      },
    );
  });
  it('ignores bookkeeping fields that change on every write', () => {
    assert.deepEqual(
      diffFields({ updatedAt: '1', publishedAt: null }, { updatedAt: '2', publishedAt: '3' }, fields),
      {},
    );
  });
  it('treats a date object and its ISO string as the same value', () => {
    const at = '2026-11-21T08:00:00.000Z';
    assert.deepEqual(diffFields({ postedAt: new Date(at) }, { postedAt: at }, fields), {});
  });
  it('records every filled field of a new entry against nothing', () => {
    assert.deepEqual(diffFields(null, { title: 'A', lead: null }, fields), { title: { before: null, after: 'A' } });
  });
  it('names an entry by its number, title or name', () => {
    assert.equal(entryTitle({ documentNumber: '15/2024/QĐ-UBND', abstract: 'Về việc' }), '15/2024/QĐ-UBND');
    assert.equal(entryTitle({ title: 'Tin', name: 'x' }), 'Tin');
    assert.equal(entryTitle({ name: 'Sở Y tế', code: 'SYT' }), 'Sở Y tế');
    assert.equal(entryTitle({}), null);
  });
});
