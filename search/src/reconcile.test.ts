import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentHash } from './reconcile.ts';

describe('documentHash', () => {
  const document = { id: 'article-a-vi', title: 'Thủ tục', nested: { b: 1, a: [1, 2] } };

  it('ignores the order of keys, as Meilisearch may return them in another order', () => {
    assert.equal(
      documentHash(document),
      documentHash({ nested: { a: [1, 2], b: 1 }, title: 'Thủ tục', id: 'article-a-vi' }),
    );
  });

  it('changes with any value, list order, added or missing field', () => {
    const base = documentHash(document);
    for (const changed of [
      { ...document, title: 'Thủ tục hành chính' },
      { ...document, nested: { b: 1, a: [2, 1] } },
      { ...document, extra: null },
      { id: document.id, title: document.title },
    ])
      assert.notEqual(documentHash(changed), base, JSON.stringify(changed));
  });
});
