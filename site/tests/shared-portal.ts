/**
 * One portal for the browser tests that only read: the demo content on a real CMS and Meilisearch, the
 * fixtures below written through the admin API as an editor would (drafts that must never reach the site,
 * an attachment, a procedure form), the site built once and served statically.
 *
 * `npm test` starts it once as Node's global test setup (`--test-global-setup`, see scripts/src/test.ts)
 * and hands it to every test file through one environment variable; a test file run on its own starts
 * its own copy the same way and stops it when done. Tests that write content start their own backend.
 */
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_CONTENT_DIR, publishSite } from '@portal/scripts/portal';
import { siteRoutes } from '@portal/scripts/search-results';
import { serveStatic } from '@portal/scripts/services';
import {
  adminSession,
  graphql,
  startTestBackend,
  TEST_IMAGE_CACHE_DIR,
  type TestBackend,
} from '@portal/scripts/testing';

const SHARED_ENV = 'PORTAL_TEST_SHARED_PORTAL';

export const DOCUMENT = 'api::legal-document.legal-document';
export const PROCEDURE = 'api::procedure.procedure';

export const DRAFT_ARTICLE = 'Bản nháp tin tức chưa được duyệt Zq7';
export const DRAFT_PAGE = 'Bản nháp trang giới thiệu chưa duyệt Zq7';
export const DRAFT_ENTRY = 'Bản nháp lịch công tác chưa duyệt Zq7';
/** What an editor saved but never published: none of it may reach the site. */
export const DRAFT_DOCUMENT = {
  documentNumber: '999/QĐ-UBND',
  documentType: 'quyet_dinh',
  abstract: 'Dự thảo nội bộ chưa ban hành về bảng giá đất điều chỉnh',
  issueDate: '2026-11-01',
};
export const DRAFT_PROCEDURE = {
  code: '9.999999',
  name: 'Thủ tục nháp chưa công bố về cấp phép thử nghiệm',
  level: 'tinh',
};
export const ATTACHMENT_NAME = 'qd-12-2026-quy-che.pdf';
export const FORM_NAME = 'to-khai-mau.docx';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DemoDocument {
  documentNumber: string;
  documentType: string;
  issueDate: string;
  abstract: string;
  signer?: string;
  relations?: Array<{ type: string; target: string }>;
}
export interface DemoProcedure {
  code: string;
  name: string;
  legalBasis: string[];
  onlineUrl?: string;
  steps?: Array<{ title: string }>;
  methods?: Array<{ fee?: string; duration?: string }>;
  dossier?: Array<{ name: string }>;
}

export const demoContent = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(path.join(DEMO_CONTENT_DIR, file), 'utf8')) as T;

/** The demo entries the fixtures touch: a document that replaces another, and a procedure with everything. */
export async function demoFixtures() {
  const documents = await demoContent<DemoDocument[]>('legal-documents.json');
  const procedures = await demoContent<DemoProcedure[]>('procedures.json');
  const replacing = documents.find((d) => d.relations?.some((r) => r.type === 'thay_the'));
  assert.ok(replacing, 'the demo content has a document that replaces another');
  const replaced = documents.find((d) => d.documentNumber === replacing.relations?.[0]?.target);
  assert.ok(replaced);
  const birth = procedures.find((p) => p.onlineUrl && p.steps?.length && p.dossier?.length && p.methods?.length);
  assert.ok(birth, 'the demo content has a procedure with steps, methods, dossier and an online link');
  return { documents, procedures, replacing, replaced, birth };
}

