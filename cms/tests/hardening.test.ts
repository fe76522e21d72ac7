/**
 * The CMS and the site's static server as an attacker meets them, on a real Strapi (temporary
 * SQLite) on loopback: only the portal's own origins get CORS, every answer carries the security
 * headers, a bulk GraphQL query is refused, draft files are not cached publicly, and ≥10,000
 * malformed requests get no 5xx, store nothing and leave the CMS healthy.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { COMMON_SECURITY_HEADERS, siteSecurityHeaders } from '@portal/scripts/security-headers';
import { serveStatic } from '@portal/scripts/services';
import { adminSession, graphql, startTestBackend, type AdminSession, type TestBackend } from '@portal/scripts/testing';
import { malformedRequests, type MalformedRequest } from './malformed-requests.ts';

const ARTICLE = 'api::article.article';
const FUZZ_COUNT = 10_240;
const CONCURRENCY = 12;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with its target sent byte for byte (fetch would normalise `/.//x` and `\\`). */
function send(agent: http.Agent, base: string, request: Omit<MalformedRequest, 'target'>): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    if (/[^\u0021-\u00ff]/.test(request.path)) throw new Error(`The fuzz case ${request.path} cannot be sent as is`);
    const outgoing = http.request(
      { agent, hostname, port, method: request.method, path: request.path, headers: request.headers, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    // A connection the server closed is not a 5xx, but the test counts it apart (-1) so it shows.
    outgoing.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
    outgoing.end(request.body);
  });
}

