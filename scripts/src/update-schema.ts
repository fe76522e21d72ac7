/**
 * `npm run schema`: after a change to the content model, refreshes what is generated from it and committed:
 * site/src/graphql/schema.graphql from a throwaway CMS (empty temporary database, free ports), and Strapi's
 * typings in cms/types/generated.
 */
import { writeCommittedSchema, COMMITTED_SCHEMA } from './graphql-schema.ts';
import { buildCmsIfNeeded, CMS_DIR, generateStrapiTypes } from './services/index.ts';
import { startTestBackend } from './testing.ts';
import os from 'node:os';
import path from 'node:path';

await buildCmsIfNeeded(path.join(os.tmpdir(), 'portal-schema-build.log'), console.log);
const backend = await startTestBackend({ demoContent: false });
try {
  await writeCommittedSchema(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN);
  console.log(`Wrote ${COMMITTED_SCHEMA}`);
} finally {
  await backend.dispose();
}
await generateStrapiTypes(path.join(os.tmpdir(), 'portal-typegen.log'));
console.log(`Wrote ${path.join(CMS_DIR, 'types', 'generated')}`);