/** The editor's writes the read-only tests look for, made before the site is built. */
async function writeFixtures(backend: TestBackend): Promise<void> {
  const { replacing, birth } = await demoFixtures();
  const editor = await adminSession(backend);
  await editor.createDraft('api::article.article', {
    title: DRAFT_ARTICLE,
    slug: 'ban-nhap-tin-tuc-zq7',
    lead: DRAFT_ARTICLE,
    kind: 'tin_tuc',
  });
  await editor.createDraft('api::page.page', { title: DRAFT_PAGE, slug: 'ban-nhap-zq7', kind: 'khac' });
  await editor.createDraft('api::calendar-entry.calendar-entry', {
    date: '2026-11-24',
    session: 'sang',
    content: DRAFT_ENTRY,
    leaders: 'Chủ tịch UBND tỉnh',
  });

  const upload = async (name: string, type: string, bytes: number) => {
    const form = new FormData();
    form.append('files', new Blob(['x'.repeat(bytes)], { type }), name);
    const uploaded = await editor.request('POST', '/upload', form);
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.error));
    const [file] = uploaded.body as Array<{ id: number }>;
    assert.ok(file);
    return file.id;
  };
  const idOf = async (query: string, variables: Record<string, string>) => {
    const found = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, query, variables);
    const [entry] = Object.values(found.body.data ?? {})[0] as Array<{ documentId: string }>;
    assert.ok(entry, `${query} ${JSON.stringify(found.body)}`);
    return entry.documentId;
  };
  // An attachment on the replacing decision and a form in the procedure's dossier, as an editor adds them.
  const documentId = await idOf(
    'query($n: String!) { legalDocuments(filters: { documentNumber: { eq: $n } }) { documentId } }',
    { n: replacing.documentNumber },
  );
  await editor.update(DOCUMENT, documentId, { attachments: [await upload(ATTACHMENT_NAME, 'application/pdf', 3000)] });
  await editor.publish(DOCUMENT, documentId);
  const procedureId = await idOf('query($c: String!) { procedures(filters: { code: { eq: $c } }) { documentId } }', {
    c: birth.code,
  });
  const formId = await upload(FORM_NAME, DOCX, 45_000);
  await editor.update(PROCEDURE, procedureId, {
    dossier: (birth.dossier ?? []).map((item, index) => ({ ...item, ...(index === 0 ? { form: formId } : {}) })),
  });
  await editor.publish(PROCEDURE, procedureId);
  await editor.createDraft(DOCUMENT, DRAFT_DOCUMENT);
  await editor.createDraft(PROCEDURE, DRAFT_PROCEDURE);
}

/** What a test file gets: the services' addresses, the built site's folder and where it is served. */
export interface SharedPortal {
  cmsUrl: string;
  meili: { url: string; masterKey: string };
  dir: string;
  secrets: TestBackend['secrets'];
  indexPrefix: string;
  searchKey: string;
  outDir: string;
  siteUrl: string;
}

async function startSharedPortal(): Promise<{ portal: SharedPortal; stop(): Promise<void> }> {
  const started = Date.now();
  const backend = await startTestBackend({ demoContent: true });
  try {
    await writeFixtures(backend);
    const outDir = path.join(backend.dir, 'site');
    const { searchKey } = await publishSite(backend, {
      secrets: backend.secrets,
      indexPrefix: backend.indexPrefix,
      siteOutDir: outDir,
      imageCacheDir: TEST_IMAGE_CACHE_DIR,
    });
    const site = await serveStatic(outDir, 0, {
      searchOrigin: backend.meili.url,
      routes: siteRoutes({ siteDir: outDir, meiliUrl: backend.meili.url, searchKey, indexPrefix: backend.indexPrefix }),
    });
    console.log(`# shared test portal ready in ${((Date.now() - started) / 1000).toFixed(0)} s at ${site.url}`);
    const { cmsUrl, meili, dir, secrets, indexPrefix } = backend;
    return {
      portal: { cmsUrl, meili, dir, secrets, indexPrefix, searchKey, outDir, siteUrl: site.url },
      async stop() {
        await site.close();
        await backend.dispose();
      },
    };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

/**
 * The shared portal when `npm test` started one, else a portal of this file's own. Call `release()` in
 * `after`: it stops only a portal this file started.
 */
export async function usePortal(): Promise<SharedPortal & { release(): Promise<void> }> {
  const shared = process.env[SHARED_ENV];
  if (shared) return { ...(JSON.parse(shared) as SharedPortal), release: async () => {} };
  const own = await startSharedPortal();
  return { ...own.portal, release: () => own.stop() };
}

let globalPortal: Awaited<ReturnType<typeof startSharedPortal>> | undefined;

/** Node's global test setup: one portal for the whole run, before any test file starts. */
export async function globalSetup(): Promise<void> {
  globalPortal = await startSharedPortal();
  process.env[SHARED_ENV] = JSON.stringify(globalPortal.portal);
}

export async function globalTeardown(): Promise<void> {
  const dir = globalPortal?.portal.dir;
  await globalPortal?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