/** Rows per table of the CMS database. */
function rowCounts(file: string): Record<string, number> {
  const db = new DatabaseSync(file, { readOnly: true, timeout: 15_000 });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        Number((db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('hardening of the CMS and the static site', () => {
  let backend: TestBackend;
  let editor: AdminSession;
  let adminToken: string;
  let siteDir: string;
  let site: { url: string; close(): Promise<void> };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  before(async () => {
    backend = await startTestBackend({ demoContent: false });
    editor = await adminSession(backend);
    const login = await fetch(`${backend.cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'bientap@portal.test', password: backend.secrets.PORTAL_ADMIN_PASSWORD }),
    });
    adminToken = ((await login.json()) as { data: { token: string } }).data.token;
    siteDir = await mkdtemp(path.join(os.tmpdir(), 'hardening-site-'));
    await writeFile(path.join(siteDir, 'index.html'), '<!doctype html><title>Trang chủ</title>');
    await writeFile(path.join(siteDir, '404.html'), '<!doctype html><title>Không tìm thấy</title>');
    site = await serveStatic(siteDir, 0, { searchOrigin: backend.meili.url });
  });
  after(async () => {
    agent.destroy();
    await site?.close();
    await rm(siteDir, { recursive: true, force: true });
    await backend?.dispose();
  });

  it('gives CORS to its own admin origin only, on REST and GraphQL', async () => {
    const own = new URL(backend.cmsUrl).origin;
    for (const pathname of ['/admin/login', '/graphql', '/api/articles']) {
      const foreign = await fetch(`${backend.cmsUrl}${pathname}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null, `${pathname} for a foreign origin`);
      const allowed = await fetch(`${backend.cmsUrl}${pathname}`, {
        method: 'OPTIONS',
        headers: { Origin: own, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(allowed.headers.get('access-control-allow-origin'), own, `${pathname} for the admin origin`);
    }
  });

  it('sends the common security headers on the CMS and the full set on the site', async () => {
    for (const pathname of ['/_health', '/api/articles', '/admin/init', '/favicon.ico']) {
      const response = await fetch(`${backend.cmsUrl}${pathname}`);
      for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) {
        assert.equal(response.headers.get(name), value, `${name} on CMS ${pathname}`);
      }
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', `framing on CMS ${pathname}`);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal(response.headers.get('x-powered-by'), null);
    }
    const page = await fetch(`${site.url}/`);
    for (const [name, value] of Object.entries(siteSecurityHeaders({ searchOrigin: backend.meili.url }))) {
      assert.equal(page.headers.get(name), value, `${name} on the site`);
    }
  });

  it('serves a favicon instead of failing on every browser visit', async () => {
    const response = await fetch(`${backend.cmsUrl}/favicon.ico`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^image\//);
  });

  it('refuses a query with 500 aliases with 400 before running it', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: articles(pagination: { limit: 100 }) { title lead }`).join(' ')} }`;
    const answer = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, query);
    assert.equal(answer.status, 400);
    assert.match(JSON.stringify(answer.body.errors), /500 aliases/);
    assert.equal(answer.body.data, undefined);
  });

  it('answers a non-string date with 400 and a message naming the field', async () => {
    const answer = await editor.request(
      'POST',
      `/content-manager/collection-types/api::legal-document.legal-document`,
      {
        abstract: 'Quyết định thử nghiệm',
        documentNumber: '12/QĐ-UBND',
        issueDate: 123,
      },
    );
    assert.equal(answer.status, 400);
    assert.match(answer.error?.message ?? '', /issueDate/);
  });

  it('keeps a draft attachment out of shared caches and a published one for a year', async () => {
    const upload = async (name: string) => {
      const form = new FormData();
      form.append('files', new Blob([`%PDF-1.4 ${name}`], { type: 'application/pdf' }), `${name}.pdf`);
      const answer = await editor.request('POST', '/upload', form);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return (answer.body as Array<{ id: number; url: string }>)[0] as { id: number; url: string };
    };
    const draftFile = await upload('du-thao');
    const publishedFile = await upload('da-cong-bo');
    await editor.createDraft(ARTICLE, { title: 'Bài nháp có ảnh', cover: draftFile.id });
    await editor.createPublished(ARTICLE, { title: 'Bài đã đăng có ảnh', cover: publishedFile.id });
    const draft = await fetch(`${backend.cmsUrl}${draftFile.url}`);
    assert.equal(draft.status, 200);
    assert.equal(draft.headers.get('cache-control'), 'private, no-cache');
    const published = await fetch(`${backend.cmsUrl}${publishedFile.url}`);
    assert.equal(published.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it(`answers ${FUZZ_COUNT} malformed requests without a 5xx, stores nothing and stays healthy`, async () => {
    const database = path.join(backend.dir, 'cms', 'data.db');
    const before = rowCounts(database);
    const requests = malformedRequests(FUZZ_COUNT);
    const histogram = new Map<string, number>();
    const failures: string[] = [];
    let nextIndex = 0;
    const started = Date.now();
    const worker = async () => {
      while (nextIndex < requests.length) {
        const request = requests[nextIndex++] as MalformedRequest;
        const base = request.target === 'site' ? site.url : backend.cmsUrl;
        const token =
          request.auth === 'admin'
            ? adminToken
            : request.auth === 'site'
              ? backend.secrets.PORTAL_SITE_TOKEN
              : undefined;
        const answer = await send(agent, base, {
          ...request,
          headers: { ...request.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        });
        const key = `${request.target} ${answer.status}`;
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
        if (answer.status >= 500 || answer.status < 0) {
          failures.push(
            `${answer.status} ${request.method} ${request.path.slice(0, 120)}: ${answer.body.slice(0, 200)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const byStatus = new Map<number, number>();
    for (const [key, count] of histogram) {
      const status = Number(key.split(' ')[1]);
      byStatus.set(status, (byStatus.get(status) ?? 0) + count);
    }
    console.log(
      `Fuzz: ${FUZZ_COUNT} malformed requests in ${seconds.toFixed(1)} s (${CONCURRENCY} at a time)\n` +
        `  by status: ${[...byStatus]
          .sort((a, b) => a[0] - b[0])
          .map(([status, count]) => `${status}×${count}`)
          .join(', ')}\n` +
        `  by target: ${[...histogram]
          .sort()
          .map(([key, count]) => `${key}×${count}`)
          .join(', ')}`,
    );
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} answers were 5xx or a dropped connection`);

    const after = rowCounts(database);
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    // Admin sessions are the only rows a request without a valid write may add (none expected either).
    assert.deepEqual(
      changed.map((table) => `${table}: ${before[table]} → ${after[table]}`),
      [],
      'rows were stored by malformed requests',
    );
    const health = await fetch(`${backend.cmsUrl}/_health`);
    assert.equal(health.status, 204);
    const stillServes = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, '{ articles { title } }');
    assert.equal(stillServes.status, 200);
  });
});
