/**
 * Publication boundary, on a real Strapi (temporary SQLite) and a real Meilisearch (fresh index):
 * what is published reaches the site's API and the index; a draft reaches neither, whichever way
 * it is asked for; a wrong token is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { articleIndex, indexUidOf } from '@portal/search';
import { indexContent } from '@portal/scripts/portal';
import { adminSession, graphql, startTestBackend, type TestBackend } from '@portal/scripts/testing';
import { COMMITTED_SCHEMA, fetchPrintedSchema } from '@portal/scripts/graphql-schema';

const ARTICLE = 'api::article.article';

describe('publication boundary', () => {
  let backend: TestBackend;
  let published: { documentId: string; title: string };
  let draft: { documentId: string; title: string };
  let searchKey: string;

  before(async () => {
    backend = await startTestBackend({ demoContent: false });
    const editor = await adminSession(backend);
    draft = (await editor.createDraft(ARTICLE, {
      title: 'Dự thảo kế hoạch chuyển đổi số chưa duyệt',
      lead: 'Bản nháp chưa được phép công bố.',
    })) as typeof draft;
    published = (await editor.createPublished(ARTICLE, {
      title: 'Đẩy mạnh ứng dụng công nghệ thông tin trong cơ quan nhà nước',
      lead: 'UBND tỉnh yêu cầu các sở, ngành tăng cường ứng dụng công nghệ thông tin.',
    })) as typeof published;
    ({ searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix }));
  });
  after(async () => {
    await backend?.dispose();
  });

  const siteToken = () => backend.secrets.PORTAL_SITE_TOKEN;

  it('gives the site token the published article through GraphQL', async () => {
    const { status, body } = await graphql(backend.cmsUrl, siteToken(), '{ articles { documentId title slug } }');
    assert.equal(status, 200);
    const articles = body.data?.articles as Array<{ documentId: string; title: string; slug: string }>;
    assert.deepEqual(
      articles.map((a) => a.documentId),
      [published.documentId],
    );
    assert.equal(articles[0]?.slug, 'day-manh-ung-dung-cong-nghe-thong-tin-trong-co-quan-nha-nuoc');
  });

  it('never gives the site token a draft, even when it asks for drafts', async () => {
    const asked = await graphql(
      backend.cmsUrl,
      siteToken(),
      'query ($id: ID!) { article(documentId: $id, status: DRAFT) { title } articles(status: DRAFT) { documentId } }',
      { id: draft.documentId },
    );
    assert.equal(asked.body.data?.article, null);
    assert.deepEqual(
      (asked.body.data?.articles as Array<{ documentId: string }>).map((a) => a.documentId),
      [published.documentId],
    );
    const rest = await fetch(`${backend.cmsUrl}/api/articles?status=draft`, {
      headers: { Authorization: `Bearer ${siteToken()}` },
    });
    assert.equal(rest.status, 200);
    assert.doesNotMatch(await rest.text(), /Dự thảo kế hoạch/);
  });

  it('refuses a wrong token and no token with 401', async () => {
    for (const token of ['wrong-token', `${siteToken()}x`, undefined]) {
      const { status } = await graphql(backend.cmsUrl, token, '{ articles { title } }');
      assert.equal(status, 401, `GraphQL with token ${String(token).slice(0, 8)}`);
      const rest = await fetch(`${backend.cmsUrl}/api/articles`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      assert.equal(rest.status, 401, `REST with token ${String(token).slice(0, 8)}`);
    }
  });

  it('does not let the site token read the media library or anything outside the content types', async () => {
    const files = await fetch(`${backend.cmsUrl}/api/upload/files`, {
      headers: { Authorization: `Bearer ${siteToken()}` },
    });
    assert.equal(files.status, 403);
    const admin = await fetch(`${backend.cmsUrl}/admin/users`, { headers: { Authorization: `Bearer ${siteToken()}` } });
    assert.equal(admin.status, 401);
  });

  it('indexes the published article and not the draft', async () => {
    const client = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
    const index = client.index(indexUidOf(articleIndex, backend.indexPrefix));
    const { results } = await index.getDocuments<{ id: string }>({ limit: 100, filter: 'type = "article"' });
    assert.deepEqual(
      results.map((d) => d.id),
      [`article-${published.documentId}-vi`],
    );
    assert.doesNotMatch(JSON.stringify(results), /Dự thảo kế hoạch|Bản nháp/);
  });

  it('finds the published article with the search-only key when typed without diacritics', async () => {
    const client = new Meilisearch({ host: backend.meili.url, apiKey: searchKey });
    const { hits } = await client
      .index(indexUidOf(articleIndex, backend.indexPrefix))
      .search('ung dung cong nghe thong tin');
    assert.equal(hits[0]?.id, `article-${published.documentId}-vi`);
  });

  it('gives the site a search key that can only search', async () => {
    assert.notEqual(searchKey, backend.meili.masterKey);
    const headers = { Authorization: `Bearer ${searchKey}`, 'Content-Type': 'application/json' };
    const index = `${backend.meili.url}/indexes/${indexUidOf(articleIndex, backend.indexPrefix)}`;
    const write = await fetch(`${index}/documents`, { method: 'POST', headers, body: '[{"id":"x"}]' });
    const remove = await fetch(index, { method: 'DELETE', headers });
    const keys = await fetch(`${backend.meili.url}/keys`, { headers });
    const settings = await fetch(`${index}/settings`, { headers });
    assert.deepEqual([write.status, remove.status, keys.status, settings.status], [403, 403, 403, 403]);
  });

  it('matches the GraphQL schema the site generates its types from', async () => {
    const live = await fetchPrintedSchema(backend.cmsUrl, siteToken());
    const committed = await readFile(COMMITTED_SCHEMA, 'utf8');
    assert.equal(committed, live, 'site/src/graphql/schema.graphql is stale: run `npm run schema` and commit it');
  });
});
