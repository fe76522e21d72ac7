// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { parseConfigEnv } from './src/lib/env.ts';
import { changedPagesOnly } from './src/lib/changed-pages.ts';
import { BUILD_FORMAT } from './src/lib/page-files.ts';
import { draftPreview } from './src/preview/integration.ts';

const env = parseConfigEnv(process.env);

/** Covers come from the CMS; astro:assets may download (and optimise) images from its host only. */
const cmsImages = env.CMS_URL
  ? (() => {
      const url = new URL(env.CMS_URL);
      return [
        { protocol: url.protocol.replace(':', ''), hostname: url.hostname, ...(url.port ? { port: url.port } : {}) },
      ];
    })()
  : [];

export default defineConfig({
  output: 'static',
  site: env.PUBLIC_SITE_URL,
  outDir: env.SITE_OUT_DIR,
  // Outside node_modules (npm ci would wipe it) when the publisher gives one; see src/lib/page-keys.ts.
  ...(env.SITE_CACHE_DIR ? { cacheDir: env.SITE_CACHE_DIR } : {}),
  experimental: { incrementalBuild: Boolean(env.SITE_CACHE_DIR) },
  trailingSlash: 'always',
  // Pages as files (tin-tuc/<slug>.html), their URLs with the trailing slash: see src/lib/page-files.ts.
  build: { format: BUILD_FORMAT },
  image: {
    // Sharp, with results kept by content under SITE_IMAGE_CACHE_DIR (src/lib/image-service.ts).
    service: {
      entrypoint: fileURLToPath(new URL('./src/lib/image-service.ts', import.meta.url)),
      config: env.SITE_IMAGE_CACHE_DIR ? { imageCacheDir: env.SITE_IMAGE_CACHE_DIR } : {},
    },
    remotePatterns: cmsImages,
  },
  devToolbar: { enabled: false },
  // Only the preview server (scripts/src/preview/) sets PORTAL_PREVIEW; a build never has the draft route.
  // changedPagesOnly: publish builds visit only the pages whose data changed (src/lib/changed-pages.ts).
  integrations: [draftPreview(process.env.PORTAL_PREVIEW === '1'), changedPagesOnly()],
});
