/**
 * Brings the whole portal up: Meilisearch → CMS (seeded on first start) → search index → site build.
 * Shared by `npm start` and the end-to-end tests, so the tests exercise the path a newcomer takes.
 */
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { ensureIndexingKey, ensureSearchKey, prepareIndexes } from '@portal/search';
import { REPO_ROOT } from './config.ts';
import { makePrivateDir, writeFirstAdminFile } from './data-folder.ts';
import { mailFileDir } from './mail-folder.ts';
import type { Secrets } from './secrets.ts';
import {
  buildCmsIfNeeded,
  buildSite,
  resolveMeilisearchBinary,
  SiteBuilder,
  SITE_DIR,
  startCms,
  startMeilisearch,
  StartError,
  type ManagedProcess,
  type SiteBuildEnv,
} from './services/index.ts';
import { cmsChangeQueue } from './publisher/cms-queue.ts';
import { Publisher } from './publisher/publisher.ts';

export const DEMO_CONTENT_DIR = path.join(REPO_ROOT, 'scripts', 'demo-content');

export interface PortalOptions {
  dataDir: string;
  logDir: string;
  secrets: Secrets;
  cmsPort: number;
  meili: { url: string; masterKey: string } | { port: number; bin?: string; maxIndexingThreads?: number };
  indexPrefix: string;
  adminEmail: string;
  demoContent: boolean;
  siteOutDir: string;
  /** Meilisearch URL as browsers reach it, when it differs from the server-side one (a reverse proxy). */
  meiliPublicUrl?: string;
  /** Extra environment for the CMS (database settings in tests). */
  cmsEnv?: NodeJS.ProcessEnv;
  /** Rebuild every search index from the CMS instead of reconciling (after a restore). */
  rebuildIndex?: boolean;
  log?: (line: string) => void;
}

export interface Backend {
  cmsUrl: string;
  /** The environment the CMS runs with (a benchmark's seeding process loads Strapi with the same settings). */
  cmsEnv: NodeJS.ProcessEnv;
  meili: { url: string; masterKey: string };
  logs: { meili?: string; cms: string; build: string };
  stop(): Promise<void>;
  /**
   * Stop and start each service again on the same port, data and settings (tests of the search
   * sync's durability). Meilisearch only when this backend started it.
   */
  services: {
    stopMeilisearch(): Promise<void>;
    startMeilisearch(): Promise<void>;
    /** SIGKILL, as a crash or an OOM kill would: no shutdown hooks run. */
    killCms(): Promise<void>;
    startCms(): Promise<void>;
  };
}

