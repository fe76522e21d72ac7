import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUESTION_PAGES, SECTIONS } from '../../cms/src/url-words.ts';
import { FORWARDED_ROUTES, MAX_FORWARDED_BODY } from './forward.ts';
import { serveStatic } from './static-server.ts';

/** A stand-in CMS that echoes what reached it (the forwarding is what is tested, over real sockets). */
describe('forwarding public CMS routes through the site origin', () => {
  let cms: http.Server;
  let cmsUrl: string;
  let site: { url: string; close(): Promise<void> };
  let dir: string;
  const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

  before(async () => {
    cms = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(201, { 'Content-Type': 'application/json', 'Set-Cookie': 'x=1', 'X-Secret': 'no' });
        response.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    cmsUrl = `http://127.0.0.1:${(cms.address() as { port: number }).port}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'forward-'));
    await writeFile(path.join(dir, 'index.html'), '<h1>Trang chủ</h1>');
    site = await serveStatic(dir, 0, { cmsUrl });
  });
  after(async () => {
    await site.close();
    await new Promise((resolve) => cms.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('forwards a listed POST with its body, query and the client address, and nothing private', async () => {
    const response = await fetch(`${site.url}/api/hoi-dap/cau-hoi?x=1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: 'koa.sess=admin',
        Authorization: 'Bearer secret',
        'X-Forwarded-For': '6.6.6.6',
      },
      body: 'hoTen=An',
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('x-secret'), null);
    const last = seen.at(-1)!;
    assert.equal(last.url, '/api/hoi-dap/cau-hoi?x=1');
    assert.equal(last.body, 'hoTen=An');
    assert.equal(last.headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(last.headers.cookie, undefined);
    assert.equal(last.headers.authorization, undefined);
  });

  it('forwards exactly the listed routes: not the admin, not other methods or paths', async () => {
    const before = seen.length;
    for (const [method, pathname] of [
      ['GET', '/admin'],
      ['POST', '/admin/login'],
      ['POST', '/api/articles'],
      ['GET', '/api/hoi-dap/cau-hoi'],
      ['POST', '/api/hoi-dap/tra-cuu'],
      ['POST', '/api/hoi-dap/cau-hoi/'],
      ['POST', '/graphql'],
    ] as const) {
      const response = await fetch(`${site.url}${pathname}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      assert.ok([404, 405].includes(response.status), `${method} ${pathname}: ${response.status}`);
    }
    assert.equal(seen.length, before);
    assert.ok(FORWARDED_ROUTES.every((route) => !route.cmsPath.startsWith('/admin')));
  });

  it("forwards the confirmation page at the site's own path word for it (cms/src/url-words.ts)", () => {
    const sent = `/${SECTIONS.questions}/${QUESTION_PAGES.sent}/`;
    assert.ok(FORWARDED_ROUTES.some((route) => route.path === sent && route.method === 'GET'));
  });

  it('refuses a body over the limit without reaching the CMS', async () => {
    const before = seen.length;
    const response = await fetch(`${site.url}/api/hoi-dap/cau-hoi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'x'.repeat(MAX_FORWARDED_BODY + 1),
    });
    assert.equal(response.status, 413);
    assert.equal(seen.length, before);
  });

  it('answers 502 when the CMS is not there', async () => {
    const lonely = await serveStatic(dir, 0, { cmsUrl: 'http://127.0.0.1:9' });
    try {
      const response = await fetch(`${lonely.url}/api/hoi-dap/thu-thach`);
      assert.equal(response.status, 502);
    } finally {
      await lonely.close();
    }
  });
});
