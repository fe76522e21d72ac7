import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { codegenInputs, codegenUpToDate, stampCodegen } from './codegen-stamp.ts';
import { SITE_DIR } from './site.ts';

let site: string;
before(async () => {
  // The site's codegen inputs in a folder of their own (the packages are found through its node_modules).
  site = await mkdtemp(path.join(os.tmpdir(), 'codegen-stamp-'));
  await cp(path.join(SITE_DIR, 'codegen.ts'), path.join(site, 'codegen.ts'));
  await mkdir(path.join(site, 'src', 'graphql', 'generated'), { recursive: true });
  await cp(
    path.join(SITE_DIR, 'src', 'graphql', 'articles.graphql'),
    path.join(site, 'src', 'graphql', 'articles.graphql'),
  );
  await symlink(path.join(SITE_DIR, '..', 'node_modules'), path.join(site, 'node_modules'));
});
after(() => rm(site, { recursive: true, force: true }));

const generated = (name: string) => path.join(site, 'src', 'graphql', 'generated', name);

it('skips codegen only while its inputs and its generated files are those it stamped', async () => {
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'no stamp: run');
  await writeFile(generated('graphql.ts'), 'export type A = 1;\n');
  await stampCodegen(site, await codegenInputs(site));
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), true);

  // A changed document runs it again, and so does a new one; the stamp after the run makes it current.
  await writeFile(path.join(site, 'src', 'graphql', 'articles.graphql'), 'query A { __typename }\n');
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'a document changed');
  await stampCodegen(site, await codegenInputs(site));
  await writeFile(path.join(site, 'src', 'graphql', 'more.graphql'), 'query B { __typename }\n');
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'a document was added');
  await stampCodegen(site, await codegenInputs(site));

  // The config, and the generated files themselves (edited or deleted by hand).
  await writeFile(path.join(site, 'codegen.ts'), '// changed\n', { flag: 'a' });
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'the config changed');
  await stampCodegen(site, await codegenInputs(site));
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), true);
  await writeFile(generated('graphql.ts'), 'export type A = 2;\n');
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'a generated file changed');
  await rm(generated('graphql.ts'));
  await stampCodegen(site, await codegenInputs(site));
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false, 'nothing generated: never up to date');

  // Inputs read before a run that changed meanwhile are not stamped as generated.
  await writeFile(generated('graphql.ts'), 'export type A = 3;\n');
  const before = await codegenInputs(site);
  await writeFile(path.join(site, 'src', 'graphql', 'more.graphql'), 'query C { __typename }\n');
  await stampCodegen(site, before);
  assert.equal(await codegenUpToDate(site, await codegenInputs(site)), false);
});
