/**
 * `npm run schema`: refreshes site/src/graphql/schema.graphql from a throwaway CMS (empty temporary
 * database, free ports), after a change to the content model.
 */
import { writeCommittedSchema, COMMITTED_SCHEMA } from './graphql-schema.ts';
import { buildCmsIfNeeded } from './services/index.ts';
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
