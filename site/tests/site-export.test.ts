/**
 * The site build's bulk read (the CMS's /api/site-export/*, cms/src/site-publish/export.ts) on the
 * shared read-only portal: it answers exactly what the site's GraphQL queries answer (so the site's
 * generated types hold for it), published entries only, no private field, only with the site token;
 * and the built site's sitemap is an index of sitemap files that robots.txt points at.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { print } from 'graphql';
import { graphql } from '@portal/scripts/testing';
import {
  ArticlesFullDocument,
  DocumentsPageDocument,
  ProceduresPageDocument,
} from '../src/graphql/generated/graphql.ts';
import { readExport } from '../src/lib/content-snapshot.ts';
import { DRAFT_ARTICLE, DRAFT_DOCUMENT, DRAFT_PROCEDURE, usePortal } from './shared-portal.ts';

type Entry = Record<string, unknown> & { documentId: string };

describe('the site export and the sitemap index', () => {
  let portal: Awaited<ReturnType<typeof usePortal>>;
  const exported: Record<string, Entry[]> = {};

  /** Every node of one of the site's own GraphQL queries, all pages. */
  const viaGraphql = async (query: string, connection: string): Promise<Entry[]> => {
    const nodes: Entry[] = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page++) {
      const answer = await graphql(portal.cmsUrl, portal.secrets.PORTAL_SITE_TOKEN, query, { page, pageSize: 100 });
      assert.equal(answer.status, 200, JSON.stringify(answer.body.errors));
      const data = answer.body.data?.[connection] as { nodes: Entry[]; pageInfo: { pageCount: number } };
      pageCount = data.pageInfo.pageCount;
      nodes.push(...data.nodes);
    }
    return nodes;
  };
  const byId = (entries: Entry[]) =>
    [...entries]
      .sort((a, b) => a.documentId.localeCompare(b.documentId))
      .map((e): unknown => JSON.parse(JSON.stringify(e)));
  const exportUrl = (kind: string, query = '') => `${portal.cmsUrl}/api/site-export/${kind}${query}`;

  before(async () => {
    portal = await usePortal();
    for (const kind of ['articles', 'documents', 'procedures'] as const)
      exported[kind] = await readExport<Entry>(kind, {
        cmsUrl: portal.cmsUrl,
        token: portal.secrets.PORTAL_SITE_TOKEN,
      });
  });
  after(async () => {
    await portal?.release();
  });

  it('answers what the site’s GraphQL queries answer, field for field', async () => {
    const articles = await viaGraphql(print(ArticlesFullDocument), 'articles_connection');
    assert.ok(articles.length >= 10, `${articles.length} demo articles`);
    assert.deepEqual(byId(exported.articles ?? []), byId(articles));

    const documents = await viaGraphql(print(DocumentsPageDocument), 'legalDocuments_connection');
    const bodies = await graphql(
      portal.cmsUrl,
      portal.secrets.PORTAL_SITE_TOKEN,
      '{ legalDocuments(pagination: { limit: 1000 }) { documentId body } }',
    );
    const bodyOf = new Map(
      (bodies.body.data?.legalDocuments as Array<{ documentId: string; body: unknown }>).map((d) => [
        d.documentId,
        d.body,
      ]),
    );
    assert.ok(documents.length >= 5, `${documents.length} demo documents`);
    assert.deepEqual(
      byId(exported.documents ?? []),
      byId(documents.map((d) => ({ ...d, body: bodyOf.get(d.documentId) ?? null }))),
    );
    assert.ok(
      (exported.documents ?? []).some((d) => Array.isArray(d.relations) && d.relations.length > 0),
      'relations are compared too',
    );

    const procedures = await viaGraphql(print(ProceduresPageDocument), 'procedures_connection');
    assert.ok(procedures.length >= 3, `${procedures.length} demo procedures`);
    assert.deepEqual(byId(exported.procedures ?? []), byId(procedures));
  });

  it('pages by id with any page size and gives the same entries', async () => {
    const small = await readExport<Entry>('articles', {
      cmsUrl: portal.cmsUrl,
      token: portal.secrets.PORTAL_SITE_TOKEN,
      pageSize: 3,
    });
    assert.deepEqual(byId(small), byId(exported.articles ?? []));
    assert.equal(new Set(small.map((a) => a.documentId)).size, small.length, 'no entry twice');
  });

  it('reads only the named entries, or those that show one, for a publish build', async () => {
    const asSite = { headers: { Authorization: `Bearer ${portal.secrets.PORTAL_SITE_TOKEN}` } };
    const ask = async (kind: string, query: string) => {
      const answer = await fetch(exportUrl(kind, query), asSite);
      assert.equal(answer.status, 200, query);
      return (await answer.json()) as { data: Entry[]; ids: number[]; next: number | null };
    };
    const articles = exported.articles ?? [];
    const [first, second] = articles;
    assert.ok(first && second);
    const named = await ask('articles', `?documentIds=${first.documentId},${second.documentId},khongtontai`);
    assert.deepEqual(byId(named.data), byId([first, second]), 'the named published entries, no unknown one');
    assert.equal(named.ids.length, 2);
    assert.deepEqual((await ask('articles', '?documentIds=')).data, [], 'an empty list names nothing');

    // A legal document some article lists: every article that shows it is found through the relation.
    const listed = articles.find((a) => Array.isArray(a.relatedDocuments) && a.relatedDocuments.length > 0);
    const document = (listed?.relatedDocuments as Entry[] | undefined)?.[0];
    assert.ok(document, 'a demo article lists a legal document');
    const showing = await ask('articles', `?shows=${document.documentId}`);
    const expected = articles.filter((a) =>
      (a.relatedDocuments as Entry[]).some((d) => d.documentId === document.documentId),
    );
    for (const article of expected)
      assert.ok(
        showing.data.some((a) => a.documentId === article.documentId),
        `${article.documentId} shows the document`,
      );
    assert.ok(
      showing.data.every((a) => articles.some((b) => b.documentId === a.documentId)),
      'published articles only',
    );
    // The full read's order is the ids' order: a build merging re-read entries keeps it.
    const full = await ask('articles', '?limit=1000');
    assert.deepEqual(
      full.ids,
      [...full.ids].sort((a, b) => a - b),
    );

    const about = await fetch(exportUrl('about'), asSite);
    assert.equal(about.status, 200);
    const body = (await about.json()) as { version: string; database: string; sources: Record<string, string | null> };
    assert.match(body.version, /^[0-9a-f]{16}$/);
    assert.ok(body.database.length > 0);
    assert.equal(body.sources['api::article.article'], 'articles');
    assert.equal(body.sources['api::category.category'], null);
    assert.equal((await fetch(exportUrl('about'))).status, 401, 'about answers the site token only');

    // Fuzzed lists: a clear 200 or 400, never a server error.
    const alphabet = 'abcz09,;%$[]{}\'"-_ ĐđẠ\u0000';
    for (let i = 0; i < 40; i += 1) {
      const text = Array.from(
        { length: 1 + Math.floor(Math.random() * 60) },
        () => alphabet[Math.floor(Math.random() * alphabet.length)],
      ).join('');
      const query = `?${i % 2 ? 'shows' : 'documentIds'}=${encodeURIComponent(text)}`;
      const answer = await fetch(exportUrl(i % 3 ? 'documents' : 'procedures', query), asSite);
      assert.ok([200, 400].includes(answer.status), `${query}: ${answer.status}`);
    }
    for (const query of [
      '?documentIds=ABC',
      '?documentIds=a;b',
      `?shows=${Array.from({ length: 201 }, (_, i) => `id${i}`).join(',')}`,
    ]) {
      const answer = await fetch(exportUrl('articles', query), asSite);
      assert.equal(answer.status, 400, query);
    }
  });

  it('carries no draft and no private field', () => {
    const text = JSON.stringify(exported);
    for (const draft of [DRAFT_ARTICLE, DRAFT_DOCUMENT.abstract, DRAFT_DOCUMENT.documentNumber, DRAFT_PROCEDURE.name])
      assert.ok(!text.includes(draft), `the export carries the draft "${draft}"`);
    for (const key of ['editorialStage', 'reviewNote', 'scheduledPublishAt', 'scheduledById', 'createdBy', 'updatedBy'])
      assert.ok(!text.includes(`"${key}"`), `the export carries ${key}`);
  });

  it('answers only the site token, and refuses bad requests clearly', async () => {
    assert.equal((await fetch(exportUrl('articles'))).status, 401);
    const wrong = await fetch(exportUrl('articles'), { headers: { Authorization: `Bearer ${'x'.repeat(64)}` } });
    assert.equal(wrong.status, 401);
    const publisherToken = await fetch(exportUrl('articles'), {
      headers: { Authorization: `Bearer ${portal.secrets.PORTAL_PUBLISHER_TOKEN}` },
    });
    assert.equal(publisherToken.status, 401, 'another portal secret is not the site token');
    const asSite = { headers: { Authorization: `Bearer ${portal.secrets.PORTAL_SITE_TOKEN}` } };
    assert.equal((await fetch(exportUrl('questions'), asSite)).status, 404, 'questions are not exported');
    for (const query of ['?limit=0', '?limit=5000', '?after=-1', '?after=abc', '?secret=1']) {
      const answer = await fetch(exportUrl('articles', query), asSite);
      assert.equal(answer.status, 400, query);
      assert.ok(((await answer.json()) as { error: { message: string } }).error.message, query);
    }
  });

  it('builds sitemap.xml as an index of sitemap files that robots.txt names', async () => {
    const index = await readFile(path.join(portal.outDir, 'sitemap.xml'), 'utf8');
    assert.match(index, /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const files = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    assert.deepEqual(files, ['/sitemap-1.xml'], 'the demo fits one file');
    const part = await readFile(path.join(portal.outDir, 'sitemap-1.xml'), 'utf8');
    assert.match(part, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const locs = [...part.matchAll(/<loc>([^<]+)<\/loc>/g)];
    assert.ok(locs.length > 50 && locs.length <= 50_000, `${locs.length} URLs`);
    const article = (exported.articles ?? [])[0];
    assert.ok(part.includes(`/tin-tuc/${String(article?.slug)}/`), 'published articles are listed');
    const robots = await readFile(path.join(portal.outDir, 'robots.txt'), 'utf8');
    assert.match(robots, /^Sitemap: http\S*\/sitemap\.xml$/m);
  });
});
