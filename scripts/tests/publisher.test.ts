/**
 * The site publisher on a real CMS (temporary SQLite), a real Meilisearch and the real site build:
 * what an editor publishes appears on the served site, what is withdrawn disappears, bursts share
 * builds, a failed build changes nothing citizens see and is retried, and drafts never reach a
 * release. Starts with no demo content so each build takes seconds, not a minute.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOURNAL_FILE } from '@portal/site/content-snapshot';
import { pageFileOf, pathnameOfFile } from '@portal/site/page-files';
import { createSitePublisher, indexContent } from '../src/portal.ts';
import { buildsPages, pageKind } from '../src/publisher/build-log.ts';
import { readPublisherState } from '../src/publisher/publisher.ts';
import type { Publisher } from '../src/publisher/publisher.ts';
import { currentRelease, listReleases, releasePaths, rollbackRelease } from '../src/publisher/releases.ts';
import { buildSite, freePort, serveStatic } from '../src/services/index.ts';
import { SITE_DIR } from '../src/services/site.ts';
import {
  adminSession,
  backendBuildEnv,
  startTestBackend,
  type AdminSession,
  type TestBackend,
} from '../src/testing.ts';

const ARTICLE = 'api::article.article';
const DOCUMENT = 'api::legal-document.legal-document';

describe('site publisher', () => {
  let backend: TestBackend;
  let editor: AdminSession;
  let publisher: Publisher;
  let site: { url: string; close(): Promise<void> };
  let siteRoot: string;
  let failing = false;
  const draftTitle = 'Bản nháp tuyệt mật chưa được duyệt đăng';
  let draftSlug = '';
  let searchKey = '';

  const get = async (pathname: string) => {
    const response = await fetch(`${site.url}${pathname}`);
    return { status: response.status, text: await response.text() };
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 150_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await sleep(250);
    }
    assert.fail(`Timed out after ${timeoutMs / 1000} s waiting until ${what}`);
  };
  const entryState = async (documentId: string) => {
    const answer = await editor.request(
      'GET',
      `/portal-publisher/entry-state?uid=${encodeURIComponent(ARTICLE)}&documentId=${documentId}`,
    );
    return answer.data as unknown as {
      state: string;
      label: string;
      liveAt: number | null;
      url: string | null;
      notice: string | null;
    };
  };
  const publishArticle = async (title: string) => {
    const created = await editor.createPublished(ARTICLE, { title });
    return { documentId: String(created.documentId), slug: String(created.slug) };
  };

  /** Every file of the served release (or another folder) with its SHA-256: equal trees are equal byte for byte. */
  const servedTree = async (root = releasePaths(siteRoot).current) => {
    const tree: Record<string, string> = {};
    for (const file of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const full = path.join(file.parentPath, file.name);
      tree[path.relative(root, full)] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
    }
    return tree;
  };
  /**
   * The pages of the served release (or another folder) as routes ("/tin-tuc/a/", "/tin-tuc/rss.xml"): every file
   * but the bundled assets and the files of site/public, which Astro writes into every release. A publish build's
   * log lists only the pages Astro was given, not the unchanged ones linked from the last build.
   */
  const releasePages = async (root = releasePaths(siteRoot).current) => {
    const publicFiles = new Set(await readdir(path.join(SITE_DIR, 'public'), { recursive: true }));
    return (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((file) => file.isFile())
      .map((file) => path.relative(root, path.join(file.parentPath, file.name)))
      .filter((name) => !name.startsWith('_astro/') && !publicFiles.has(name))
      .map((name) => pathnameOfFile(name));
  };
  const waitIdle = () =>
    waitFor('the publisher is idle', async () => {
      const state = await readPublisherState(siteRoot);
      return state?.running === null && state.queue?.pending === 0;
    });

  /** The publisher as npm start runs it; `builderIdleMs` 0: a new build process per build. */
  const newPublisher = (builderIdleMs: number) =>
    createSitePublisher(backend, {
      secrets: backend.secrets,
      indexPrefix: backend.indexPrefix,
      searchKey,
      publish: {
        siteRoot,
        keep: 3,
        quietMs: 1_500,
        maxWaitMs: 20_000,
        buildTimeoutMs: 300_000,
        retryBaseMs: 1_000,
        retryMaxMs: 4_000,
        pollMs: 250,
        // Incremental builds, as npm start runs them: every check below also checks what they reuse.
        cacheDir: path.join(backend.dir, 'site-cache'),
        builderIdleMs,
      },
      // A wrong CMS token makes the real build fail (the content cannot be read).
      buildEnv: () => (failing ? { cmsToken: 'x'.repeat(64) } : {}),
    });

  let verifyBefore: string | undefined;
  before(async () => {
    // Every publish build's delta read is checked against a full read (site/src/lib/content-snapshot.ts).
    verifyBefore = process.env.SITE_CONTENT_VERIFY;
    process.env.SITE_CONTENT_VERIFY = '1';
    // The CMS links editors to the site this test serves ("Xem trên cổng").
    const sitePort = await freePort();
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: { PUBLIC_SITE_URL: `http://127.0.0.1:${sitePort}` },
    });
    editor = await adminSession(backend);
    const draft = await editor.createDraft(ARTICLE, { title: draftTitle });
    draftSlug = String(draft.slug);
    assert.equal((await entryState(String(draft.documentId))).label, 'Chưa đăng trên cổng');
    ({ searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix }));
    siteRoot = path.join(backend.dir, 'site');
    // In one long-lived build process, as npm start runs them by default.
    publisher = newPublisher(300_000);
    const first = publisher.nextRelease({ rejectOnFailure: true });
    await publisher.start('test start');
    await first;
    site = await serveStatic(releasePaths(siteRoot).current, sitePort, { searchOrigin: backend.meili.url });
  });

  after(async () => {
    await site?.close();
    await publisher?.stop();
    await backend?.dispose();
    if (verifyBefore === undefined) delete process.env.SITE_CONTENT_VERIFY;
    else process.env.SITE_CONTENT_VERIFY = verifyBefore;
  });

  it('puts a published article on the site, the home page and the news list, and tells the editor when', async () => {
    const article = await publishArticle('Tỉnh khánh thành cầu mới nối hai bờ sông');
    assert.match(article.slug, /^[a-z0-9-]+$/);
    const pending = await entryState(article.documentId);
    assert.equal(pending.state, 'pending');
    assert.equal(pending.label, 'Đang chờ cập nhật lên cổng');
    assert.equal(pending.url, null, 'no link before the page exists');

    await waitFor('the article page is served', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    assert.match((await get(`/tin-tuc/${article.slug}/`)).text, /Tỉnh khánh thành cầu mới nối hai bờ sông/);
    assert.match((await get('/')).text, new RegExp(`/tin-tuc/${article.slug}/`));
    assert.match((await get('/tin-tuc/')).text, new RegExp(`/tin-tuc/${article.slug}/`));

    await waitFor(
      'the CMS knows the build is live',
      async () => (await entryState(article.documentId)).state === 'live',
    );
    const live = await entryState(article.documentId);
    assert.match(live.label, /^Đã lên cổng lúc \d\d:\d\d:\d\d/);
    assert.equal(live.url, `${site.url}/tin-tuc/${article.slug}/`, '"Xem trên cổng" opens the public page');
    const linked = await fetch(live.url);
    assert.equal(linked.status, 200);
    assert.match(await linked.text(), /Tỉnh khánh thành cầu mới nối hai bờ sông/);
    const anonymous = await fetch(
      `${backend.cmsUrl}/portal-publisher/entry-state?uid=${encodeURIComponent(ARTICLE)}&documentId=${article.documentId}`,
    );
    assert.equal(anonymous.status, 401, 'the public state needs an admin session');
    const outsider = await fetch(`${backend.cmsUrl}/api/portal-publisher/queue`, {
      headers: { Authorization: `Bearer ${backend.secrets.PORTAL_SITE_TOKEN}` },
    });
    assert.equal(outsider.status, 401, "the publisher's routes refuse any other token");
  });

  it('shows an edit once it is published again, not while it is a draft', async () => {
    const article = await publishArticle('Bản tin thời tiết nông vụ đông xuân');
    const page = `/tin-tuc/${article.slug}/`;
    await waitFor('the article is live', async () => (await entryState(article.documentId)).state === 'live');
    const lead = 'Trời rét đậm, bà con chú ý che phủ mạ.';
    await editor.update(ARTICLE, article.documentId, { lead });
    assert.equal((await entryState(article.documentId)).state, 'live', 'saving a draft changes nothing public');
    await editor.publish(ARTICLE, article.documentId);
    await waitFor('the edited page is served', async () => (await get(page)).text.includes(lead));
  });

  it('removes an unpublished article: its page answers 404, and lists, feed and sitemap forget it', async () => {
    const article = await publishArticle('Thông báo tạm dừng tiếp nhận hồ sơ sẽ được rút');
    const page = `/tin-tuc/${article.slug}/`;
    await waitFor('the article page is served', async () => (await get(page)).status === 200);
    assert.match((await get('/sitemap-1.xml')).text, new RegExp(article.slug));

    await editor.request('POST', `${editor.base(ARTICLE)}/${article.documentId}/actions/unpublish`, {});
    await waitFor('the article page is gone', async () => (await get(page)).status === 404);
    await waitFor('the editor is told it left the portal', async () =>
      /^Đã gỡ khỏi cổng lúc \d\d:\d\d:\d\d/.test((await entryState(article.documentId)).label),
    );
    for (const list of ['/', '/tin-tuc/', '/tin-tuc/rss.xml', '/sitemap-1.xml']) {
      const answer = await get(list);
      assert.equal(answer.status, 200, list);
      assert.doesNotMatch(answer.text, new RegExp(article.slug), `${list} still names the withdrawn article`);
    }
  });

  it('publishes a burst of articles in fewer builds than changes, all of them live', async () => {
    const before = publisher.succeeded;
    const articles = [];
    for (let i = 1; i <= 5; i += 1) articles.push(await publishArticle(`Tin nhanh số ${i} về mùa lúa mới`));
    for (const article of articles) {
      await waitFor(`${article.slug} is served`, async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    }
    const builds = publisher.succeeded - before;
    assert.ok(builds >= 1 && builds < articles.length, `${builds} builds for ${articles.length} publishes`);
  });

  it('re-renders only what a new article changes: its page, its older neighbour, the first list page, the newest bucket', async () => {
    // Enough articles for three archive buckets of the news list (10 a page, numbered from the oldest:
    // site/src/lib/pagination.ts): 7 from the tests above, 15 here, then the one measured makes 23.
    let previous = { documentId: '', slug: '' };
    for (let i = 1; i <= 15; i += 1) previous = await publishArticle(`Tin tổng hợp số ${i} về chuyển đổi số của tỉnh`);
    await waitFor('the last of them is served', async () => (await get(`/tin-tuc/${previous.slug}/`)).status === 200);
    await waitIdle();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;

    const article = await publishArticle('Tin mới nhất để đo bản dựng tăng dần');
    await waitFor('the new article is served', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    await waitIdle();
    // Every build this publish made (a change during a build gets another): what any of them rendered.
    const builds = buildsPages((await readFile(backend.logs.build, 'utf8')).slice(logStart));
    assert.ok(builds.length >= 1, 'the publish built the site');
    const rendered = [...new Set(builds.flatMap((build) => build.rendered))];
    const pages = await releasePages();
    const of = (kind: string, routes: string[]) => routes.filter((route) => pageKind(route) === kind).sort();

    assert.equal(of('article', pages).length, 23);
    assert.deepEqual(
      of('article', rendered),
      [`/tin-tuc/${article.slug}/`, `/tin-tuc/${previous.slug}/`].sort(),
      'of the article pages, only the new one and its older neighbour (now linking to it) are rendered',
    );
    assert.deepEqual(of('news list', pages), [
      '/tin-tuc/',
      '/tin-tuc/thong-cao-bao-chi/',
      '/tin-tuc/trang/1/',
      '/tin-tuc/trang/2/',
      '/tin-tuc/trang/3/',
    ]);
    assert.deepEqual(
      of('news list', rendered),
      ['/tin-tuc/', '/tin-tuc/trang/3/'],
      'the older archive buckets (and the empty press-release list) are copied from the last build',
    );
    assert.ok(rendered.includes('/'), 'the home page shows the new article');
    assert.ok(rendered.includes('/tin-tuc/rss.xml'), 'the news feed lists it');
    assert.deepEqual(
      rendered.filter((route) => /^(document|procedure)/.test(pageKind(route))),
      [],
      'no document or procedure page, list or file is rendered for an article',
    );
    assert.ok(of('document list', pages).length > 0, 'the (empty) documents finder is built, from the cache');
    assert.match((await get('/tin-tuc/trang/3/')).text, new RegExp(`/tin-tuc/${article.slug}/`));
    assert.match((await get(`/tin-tuc/${previous.slug}/`)).text, new RegExp(`/tin-tuc/${article.slug}/`));
  });

  it('re-renders only what a new legal document changes: its page, the finder lists and files, the home page; no article', async () => {
    // Last year's: an issue date may not be in the future, whenever the test runs.
    const year = new Date().getUTCFullYear() - 1;
    const publishDocument = async (n: number, abstract: string) => {
      const created = await editor.createPublished(DOCUMENT, {
        documentNumber: `${n}/${year}/QĐ-UBND`,
        documentType: 'quyet_dinh',
        abstract,
        issueDate: `${year}-01-${String(n).padStart(2, '0')}`,
        signer: 'Trần Văn Bình',
      });
      return String(created.slug);
    };
    const older = await publishDocument(11, 'Quyết định ban hành quy chế tiếp công dân của Ủy ban nhân dân tỉnh');
    await waitFor('the first document is served', async () => (await get(`/van-ban/${older}/`)).status === 200);
    await waitIdle();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;

    const slug = await publishDocument(12, 'Quyết định công bố danh mục thủ tục hành chính mới ban hành');
    await waitFor('the new document is served', async () => (await get(`/van-ban/${slug}/`)).status === 200);
    await waitIdle();
    const builds = buildsPages((await readFile(backend.logs.build, 'utf8')).slice(logStart));
    const rendered = [...new Set(builds.flatMap((build) => build.rendered))];
    const pages = await releasePages();
    const of = (kind: string, routes: string[]) => routes.filter((route) => pageKind(route) === kind).sort();

    assert.deepEqual(of('document', pages), [`/van-ban/${older}/`, `/van-ban/${slug}/`].sort());
    assert.deepEqual(of('document', rendered), [`/van-ban/${slug}/`], 'the other document page is copied');
    assert.ok(rendered.includes('/van-ban/'), 'the finder lists it');
    assert.ok(rendered.includes(`/van-ban/nam/${year}/`), "its year's list lists it");
    assert.ok(rendered.includes(`/van-ban/du-lieu/${year}.json`), "its year's finder data holds it");
    assert.ok(rendered.includes('/van-ban/rss.xml'), 'the documents feed lists it');
    assert.ok(rendered.includes('/'), 'the home page shows the newest documents');
    assert.ok(of('article', pages).length > 0);
    for (const kind of ['article', 'news list', 'news feed', 'procedure', 'procedure list'])
      assert.deepEqual(of(kind, rendered), [], `no ${kind} page is rendered for a document`);
    assert.match((await get('/van-ban/')).text, new RegExp(`/van-ban/${slug}/`));
    assert.match((await get(`/van-ban/du-lieu/${year}.json`)).text, new RegExp(`/van-ban/${slug}/`));
  });

  it('links the pages a publish leaves unchanged into the new release, and never changes the previous one', async () => {
    await waitIdle();
    const previous = await currentRelease(siteRoot);
    assert.ok(previous);
    const tree = await servedTree();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;
    const article = await publishArticle('Khai mạc hội chợ nông sản an toàn cuối năm');
    await waitFor('the article page is served', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    await waitIdle();

    const { releases } = releasePaths(siteRoot);
    const all = await listReleases(siteRoot);
    const current = await currentRelease(siteRoot);
    assert.ok(current, 'a release is served');
    assert.notEqual(current, previous, 'a new release');
    assert.ok(all.includes(previous), 'the previous one is kept');
    // The home page was rendered again (it shows the new article) while the previous release kept its bytes.
    assert.deepEqual(await servedTree(path.join(releases, previous)), tree, 'the previous release is unchanged');
    const file = (release: string, route: string) => path.join(releases, release, pageFileOf(route));
    assert.notDeepEqual(await readFile(file(current, '/')), await readFile(file(previous, '/')));

    // The last build's unchanged pages are the files of the release before it (hard links), not copies: those
    // Astro visited and restored (one a route, its code check) and the many it was not given at all.
    const log = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    const build = buildsPages(log).at(-1);
    const before = all[all.indexOf(current) - 1];
    assert.ok(build && before);
    assert.ok(build.rendered.includes('/'), 'the build rendered home');
    const pages = await releasePages(path.join(releases, current));
    const unvisited = Number(/(\d+) unchanged page\(s\) not visited/.exec(log)?.[1]);
    assert.ok(unvisited > 10, `${unvisited} unchanged pages not handed to Astro`);
    assert.equal(build.pages.length + unvisited, pages.length, 'the pages Astro was given and the others: all');
    const unchanged = pages.filter((route) => !build.rendered.includes(route));
    for (const route of unchanged) {
      const shared: Stats = await stat(file(current, route));
      const earlier: Stats = await stat(file(before, route));
      assert.equal(shared.ino, earlier.ino, `${route} is shared with ${before}`);
      assert.equal(shared.mode & 0o444, 0o444, `${route} is readable by a web server`);
    }
    assert.match(await readFile(backend.logs.build, 'utf8'), /Incremental cache: \d+ page\(s\) hard-linked, 0 copied/);
  });

  it('takes a withdrawn document off the article that relates to it, and a deleted article off the site, reading only those', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const document = await editor.createPublished(DOCUMENT, {
      documentNumber: `21/${year}/QĐ-UBND`,
      documentType: 'quyet_dinh',
      abstract: 'Quyết định ban hành quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh',
      issueDate: `${year}-02-03`,
      signer: 'Trần Văn Bình',
    });
    const documentPage = `/van-ban/${String(document.slug)}/`;
    const created = await editor.createPublished(ARTICLE, {
      title: 'Tỉnh ban hành quy chế phối hợp quản lý cụm công nghiệp',
      relatedDocuments: { connect: [{ documentId: String(document.documentId) }] },
    });
    const page = `/tin-tuc/${String(created.slug)}/`;
    await waitFor('the article links to its document', async () => (await get(page)).text.includes(documentPage));
    await waitIdle();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;

    await editor.request('POST', `${editor.base(DOCUMENT)}/${String(document.documentId)}/actions/unpublish`, {});
    await waitFor('the document page is gone', async () => (await get(documentPage)).status === 404);
    await waitFor('the article no longer links to it', async () => !(await get(page)).text.includes(documentPage));

    const deleted = await editor.request('DELETE', `${editor.base(ARTICLE)}/${String(created.documentId)}`);
    assert.ok(deleted.status < 300, `delete answered ${deleted.status}`);
    await waitFor('the deleted article page is gone', async () => (await get(page)).status === 404);
    assert.doesNotMatch((await get('/tin-tuc/')).text, new RegExp(String(created.slug)));
    await waitIdle();

    // These builds patched the kept snapshot (the article, re-read because it shows the document), and
    // SITE_CONTENT_VERIFY (set in before()) checked each patch against a full read of the CMS.
    const log = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    assert.match(
      log,
      /\[site\] content read: delta \(1 change\(s\)( \+ \d+ from the journal)?, \d+ named/,
      'the document (and the article showing it, with the changes since the kept file was written)',
    );
    assert.doesNotMatch(log, /\[site\] content read: full/);
    assert.match(log, /\[site\] content check: the delta read equals a full read/);
  });

  it('marks a document replaced by a newly published one on its page, reading only the documents involved', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const fields = { documentType: 'quyet_dinh', signer: 'Trần Văn Bình' };
    const old = await editor.createPublished(DOCUMENT, {
      ...fields,
      documentNumber: `31/${year}/QĐ-UBND`,
      abstract: 'Quyết định ban hành quy định về quản lý chợ trên địa bàn tỉnh',
      issueDate: `${year}-03-01`,
      effectiveDate: `${year}-03-15`,
    });
    const oldPage = `/van-ban/${String(old.slug)}/`;
    await waitFor('the document is served', async () => (await get(oldPage)).status === 200);
    assert.doesNotMatch((await get(oldPage)).text, /Hết hiệu lực toàn bộ/);
    await waitIdle();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;

    // Publishing it writes the old document's new status and an entry of its validity history (validity-propagation.ts).
    const replacing = await editor.createPublished(DOCUMENT, {
      ...fields,
      documentNumber: `32/${year}/QĐ-UBND`,
      abstract: 'Quyết định ban hành quy định mới về quản lý chợ trên địa bàn tỉnh',
      issueDate: `${year}-05-01`,
      effectiveDate: `${year}-05-15`,
      relations: [{ type: 'thay_the', target: String(old.documentId) }],
    });
    await waitFor('the replaced document says it is no longer in force', async () =>
      (await get(oldPage)).text.includes('Hết hiệu lực toàn bộ'),
    );
    assert.match((await get(oldPage)).text, new RegExp(`/van-ban/${String(replacing.slug)}/`));
    await waitIdle();
    const log = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    assert.doesNotMatch(log, /\[site\] content read: full/, 'a validity history entry is a change of its document');
    assert.match(log, /\[site\] content read: delta/);
    assert.match(log, /\[site\] content check: the delta read equals a full read/);
  });

  it('keeps serving the previous release byte for byte when a build fails, then a retry publishes', async () => {
    // Idle first: a build still running from the burst would change the served release.
    await waitIdle();
    const served = await currentRelease(siteRoot);
    const homeBytes = await readFile(path.join(releasePaths(siteRoot).current, 'index.html'));
    const failuresBefore = (await readPublisherState(siteRoot))?.builds.failed ?? 0;
    failing = true;
    const article = await publishArticle('Lịch tiếp công dân tháng mười hai');
    await waitFor(
      'a build failed',
      async () => ((await readPublisherState(siteRoot))?.builds.failed ?? 0) > failuresBefore,
    );
    const state = await readPublisherState(siteRoot);
    assert.ok(state?.lastFailure?.error, 'the failure is reported in the status');
    assert.ok(state?.lastFailure?.nextRetryAt, 'with the time of the retry');
    assert.equal(await currentRelease(siteRoot), served);
    assert.deepEqual(await readFile(path.join(releasePaths(siteRoot).current, 'index.html')), homeBytes);
    const home = await fetch(`${site.url}/`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.deepEqual(Buffer.from(await home.arrayBuffer()), homeBytes, 'citizens get the previous home page');
    assert.equal((await get(`/tin-tuc/${article.slug}/`)).status, 404);
    const told = await entryState(article.documentId);
    assert.equal(told.state, 'pending');
    await waitFor('the editor is told the build failed', async () =>
      /^Lần cập nhật cổng gần nhất bị lỗi lúc .*phiên bản trước/.test(
        (await entryState(article.documentId)).notice ?? '',
      ),
    );
    assert.deepEqual(
      (await readdir(releasePaths(siteRoot).releases)).filter((name) => name.endsWith('.partial')),
      [],
      'the failed build left no folder',
    );

    failing = false;
    await waitFor(
      'the retry published the article',
      async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200,
    );
    // Pruning follows the switch (the page is served first).
    await waitFor('old releases are pruned to 3', async () => (await listReleases(siteRoot)).length <= 3);
  });

  it('keeps the previous release byte for byte when the astro build is SIGKILLed mid-build, then a retry publishes', async () => {
    await waitIdle();
    const served = await currentRelease(siteRoot);
    const tree = await servedTree();
    const home = Buffer.from(
      await (await fetch(`${site.url}/`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer(),
    );
    const failuresBefore = (await readPublisherState(siteRoot))?.builds.failed ?? 0;
    const article = await publishArticle('Khởi công trường mầm non xã vùng cao');

    // The process building into this test's releases folder (other builds on the machine are not ours): the
    // publisher's long-lived builder, or a one-shot astro build.
    const releases = `${releasePaths(siteRoot).releases}${path.sep}`;
    const astroBuild = async (): Promise<number | undefined> => {
      for (const entry of await readdir('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const command = await readFile(`/proc/${entry}/cmdline`, 'utf8');
          const building =
            command.includes('site-builder-process.ts') || (command.includes('astro.mjs') && command.includes('build'));
          if (!building) continue;
          const environ = (await readFile(`/proc/${entry}/environ`, 'utf8')).split('\0');
          if (environ.some((line) => line.startsWith(`SITE_OUT_DIR=${releases}`))) return Number(entry);
        } catch {
          // The process ended meanwhile, or is not ours to read.
        }
      }
      return undefined;
    };
    let pid: number | undefined;
    await waitFor('astro is building', async () => (pid = await astroBuild()) !== undefined, 60_000);
    // Kill it once it has started writing the release. A cached build can finish in well under a second, so
    // the build is frozen (SIGSTOP) while the folder is looked at: it cannot finish between a look and the kill.
    const partial = releasePaths(siteRoot).building;
    const deadline = Date.now() + 60_000;
    for (;;) {
      process.kill(pid!, 'SIGSTOP');
      const written = await readdir(partial).then(
        (entries) => entries.length > 0,
        () => false,
      );
      if (written) break;
      process.kill(pid!, 'SIGCONT');
      assert.ok(Date.now() < deadline, 'astro wrote nothing into the release folder within a minute');
      await sleep(5);
    }
    process.kill(pid!, 'SIGKILL');

    await waitFor(
      'the killed build counts as failed',
      async () => ((await readPublisherState(siteRoot))?.builds.failed ?? 0) > failuresBefore,
    );
    assert.equal(await currentRelease(siteRoot), served);
    assert.deepEqual(await servedTree(), tree, 'every file of the served release is unchanged');
    const after = await fetch(`${site.url}/`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.deepEqual(Buffer.from(await after.arrayBuffer()), home, 'citizens get the same home page');
    assert.match((await readPublisherState(siteRoot))?.lastFailure?.error ?? '', /exit|signal|SIGKILL/i);
    assert.equal((await get(`/tin-tuc/${article.slug}/`)).status, 404);

    await waitFor(
      'the retry published the article',
      async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200,
    );
    assert.deepEqual(
      (await readdir(releasePaths(siteRoot).releases)).filter((name) => name.endsWith('.partial')),
      [],
      'the killed build left no folder',
    );
  });

  it('tells the editors when an operator rolls the site back, until the next build is live', async () => {
    await waitIdle();
    const article = await publishArticle('Hội nghị tổng kết công tác năm');
    await waitFor('the article is live', async () => (await entryState(article.documentId)).state === 'live');
    await waitIdle();
    const { to } = await rollbackRelease(siteRoot); // what `npm run site:rollback` does
    assert.equal(await currentRelease(siteRoot), to);
    assert.equal((await get(`/tin-tuc/${article.slug}/`)).status, 404, 'the older release is served');
    await waitFor('the editor is told the change is not shown', async () =>
      /^Cổng đã quay về phiên bản trước lúc \d\d:\d\d:\d\d/.test((await entryState(article.documentId)).label),
    );
    const told = await entryState(article.documentId);
    assert.equal(told.url, null, 'no link to a page the portal does not show');
    assert.match(told.notice ?? '', /^Quản trị đã quay cổng về phiên bản dựng lúc/);

    await publishArticle('Tin sau khi quay lại phiên bản trước');
    await waitFor('a new build is live again', async () =>
      /^Đã lên cổng lúc/.test((await entryState(article.documentId)).label),
    );
    assert.equal((await get(`/tin-tuc/${article.slug}/`)).status, 200);
    assert.equal((await entryState(article.documentId)).notice, null);
  });

  it('still publishes a change made just before the CMS was killed, once it is back', async () => {
    const article = await publishArticle('Công bố quy hoạch khu dân cư phía nam');
    await backend.services.killCms();
    await sleep(2_000); // past the quiet period: the publisher finds the CMS gone
    assert.equal((await get(`/tin-tuc/${article.slug}/`)).status, 404);
    await backend.services.startCms();
    await waitFor('the article is served', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
  });

  it('reads everything once when the journal beside the kept snapshot is unreadable, and still publishes', async () => {
    await waitIdle();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;
    // A journal cut off mid-write (a full disk, a copy of the data folder taken mid-build).
    await writeFile(path.join(backend.dir, 'site-cache', JOURNAL_FILE), '{"format":1,"base":17');
    const article = await publishArticle('Hội nghị tổng kết công tác chuyển đổi số của tỉnh');
    await waitFor('the article is live', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    await waitIdle();
    const log = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    assert.match(log, /\[site\] content read: full \(the journal is unreadable\)/);
    // The full read wrote the kept snapshot again: the next publish reads only its change.
    const next = await publishArticle('Tỉnh công bố chỉ số chuyển đổi số cấp huyện');
    await waitFor('the next article is live', async () => (await get(`/tin-tuc/${next.slug}/`)).status === 200);
    await waitIdle();
    const later = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    assert.equal(later.match(/\[site\] content read: full/g)?.length, 1, 'one full read');
    assert.match(later.slice(log.length), /\[site\] content read: delta \(1 change\(s\)/);
  });

  it('patched the kept content snapshot on publish builds, each patch equal to a full read', async () => {
    // A difference fails the build and removes the kept snapshot, so its retry (a full read) would hide it
    // from the checks above: the log keeps it.
    const log = await readFile(backend.logs.build, 'utf8');
    const deltas = log.match(/\[site\] content read: delta /g)?.length ?? 0;
    const checked = log.match(/\[site\] content check: /g)?.length ?? 0;
    assert.ok(deltas >= 10, `${deltas} delta reads`);
    assert.ok(checked >= deltas - 1, `${checked} of ${deltas} delta reads checked (one build was killed mid-build)`);
    assert.doesNotMatch(log, /differs from a full read/);
    // The kept file is written by full reads; publish builds journal their changes beside it instead.
    assert.match(log, /\[site\] content journal saved: \d+ change\(s\) since the kept snapshot/);
    assert.match(log, /\[site\] content read: delta \(\d+ change\(s\) \+ \d+ from the journal/);
  });

  it('serves what a build from scratch makes of the same content, byte for byte', async () => {
    // Publish builds hand Astro only the pages whose data changed and link the others from the last build
    // (scripts/src/services/astro-unchanged-pages.ts): after every publish, edit, withdrawal, failure and
    // rollback above, nothing they left unvisited may differ from what rendering every page gives.
    await waitIdle();
    const served = await servedTree();
    const outDir = path.join(backend.dir, 'from-scratch');
    await buildSite({ ...backendBuildEnv(backend, searchKey), outDir }, backend.logs.build);
    assert.deepEqual(await servedTree(outDir), served);
  });

  it('never puts a draft into any release', async () => {
    assert.match(draftSlug, /^ban-nhap-/, 'the draft has a slug to look for');
    const releases = await listReleases(siteRoot);
    assert.ok(releases.length > 0);
    // Old releases are removed on a worker thread beside the builds (releases.ts): one may vanish while it
    // is scanned. The current release never does, so the scan still covers what is served.
    const gone = (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    };
    const files = (
      await Promise.all(
        releases.map((name) =>
          readdir(path.join(releasePaths(siteRoot).releases, name), { recursive: true, withFileTypes: true }).catch(
            gone,
          ),
        ),
      )
    ).flatMap((list) => list ?? []);
    let scanned = 0;
    for (const file of files) {
      // The draft preview is the portal server's route (scripts/src/preview/), never a file of a release.
      assert.doesNotMatch(
        path.join(file.parentPath, file.name),
        /xem-truoc|ban-nhap-xem-truoc/,
        'a preview page in a release',
      );
      if (!file.isFile() || !/\.(html|xml|json|txt)$/.test(file.name)) continue;
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8').catch(gone);
      if (text === undefined) continue;
      scanned += 1;
      assert.ok(!text.includes(draftTitle) && !text.includes(draftSlug), `${file.name} shows the draft`);
      assert.ok(!text.includes('/xem-truoc/'), `${file.name} links the draft preview`);
    }
    assert.ok(scanned > 10, `scanned ${scanned} files`);
  });

  it('publishes the same way with a new build process for every build (PORTAL_PUBLISH_BUILDER_IDLE_MS=0)', async () => {
    await waitIdle();
    await publisher.stop();
    const logStart = (await readFile(backend.logs.build, 'utf8')).length;
    publisher = newPublisher(0);
    const started = publisher.nextRelease({ rejectOnFailure: true });
    await publisher.start('test start, one-shot builds');
    await started;
    const article = await publishArticle('Tỉnh khởi công tuyến đường liên huyện ven biển');
    await waitFor('the article is live', async () => (await get(`/tin-tuc/${article.slug}/`)).status === 200);
    await waitIdle();
    const log = (await readFile(backend.logs.build, 'utf8')).slice(logStart);
    // Each build its own process (the build process adds its memory to this line), reading only the change
    // from the kept snapshot and linking the unchanged pages from the last build.
    assert.equal(log.match(/--- Site build exited \(0\)\n/g)?.length, 2, log.slice(-2000));
    assert.doesNotMatch(log, /site builder RSS/);
    assert.match(log, /\[site\] content read: delta \(1 change\(s\)/);
    assert.match(log, /\[portal\] Incremental cache: \d+ page\(s\) hard-linked, 0 copied/);
    assert.match(log, /unchanged page\(s\) not visited/);
  });
});
