/**
 * PostgreSQL is the production database: the same publication and editorial rules hold on a real
 * PostgreSQL server (a throwaway cluster on a free port), not only on the embedded SQLite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { articleIndex, indexUidOf } from '@portal/search';
import { indexContent } from '@portal/scripts/portal';
import { startPostgres, type PostgresCluster } from '@portal/scripts/services';
import { adminSession, graphql, startTestBackend, type TestBackend } from '@portal/scripts/testing';

const ARTICLE = 'api::article.article';
const DOC = 'api::legal-document.legal-document';

describe('on PostgreSQL', () => {
  let pgDir: string;
  let cluster: PostgresCluster;
  let backend: TestBackend;
  let editor: Awaited<ReturnType<typeof adminSession>>;

  before(async () => {
    pgDir = await mkdtemp(path.join(os.tmpdir(), 'portal-pg-'));
    cluster = await startPostgres(pgDir);
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: cluster.url,
        DATABASE_POOL_MIN: '0',
        DATABASE_POOL_MAX: '4',
      },
    });
    editor = await adminSession(backend);
  });
  after(async () => {
    await backend?.dispose();
    await cluster?.stop();
    await rm(pgDir, { recursive: true, force: true });
  });

  it('serves the published article to the site token and never the draft', async () => {
    await editor.createDraft(ARTICLE, { title: 'Bản nháp chưa duyệt trên PostgreSQL' });
    const published = await editor.createPublished(ARTICLE, { title: 'Tin đã xuất bản trên PostgreSQL' });
    const { body } = await graphql(
      backend.cmsUrl,
      backend.secrets.PORTAL_SITE_TOKEN,
      '{ articles { documentId } drafts: articles(status: DRAFT) { documentId } }',
    );
    const data = body.data as { articles: Array<{ documentId: string }>; drafts: Array<{ documentId: string }> };
    assert.deepEqual(
      data.articles.map((a) => a.documentId),
      [published.documentId],
    );
    assert.deepEqual(
      data.drafts.map((a) => a.documentId),
      [published.documentId],
    );
  });

  it('keeps document relations and validity history, and writes nothing when a rule refuses', async () => {
    const base = {
      documentType: 'quyet_dinh',
      abstract: 'Quy định về quản lý cổng thông tin điện tử',
      issueDate: '2021-03-01',
    };
    const old = await editor.createPublished(DOC, { ...base, documentNumber: '05/2021/QĐ-UBND' });
    await editor.createPublished(DOC, {
      ...base,
      documentNumber: '12/2026/QĐ-UBND',
      issueDate: '2026-06-01',
      relations: [{ type: 'thay_the', target: String(old.documentId) }],
    });
    const { body } = await graphql(
      backend.cmsUrl,
      backend.secrets.PORTAL_SITE_TOKEN,
      'query ($id: ID!) { legalDocument(documentId: $id) { validityStatus validityChanges { status } } }',
      { id: old.documentId },
    );
    assert.deepEqual(body.data?.legalDocument, {
      validityStatus: 'het_hieu_luc_toan_bo',
      validityChanges: [{ status: 'het_hieu_luc_toan_bo' }],
    });

    const refused = await editor.request('POST', editor.base(DOC), { ...base, documentNumber: '05/2021/QĐ-UBND' });
    assert.equal(refused.status, 400);
    const list = await editor.request('GET', `${editor.base(DOC)}?page=1&pageSize=50`);
    assert.equal((list.body as { results: unknown[] }).results.length, 2);
  });

  it('records every action in the audit trail', async () => {
    const list = await editor.request('GET', `${editor.base('api::audit-entry.audit-entry')}?page=1&pageSize=100`);
    assert.equal(list.status, 200);
    const actions = (list.body as { results: Array<{ action: string }> }).results.map((entry) => entry.action);
    assert.ok(actions.filter((a) => a === 'publish').length >= 3, JSON.stringify(actions));
    assert.ok(actions.includes('create'), JSON.stringify(actions));
  });

  it('carries a publication through the search outbox into the index', async () => {
    await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    const published = await editor.createPublished(ARTICLE, { title: 'Tin tìm kiếm được trên PostgreSQL' });
    const index = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey }).index(
      indexUidOf(articleIndex, backend.indexPrefix),
    );
    const id = articleIndex.keyOf(String(published.documentId), null);
    const deadline = Date.now() + 30_000;
    let document: Record<string, unknown> | null = null;
    while (!document && Date.now() < deadline) {
      document = await index.getDocument(id).catch(() => null);
      if (!document) await sleep(100);
    }
    assert.equal(document?.title, 'Tin tìm kiếm được trên PostgreSQL', 'the outbox worker indexed it on PostgreSQL');
  });
});
