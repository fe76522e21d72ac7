/**
 * cms/types/generated (Strapi's typings of the content model, which the CMS code is checked against) must be
 * what the schemas generate today: a schema change without `npm run schema` fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CMS_DIR, generateStrapiTypes } from '@portal/scripts/services';

describe("Strapi's generated types", () => {
  it('are current with the schemas', async () => {
    const outDir = path.join('.tmp', `typegen-${randomBytes(4).toString('hex')}`);
    try {
      await generateStrapiTypes(path.join(os.tmpdir(), 'portal-typegen-test.log'), outDir);
      const committed = path.join(CMS_DIR, 'types', 'generated');
      const fresh = path.join(CMS_DIR, outDir, 'generated');
      const files = (await readdir(committed)).sort();
      assert.deepEqual((await readdir(fresh)).sort(), files);
      for (const file of files) {
        assert.equal(
          await readFile(path.join(committed, file), 'utf8'),
          await readFile(path.join(fresh, file), 'utf8'),
          `cms/types/generated/${file} is stale: run \`npm run schema\` and commit it`,
        );
      }
    } finally {
      await rm(path.join(CMS_DIR, outDir), { recursive: true, force: true });
    }
  });
});
