import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abbreviationGroup, abbreviationProblems, expansionLines, MAX_EXPANSIONS } from './abbreviations.ts';

describe('editor abbreviations', () => {
  it('reads one spelling per line (or separated by semicolons), each once', () => {
    assert.deepEqual(expansionLines(' giấy phép lái xe \n\nGiấy phép  lái xe;bằng lái xe\r\n'), [
      'giấy phép lái xe',
      'bằng lái xe',
    ]);
  });

  it('makes a synonym group with the abbreviation first', () => {
    assert.deepEqual(abbreviationGroup({ abbreviation: ' GPLX ', expansions: 'giấy phép lái xe\nbằng lái' }), [
      'GPLX',
      'giấy phép lái xe',
      'bằng lái',
    ]);
    assert.equal(abbreviationGroup({ abbreviation: 'GPLX', expansions: '' }), undefined);
  });

  it('refuses a bad entry with a Vietnamese message naming the field', () => {
    assert.deepEqual(abbreviationProblems({ abbreviation: 'TN&MT', expansions: 'tài nguyên và môi trường' }), []);
    const problems = [
      abbreviationProblems({ abbreviation: 'G', expansions: 'x y' }),
      abbreviationProblems({ abbreviation: '<b>', expansions: 'x y' }),
      abbreviationProblems({ abbreviation: 'GPLX', expansions: ' \n ' }),
      abbreviationProblems({ abbreviation: 'GPLX', expansions: 42 }),
      abbreviationProblems({ abbreviation: 'GPLX', expansions: 'x'.repeat(101) }),
      abbreviationProblems({
        abbreviation: 'GPLX',
        expansions: Array.from({ length: MAX_EXPANSIONS + 1 }, (_, i) => `nghĩa ${i}`).join('\n'),
      }),
    ];
    assert.deepEqual(
      problems.map((list) => list.map((p) => p.path.join('.'))),
      [['abbreviation'], ['abbreviation'], ['expansions'], ['expansions'], ['expansions'], ['expansions']],
    );
    assert.match(problems[2]![0]!.message, /không được để trống/);
  });
});
