import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { QUERY_LIMITS, queryLimitsRule } from './query-limits.ts';

const SITE_GRAPHQL = path.resolve(import.meta.dirname, '..', '..', '..', 'site', 'src', 'graphql');

async function schema() {
  return buildSchema(await readFile(path.join(SITE_GRAPHQL, 'schema.graphql'), 'utf8'));
}

const errorsOf = async (query: string) =>
  validate(await schema(), parse(query), [queryLimitsRule()]).map((error) => error.message);

describe('GraphQL query limits', () => {
  it("pass every query the site's build sends", async () => {
    const files: string[] = [];
    for await (const file of glob('*.graphql', { cwd: SITE_GRAPHQL })) if (file !== 'schema.graphql') files.push(file);
    assert.ok(files.length >= 3, 'the site queries were found');
    for (const file of files) {
      assert.deepEqual(await errorsOf(await readFile(path.join(SITE_GRAPHQL, file), 'utf8')), [], file);
    }
  });

  it('refuse a query with hundreds of aliases', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    const errors = await errorsOf(query);
    assert.ok(
      errors.some((message) => /500 aliases/.test(message)),
      errors.join('\n'),
    );
  });

  it('count a list once per item it may return', async () => {
    const wide = `{ articles(pagination: { limit: 100 }) { ${Array.from({ length: 250 }, () => 'title').join(' ')} category { articles(pagination: { limit: 100 }) { title slug documentId } } } }`;
    assert.ok((await errorsOf(wide)).some((message) => /may return \d+ fields/.test(message)));
    assert.deepEqual(await errorsOf('{ articles(pagination: { limit: 100 }) { title category { name } } }'), []);
  });

  it('refuse nesting deeper than the limit, through fragments too', async () => {
    let nested = 'title';
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 1; i += 1) nested = `category { name articles { ${nested} } }`;
    const errors = await errorsOf(`query Deep { ...F } fragment F on Query { articles { ${nested} } }`);
    assert.ok(
      errors.some((message) => /nested deeper/.test(message)),
      errors.join('\n'),
    );
  });

  it('let the standard introspection query through, which `npm run schema` and the drift test send', async () => {
    assert.deepEqual(await errorsOf(getIntrospectionQuery()), []);
  });
});
