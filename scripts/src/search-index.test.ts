import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchArgs } from './search-index.ts';

describe('search index command line', () => {
  it('accepts reconcile, a dry run and known index names', () => {
    assert.deepEqual(parseSearchArgs(['reconcile', '--dry-run', '--index', 'articles', '--index', 'pages']), {
      command: 'reconcile',
      dryRun: true,
      index: ['articles', 'pages'],
    });
    assert.deepEqual(parseSearchArgs(['reindex']), { command: 'reindex', dryRun: false, index: [] });
  });

  it('refuses an unknown command, index or flag, and a dry run of a reindex', () => {
    assert.throws(() => parseSearchArgs(['rebuild']), /reconcile` or `reindex/);
    assert.throws(() => parseSearchArgs(['reconcile', '--index', 'users']), /--index must be one of: articles/);
    assert.throws(() => parseSearchArgs(['reconcile', '--force']), /Unknown option '--force'/);
    assert.throws(() => parseSearchArgs(['reindex', '--dry-run']), /only applies to reconcile/);
    assert.throws(() => parseSearchArgs([]), /exactly one command/);
  });
});
