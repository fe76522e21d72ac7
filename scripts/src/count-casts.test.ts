import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { castsIn, isTest } from './count-casts.ts';

describe('count-casts', () => {
  it('counts `as T` and `<T>x`, not `as const`, comments, strings or import renames', () => {
    const source = [
      "import { a as b } from './x';",
      'const x = y as string;',
      'const z = <number>w;',
      "const list = ['a'] as const;",
      '// value as never',
      "const text = 'value as never';",
    ].join('\n');
    assert.deepEqual(
      castsIn('cms/src/x.ts', source).map((cast) => [cast.line, cast.text]),
      [
        [2, 'y as string'],
        [3, '<number>w'],
      ],
    );
  });

  it('counts `as unknown as T` once and marks it, and marks `as never`', () => {
    const casts = castsIn('cms/src/x.ts', 'f(a as unknown as B);\ng(c as never);');
    assert.deepEqual(
      casts.map((cast) => [cast.text, cast.unknownAs, cast.never]),
      [
        ['a as unknown as B', true, false],
        ['c as never', false, true],
      ],
    );
  });

  it('reads the frontmatter and the scripts of .astro files, with their lines', () => {
    const source = [
      '---',
      'const a = b as string;',
      '---',
      '<p>{c as string}</p>',
      '<script>',
      'const d = e as F;',
      '</script>',
    ].join('\n');
    assert.deepEqual(
      castsIn('site/src/pages/x.astro', source).map((cast) => [cast.line, cast.text]),
      [
        [2, 'b as string'],
        [6, 'e as F'],
      ],
    );
  });

  it('tells tests from code', () => {
    assert.equal(isTest('cms/src/questions/deadline.test.ts'), true);
    assert.equal(isTest('cms/tests/officer.test.ts'), true);
    assert.equal(isTest('cms/tests/first-day.ts'), true);
    assert.equal(isTest('cms/src/questions/deadline.ts'), false);
    assert.equal(isTest('scripts/src/testing.ts'), false);
  });
});