/** Meilisearch (unless an existing server is configured) and the CMS, ready to answer. */
export async function startBackend(options: Omit<PortalOptions, 'siteOutDir'>): Promise<Backend> {
  const log = options.log ?? (() => {});
  let meiliProcess: ManagedProcess | undefined;
  let cmsProcess: ManagedProcess | undefined;
  const stop = async () => {
    await cmsProcess?.stop();
    await meiliProcess?.stop();
  };
  const logs = {
    meili: 'url' in options.meili ? undefined : path.join(options.logDir, 'meilisearch.log'),
    cms: path.join(options.logDir, 'cms.log'),
    build: path.join(options.logDir, 'build.log'),
  };

  try {
    let meili: { url: string; masterKey: string };
    let launchMeilisearch = (): Promise<void> =>
      Promise.reject(new StartError('This backend uses a Meilisearch it did not start (MEILI_URL)'));
    if ('url' in options.meili) {
      meili = options.meili;
      const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
      if (!(await client.isHealthy().catch(() => false))) {
        throw new StartError(`Meilisearch at MEILI_URL=${meili.url} does not answer; start it or fix MEILI_URL`);
      }
    } else {
      const binary = await resolveMeilisearchBinary(options.meili.bin);
      log(`Starting Meilisearch (${binary})…`);
      const settings = {
        binary,
        port: options.meili.port,
        dataDir: path.join(options.dataDir, 'meilisearch'),
        masterKey: options.secrets.MEILI_MASTER_KEY,
        logFile: logs.meili ?? '',
        maxIndexingThreads: options.meili.maxIndexingThreads,
      };
      const server = await startMeilisearch(settings);
      meiliProcess = server.process;
      meili = server;
      launchMeilisearch = async () => {
        meiliProcess = (await startMeilisearch(settings)).process;
      };
    }
    // The CMS writes to the index with a documents-only key; the master key stays here.
    const indexingKey = await ensureIndexingKey(
      new Meilisearch({ host: meili.url, apiKey: meili.masterKey }),
      options.indexPrefix,
    );

    await buildCmsIfNeeded(logs.build, log);
    const publicDir = path.join(options.dataDir, 'cms', 'public');
    await makePrivateDir(path.join(publicDir, 'uploads'));
    const { secrets } = options;
    // The first admin's login reaches the CMS in a file it deletes, never in its environment.
    const firstAdminFile = secrets.PORTAL_ADMIN_PASSWORD
      ? await writeFirstAdminFile(options.dataDir, {
          email: options.adminEmail,
          password: secrets.PORTAL_ADMIN_PASSWORD,
        })
      : '';
    const cmsSettings = {
      port: options.cmsPort,
      logFile: logs.cms,
      env: {
        ...process.env,
        DATABASE_FILENAME: process.env.DATABASE_FILENAME || path.join(options.dataDir, 'cms', 'data.db'),
        // The site server forwards citizens' questions (scripts/src/forward.ts) and names the client in
        // X-Forwarded-For: without trusting it, every citizen would share one rate limit.
        PROXY_TRUSTED_HOPS: process.env.PROXY_TRUSTED_HOPS || '1',
        // Without an SMTP server, outgoing mail (receipts) is written here instead of being lost.
        MAIL_FILE_DIR: mailFileDir(options.dataDir),
        ...options.cmsEnv,
        STRAPI_PUBLIC_DIR: publicDir,
        APP_KEYS: secrets.APP_KEYS,
        API_TOKEN_SALT: secrets.API_TOKEN_SALT,
        ADMIN_JWT_SECRET: secrets.ADMIN_JWT_SECRET,
        TRANSFER_TOKEN_SALT: secrets.TRANSFER_TOKEN_SALT,
        ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
        PORTAL_ADMIN_EMAIL: '',
        PORTAL_ADMIN_PASSWORD: '',
        PORTAL_ADMIN_FILE: firstAdminFile,
        PORTAL_SITE_TOKEN: secrets.PORTAL_SITE_TOKEN,
        PORTAL_PUBLISHER_TOKEN: secrets.PORTAL_PUBLISHER_TOKEN,
        PORTAL_DEMO_CONTENT_DIR: options.demoContent ? DEMO_CONTENT_DIR : '',
        // The CMS never needs the search master key.
        MEILI_MASTER_KEY: '',
        MEILI_URL: meili.url,
        MEILI_INDEXING_KEY: indexingKey,
        MEILI_INDEX_PREFIX: options.indexPrefix,
      },
    };
    const launchCms = async () => {
      log('Starting the CMS…');
      cmsProcess = (await startCms(cmsSettings)).process;
    };
    await launchCms();

    const services: Backend['services'] = {
      async stopMeilisearch() {
        if (!meiliProcess) throw new StartError('This backend uses a Meilisearch it did not start (MEILI_URL)');
        await meiliProcess.stop();
      },
      startMeilisearch: launchMeilisearch,
      async killCms() {
        if (!cmsProcess) return;
        cmsProcess.child.kill('SIGKILL');
        await cmsProcess.exited;
      },
      startCms: launchCms,
    };
    return { cmsUrl: `http://127.0.0.1:${options.cmsPort}`, cmsEnv: cmsSettings.env, meili, logs, stop, services };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Brings the search indexes in line with the CMS and makes the search-only key the site ships with.
 * Start-up applies each index's settings (rebuild-and-swap only when they changed or the index is
 * missing) and reconciles it with the published set; from then on the CMS's outbox worker keeps it
 * current. `rebuild` forces a full rebuild of every index.
 */
export async function indexContent(
  backend: Backend,
  options: { secrets: Secrets; indexPrefix: string; rebuild?: boolean },
) {
  const indexed = await prepareIndexes({
    cms: { url: backend.cmsUrl, token: options.secrets.PORTAL_SITE_TOKEN },
    meili: { url: backend.meili.url, apiKey: backend.meili.masterKey },
    prefix: options.indexPrefix,
    rebuild: options.rebuild,
  });
  const client = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
  const searchKey = await ensureSearchKey(client, options.indexPrefix);
  return { indexed, searchKey };
}

/** Indexes the published content, then builds the static site into outDir against that index. */
export async function publishSite(
  backend: Backend,
  options: Pick<PortalOptions, 'secrets' | 'indexPrefix' | 'siteOutDir' | 'meiliPublicUrl' | 'log' | 'rebuildIndex'> & {
    imageCacheDir?: string;
  },
) {
  const log = options.log ?? (() => {});
  log(options.rebuildIndex ? 'Rebuilding the search index from the CMS…' : 'Indexing published content…');
  const { indexed, searchKey } = await indexContent(backend, { ...options, rebuild: options.rebuildIndex });
  log('Building the site…');
  await buildSite(
    {
      cmsUrl: backend.cmsUrl,
      cmsToken: options.secrets.PORTAL_SITE_TOKEN,
      meiliUrl: options.meiliPublicUrl ?? backend.meili.url,
      meiliSearchKey: searchKey,
      meiliIndexPrefix: options.indexPrefix,
      outDir: options.siteOutDir,
      imageCacheDir: options.imageCacheDir,
    },
    backend.logs.build,
  );
  return { indexed, searchKey };
}

/** Publisher settings from the environment (see config.ts), plus the test-only knobs. */
export interface PublishSettings {
  /** <PORTAL_DATA_DIR>/site: releases/, current, publisher-state.json. */
  siteRoot: string;
  keep: number;
  quietMs: number;
  maxWaitMs: number;
  buildTimeoutMs: number;
  retryMaxMs: number;
  retryBaseMs?: number;
  pollMs?: number;
  /**
   * Kept between builds (<PORTAL_DATA_DIR>/site-cache): Astro's incremental build copies the pages
   * whose data did not change from here. Without it every build renders every page.
   */
  cacheDir?: string;
  /**
   * Kept between builds (<PORTAL_DATA_DIR>/image-cache): every optimised image variant, keyed by the
   * original's content, so a cold build, a new CMS address or a fresh install makes none of them again.
   */
  imageCacheDir?: string;
  /**
   * Publish builds run in one long-lived process (services/site-builder.ts) that ends after this long
   * without a build (ms); 0: every build starts a process of its own.
   */
  builderIdleMs?: number;
}

/**
 * The site publisher of a running backend (see publisher/publisher.ts): builds with the real site
 * build into release folders and switches `current`. `buildEnv` (tests) overrides build settings
 * per build, e.g. a wrong CMS token to make one build fail for real.
 */
export function createSitePublisher(
  backend: Backend,
  options: Pick<PortalOptions, 'secrets' | 'indexPrefix' | 'meiliPublicUrl' | 'log'> & {
    searchKey: string;
    publish: PublishSettings;
    buildEnv?: () => Partial<SiteBuildEnv>;
  },
): Publisher {
  const { publish } = options;
  const builder = publish.builderIdleMs ? new SiteBuilder({ cwd: SITE_DIR, idleMs: publish.builderIdleMs }) : undefined;
  return new Publisher({
    siteRoot: publish.siteRoot,
    queue: cmsChangeQueue(backend.cmsUrl, options.secrets.PORTAL_PUBLISHER_TOKEN),
    keep: publish.keep,
    buildTimeoutMs: publish.buildTimeoutMs,
    timing: {
      quietMs: publish.quietMs,
      maxWaitMs: publish.maxWaitMs,
      pollMs: publish.pollMs ?? 1_000,
      retryBaseMs: publish.retryBaseMs ?? 5_000,
      retryMaxMs: publish.retryMaxMs,
    },
    log: options.log,
    build: (outDir, signal, changes) =>
      buildSite(
        {
          cmsUrl: backend.cmsUrl,
          cmsToken: options.secrets.PORTAL_SITE_TOKEN,
          meiliUrl: options.meiliPublicUrl ?? backend.meili.url,
          meiliSearchKey: options.searchKey,
          meiliIndexPrefix: options.indexPrefix,
          outDir,
          cacheDir: publish.cacheDir,
          imageCacheDir: publish.imageCacheDir,
          changes,
          ...options.buildEnv?.(),
        },
        backend.logs.build,
        { signal, builder },
      ),
    close: async () => builder?.close(),
  });
}
