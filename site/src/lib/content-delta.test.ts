import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dependentsIn,
  differences,
  isKindRows,
  mergeKind,
  planDelta,
  shownIds,
  type Entry,
  type KindRows,
} from './content-delta.ts';

const SOURCES = {
  'api::article.article': 'articles',
  'api::legal-document.legal-document': 'documents',
  'api::procedure.procedure': 'procedures',
  'api::category.category': null,
} as const;

const rows = (...pairs: Array<[number, Entry]>): KindRows => ({
  ids: pairs.map(([id]) => id),
  entries: pairs.map(([, e]) => e),
});
const article = (documentId: string, title: string, docs: string[] = [], procs: string[] = []): Entry => ({
  documentId,
  title,
  relatedDocuments: docs.map((id) => ({ documentId: id, slug: id })),
  relatedProcedures: procs.map((id) => ({ documentId: id, slug: id })),
});

describe('planDelta', () => {
  it('sorts changes by kind, ignores types no export shows, and asks for a full read for a taxonomy', () => {
    const plan = planDelta(
      [
        { uid: 'api::article.article', documentId: 'a1' },
        { uid: 'api::article.article', documentId: 'a1' },
        { uid: 'api::legal-document.legal-document', documentId: 'd1' },
        { uid: 'api::question.question', documentId: 'q1' },
      ],
      SOURCES,
    );
    assert.deepEqual(plan, { changed: { articles: ['a1'], documents: ['d1'], procedures: [] }, ignored: 1 });
    assert.deepEqual(planDelta([{ uid: 'api::category.category', documentId: 'c1' }], SOURCES), {
      full: 'a change to api::category.category',
    });
  });
});

describe('shownIds and dependentsIn', () => {
  it('finds what each kind shows of other entries', () => {
    assert.deepEqual(shownIds('articles', article('a', 't', ['d1', 'd2'], ['p1'])), ['d1', 'd2', 'p1']);
    assert.deepEqual(
      shownIds('documents', {
        documentId: 'd',
        relations: [
          { type: 'x', target: { documentId: 'd2' } },
          { type: 'y', target: null },
        ],
        validityChanges: [{ cause: { documentId: 'd3' } }, { cause: null }],
      }),
      ['d2', 'd3'],
    );
    assert.deepEqual(shownIds('procedures', { documentId: 'p', legalBasis: [{ documentId: 'd9' }] }), ['d9']);
    assert.deepEqual(shownIds('articles', { documentId: 'a' }), [], 'missing lists show nothing');
  });

  it('lists the kept entries that show a changed entry', () => {
    const kept = {
      articles: rows([1, article('a1', 'x', ['d1'])], [2, article('a2', 'y')], [3, article('a3', 'z', [], ['p1'])]),
      documents: rows([1, { documentId: 'd2', relations: [{ target: { documentId: 'd1' } }] }]),
      procedures: rows([1, { documentId: 'p1', legalBasis: [{ documentId: 'd1' }] }]),
    };
    assert.deepEqual(dependentsIn(kept, new Set(['d1'])), {
      articles: ['a1'],
      documents: ['d2'],
      procedures: ['p1'],
    });
    assert.deepEqual(dependentsIn(kept, new Set()), { articles: [], documents: [], procedures: [] });
  });
});

describe('mergeKind', () => {
  const kept = rows([1, article('a1', 'one')], [2, article('a2', 'two')], [3, article('a3', 'three')]);

  it('replaces an edited entry and keeps the order of a full read (by id)', () => {
    // Published again: a new published version, a new id, so it moves to the end as a full read has it.
    const merged = mergeKind(kept, new Set(['a2']), rows([7, article('a2', 'two, edited')]));
    assert.deepEqual(merged.ids, [1, 3, 7]);
    assert.deepEqual(
      merged.entries.map((e) => e.title),
      ['one', 'three', 'two, edited'],
    );
  });

  it('drops an entry named as changed that the re-read did not return (unpublished or deleted)', () => {
    const merged = mergeKind(kept, new Set(['a1', 'a3']), rows());
    assert.deepEqual(
      merged.entries.map((e) => e.documentId),
      ['a2'],
    );
    assert.deepEqual(merged.ids, [2]);
  });

  it('adds a new entry and one found only because it shows a change, each once', () => {
    const merged = mergeKind(
      kept,
      new Set(['a9']),
      rows([9, article('a9', 'new')], [2, article('a2', 'two', ['d1'])], [2, article('a2', 'two', ['d1'])]),
    );
    assert.deepEqual(
      merged.entries.map((e) => [e.documentId, e.title]),
      [
        ['a1', 'one'],
        ['a2', 'two'],
        ['a3', 'three'],
        ['a9', 'new'],
      ],
    );
    assert.deepEqual(merged.entries[1]?.relatedDocuments, [{ documentId: 'd1', slug: 'd1' }], 'the re-read version');
  });

  it('leaves the kept rows untouched', () => {
    mergeKind(kept, new Set(['a1']), rows());
    assert.equal(kept.entries.length, 3);
  });
});

describe('differences and isKindRows', () => {
  it('says which entries a delta read got wrong, and nothing when it equals the full read', () => {
    const full = rows([1, article('a1', 'one')], [2, article('a2', 'two')]);
    assert.deepEqual(differences('articles', full, full), []);
    assert.deepEqual(differences('articles', rows([1, article('a1', 'one')], [2, article('a2', 'old')]), full), [
      'articles a2: differs from the CMS',
    ]);
    assert.deepEqual(differences('articles', rows([1, article('a1', 'one')]), full), [
      'articles a2: published, but missing',
    ]);
    assert.deepEqual(
      differences(
        'articles',
        rows([1, article('a1', 'one')], [2, article('a2', 'two')], [3, article('a3', 'x')]),
        full,
      ),
      ['articles a3: kept, but no longer published'],
    );
    assert.deepEqual(differences('articles', rows([2, article('a2', 'two')], [1, article('a1', 'one')]), full), [
      'articles: same entries in another order',
    ]);
  });

  it('accepts only well-formed kept rows', () => {
    assert.ok(isKindRows(rows([1, article('a', 't')])));
    assert.equal(isKindRows({ ids: [1, 2], entries: [article('a', 't')] }), false);
    assert.equal(isKindRows({ ids: [1], entries: [{ title: 'no id' }] }), false);
    assert.equal(isKindRows(null), false);
  });
});
