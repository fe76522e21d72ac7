export {
  assertPortFree,
  freePort,
  startProcess,
  StartError,
  tail,
  waitUntilReady,
  type ManagedProcess,
} from './process.ts';
export { resolveMeilisearchBinary, startMeilisearch, type MeilisearchServer } from './meilisearch.ts';
export { buildCmsIfNeeded, CMS_DIR, generateStrapiTypes, startCms, type CmsServer } from './strapi.ts';
export { buildSite, SITE_DIR, type SiteBuildEnv } from './site.ts';
export { SiteBuilder } from './site-builder.ts';
export { serveStatic } from '../static-server.ts';
export { postgresBinDir, startPostgres, type PostgresCluster } from './postgres.ts';
