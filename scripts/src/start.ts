/**
 * `npm start`: the whole portal with demo content on 127.0.0.1, from a fresh clone.
 * Secrets are generated on first start into the data folder; env vars override everything.
 *
 * Meilisearch → CMS → search index → the site publisher, which builds the site into
 * <PORTAL_SITE_DIR>/releases/ and keeps it current while the portal runs; the static server serves
 * <PORTAL_SITE_DIR>/current.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadDotEnv, parseStartConfig, type StartConfig } from './config.ts';
import { describeMail, mailDestination } from './mail-folder.ts';
import { acquirePortalLock, PortalLockedError } from './portal-lock.ts';
import { createSitePublisher, indexContent, startBackend } from './portal.ts';
import { REINDEX_MARKER, restrictDataFolder } from './data-folder.ts';
import { currentRelease, releasePaths } from './publisher/releases.ts';
import { forgetHandedOutSecrets, loadOrCreateSecrets } from './secrets.ts';
import { draftPreview, PREVIEW_PATH } from './preview/index.ts';
import { siteRoutes } from './search-results.ts';
import { assertPortFree, serveStatic, StartError } from './services/index.ts';
import { CACHED_OUTPUT_DIR } from './services/astro-hard-links.ts';

const say = (line: string) => console.log(`[portal] ${line}`);

async function main(): Promise<void> {
  loadDotEnv();
  const started = Date.now();
  const config = parseStartConfig(process.env);
  // portal.pid: restore and reset refuse while it names a live process, and a second npm start too.
  const lock = await acquirePortalLock(config.dataDir, 'start');
  try {
    await run(config, started, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function run(
  config: StartConfig,
  started: number,
  lock: Awaited<ReturnType<typeof acquirePortalLock>>,
): Promise<void> {
  const { secrets, generated, file } = await loadOrCreateSecrets(config.dataDir, process.env);
  // The data folder is the owner's only (0700 folders, 0600 files): the services write into it with
  // umask 077, and a folder left readable by an older version is tightened here. The built site is
  // public and may be read by a web server: left alone.
  // So are the build cache's pages: releases hard-link them (services/astro-hard-links.ts).
  await restrictDataFolder(config.dataDir, {
    except: [config.siteDir, path.join(config.dataDir, 'site-cache', CACHED_OUTPUT_DIR)],
  });
  if (generated.length > 0) say(`Generated ${generated.join(', ')} into ${file} (mode 600).`);
  if (generated.includes('PORTAL_BACKUP_KEY'))
    say('Backups are encrypted with PORTAL_BACKUP_KEY from that file: keep a copy of it off this server.');

  // Fail before starting anything if a port is taken, rather than after a long build.
  await assertPortFree(config.SITE_PORT, 'SITE_PORT');
  await assertPortFree(config.CMS_PORT, 'CMS_PORT');
  if (!config.MEILI_URL) await assertPortFree(config.MEILI_PORT, 'MEILI_PORT');
  // Left by `npm run restore`: the index is rebuilt from the restored CMS, then the marker goes.
  const reindexMarker = path.join(config.dataDir, REINDEX_MARKER);
  const rebuildIndex = existsSync(reindexMarker);
  const portal = await startBackend({
    dataDir: config.dataDir,
    logDir: config.logDir,
    secrets,
    cmsPort: config.CMS_PORT,
    meili: config.MEILI_URL
      ? { url: config.MEILI_URL, masterKey: secrets.MEILI_MASTER_KEY }
      : { port: config.MEILI_PORT, bin: config.MEILI_BIN },
    indexPrefix: config.MEILI_INDEX_PREFIX,
    adminEmail: config.PORTAL_ADMIN_EMAIL,
    demoContent: config.PORTAL_DEMO_CONTENT === 'on',
    // The editor's "Xem trên cổng" links and draft previews point at the site this process serves.
    cmsEnv: { PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL || `http://127.0.0.1:${config.SITE_PORT}` },
    log: say,
  });
  const siteRoot = config.siteDir;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let publisher: ReturnType<typeof createSitePublisher> | undefined;
  let preview: ReturnType<typeof draftPreview> | undefined;
  let indexed: Awaited<ReturnType<typeof indexContent>>['indexed'];
  try {
    say(rebuildIndex ? 'Rebuilding the search index from the CMS…' : 'Indexing published content…');
    const index = await indexContent(portal, {
      secrets,
      indexPrefix: config.MEILI_INDEX_PREFIX,
      rebuild: rebuildIndex,
    });
    if (rebuildIndex) await rm(reindexMarker, { force: true });
    indexed = index.indexed;
    publisher = createSitePublisher(portal, {
      secrets,
      indexPrefix: config.MEILI_INDEX_PREFIX,
      meiliPublicUrl: config.MEILI_PUBLIC_URL,
      searchKey: index.searchKey,
      publish: {
        siteRoot,
        keep: config.PORTAL_SITE_RELEASES_KEEP,
        quietMs: config.PORTAL_PUBLISH_QUIET_MS,
        maxWaitMs: config.PORTAL_PUBLISH_MAX_WAIT_MS,
        buildTimeoutMs: config.PORTAL_PUBLISH_BUILD_TIMEOUT_MS,
        retryMaxMs: config.PORTAL_PUBLISH_RETRY_MAX_MS,
        builderIdleMs: config.PORTAL_PUBLISH_BUILDER_IDLE_MS,
        cacheDir: path.join(config.dataDir, 'site-cache'),
        imageCacheDir: path.join(config.dataDir, 'image-cache'),
      },
      log: say,
    });
    // Every start builds once (the site's code may be new). With a release from an earlier run,
    // citizens are served that one meanwhile; not after a restore, whose content may differ.
    const served = rebuildIndex ? undefined : await currentRelease(siteRoot);
    const firstRelease = publisher.nextRelease({ rejectOnFailure: !served });
    await publisher.start('start-up');
    if (served) {
      say(`Serving release ${served} while the site is rebuilt in the background…`);
      firstRelease.catch(() => {});
    } else {
      say('Building the site (first start: a minute or two)…');
      await firstRelease;
    }
    const siteDir = releasePaths(siteRoot).current;
    // Drafts as the portal will show them, for editors signed in to the admin (scripts/src/preview/).
    preview = draftPreview({
      secret: secrets.PORTAL_PUBLISHER_TOKEN,
      cmsUrl: portal.cmsUrl,
      cmsToken: secrets.PORTAL_SITE_TOKEN,
      meiliUrl: config.MEILI_PUBLIC_URL ?? portal.meili.url,
      meiliSearchKey: index.searchKey,
      meiliIndexPrefix: config.MEILI_INDEX_PREFIX,
      adminOrigin: process.env.CMS_PUBLIC_URL || portal.cmsUrl,
      imageOrigin: process.env.CMS_PUBLIC_URL || portal.cmsUrl,
      logFile: path.join(config.logDir, 'preview.log'),
    });
    site = await serveStatic(siteDir, config.SITE_PORT, {
      searchOrigin: config.MEILI_PUBLIC_URL ?? portal.meili.url,
      routes: {
        ...siteRoutes({
          siteDir,
          meiliUrl: portal.meili.url,
          searchKey: index.searchKey,
          indexPrefix: config.MEILI_INDEX_PREFIX,
        }),
        [PREVIEW_PATH]: preview.route,
      },
      // Citizens' questions go to the CMS through the site's origin (scripts/src/forward.ts).
      cmsUrl: portal.cmsUrl,
    });
  } catch (error) {
    await preview?.stop();
    await publisher?.stop();
    await portal.stop();
    throw error;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    await site.close();
    await preview?.stop();
    await publisher?.stop();
    await portal.stop();
    await lock.release();
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `  Cổng thông tin điện tử is running (ready in ${seconds} s):`,
    '',
    `    Portal (public site)  ${site.url}/`,
    `    CMS admin             ${portal.cmsUrl}/admin`,
    `    Meilisearch           ${portal.meili.url}`,
    '',
    `    Indexed               ${indexed.map((i) => `${i.documents} in ${i.name}`).join(', ')}`,
    `    Site releases         ${releasePaths(siteRoot).releases} (npm run site:status, site:rollback)`,
    `    Data                  ${config.dataDir}`,
    `    Logs                  ${config.logDir}`,
    `    Mail                  ${describeMail(mailDestination(config.dataDir))}`,
  ];
  // A generated first-admin password is shown here once, then forgotten (an operator's own, set in the
  // environment, is theirs to know).
  const showLogin = secrets.PORTAL_ADMIN_PASSWORD !== '' && !process.env.PORTAL_ADMIN_PASSWORD?.trim();
  if (showLogin) {
    lines.push(
      '',
      '    First start: CMS admin login, shown this once only (it is not kept anywhere: note it now,',
      '    then change it in the admin):',
      `      e-mail    ${config.PORTAL_ADMIN_EMAIL}`,
      `      password  ${secrets.PORTAL_ADMIN_PASSWORD}`,
    );
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
  if (showLogin) await forgetHandedOutSecrets(file);
}

main().catch((error: unknown) => {
  if (error instanceof StartError || error instanceof ConfigError || error instanceof PortalLockedError) {
    console.error(`\n[portal] Could not start: ${error.message}\n`);
  } else {
    console.error('\n[portal] Could not start:', error);
  }
  process.exit(1);
});
