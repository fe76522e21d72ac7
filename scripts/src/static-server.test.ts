import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { siteSecurityHeaders } from './security-headers.ts';
import { serveStatic } from './static-server.ts';

/** A GET with the request target sent byte for byte (fetch would normalise `/.//x` and `\\`). */
function rawGet(base: string, target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ hostname, port, path: target, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.once('error', reject);
    request.end();
  });
}

describe('static server', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'static-'));
    await mkdir(path.join(dir, 'tin-tuc'));
    await mkdir(path.join(dir, 'van-ban'));
    await writeFile(path.join(dir, 'index.html'), '<h1>Trang chủ</h1>');
    // Pages as files (site/src/lib/page-files.ts), and one in the folder layout of older releases.
    await writeFile(path.join(dir, 'tin-tuc.html'), '<h1>Tin tức</h1>');
    await writeFile(path.join(dir, 'tin-tuc', 'le-hoi.html'), '<h1>Lễ hội</h1>');
    await writeFile(path.join(dir, 'van-ban', 'index.html'), '<h1>Văn bản</h1>');
    await writeFile(path.join(dir, '404.html'), '<h1>Không tìm thấy</h1>');
    await writeFile(path.join(os.tmpdir(), 'secret-outside.txt'), 'secret');
    server = await serveStatic(dir, 0, { searchOrigin: 'http://127.0.0.1:7700' });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a page from its file', async () => {
    for (const [pathname, body] of [
      ['/', '<h1>Trang chủ</h1>'],
      ['/tin-tuc/', '<h1>Tin tức</h1>'],
      ['/tin-tuc/le-hoi/', '<h1>Lễ hội</h1>'],
      ['/tin-tuc/le-hoi.html', '<h1>Lễ hội</h1>'],
    ]) {
      const response = await fetch(`${server.url}${pathname}`, { redirect: 'manual' });
      assert.equal(response.status, 200, pathname);
      assert.match(response.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
      assert.equal(await response.text(), body, pathname);
    }
  });

  it("serves a page of an older release from its folder's index.html", async () => {
    const response = await fetch(`${server.url}/van-ban/`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<h1>Văn bản</h1>');
  });

  it('redirects a page without its trailing slash, in either layout', async () => {
    for (const [target, location] of [
      ['/tin-tuc?trang=2', '/tin-tuc/?trang=2'],
      ['/tin-tuc/le-hoi', '/tin-tuc/le-hoi/'],
      ['/van-ban', '/van-ban/'],
    ]) {
      const response = await fetch(`${server.url}${target}`, { redirect: 'manual' });
      assert.equal(response.status, 301, target);
      assert.equal(response.headers.get('location'), location);
    }
  });

  it('answers unknown paths with the 404 page and status', async () => {
    const response = await fetch(`${server.url}/khong-co`);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), '<h1>Không tìm thấy</h1>');
  });

  it('never serves a file outside its root', async () => {
    for (const attempt of [
      '/../secret-outside.txt',
      '/%2e%2e/secret-outside.txt',
      '/..%2fsecret-outside.txt',
      '/%00',
    ]) {
      const response = await fetch(`${server.url}${attempt}`);
      assert.equal(response.status, 404, attempt);
      assert.doesNotMatch(await response.text(), /secret/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${server.url}/`, { method: 'POST', body: 'x' });
    assert.equal(response.status, 405);
  });

  it('gzips text when the browser accepts it', async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.equal(await response.text(), '<h1>Trang chủ</h1>');
  });

  it('sends the security headers on every answer', async () => {
    const expected = siteSecurityHeaders({ searchOrigin: 'http://127.0.0.1:7700' });
    assert.match(expected['Content-Security-Policy'] ?? '', /connect-src 'self' http:\/\/127\.0\.0\.1:7700/);
    for (const [target, status] of [
      ['/', 200],
      ['/khong-co', 404],
      ['/tin-tuc', 301],
    ] as const) {
      const response = await rawGet(server.url, target);
      assert.equal(response.status, status, target);
      for (const [name, value] of Object.entries(expected)) {
        assert.equal(response.headers[name.toLowerCase()], value, `${name} on ${target}`);
      }
    }
    const refused = await fetch(`${server.url}/`, { method: 'DELETE' });
    assert.equal(refused.status, 405);
    assert.equal(refused.headers.get('x-frame-options'), 'DENY');
  });

  it('answers a revalidation with 304 when the page has not changed', async () => {
    const first = await fetch(`${server.url}/tin-tuc/`);
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    for (const encoding of ['identity', 'gzip']) {
      const again = await fetch(`${server.url}/tin-tuc/`, {
        headers: { 'If-None-Match': etag, 'Accept-Encoding': encoding },
      });
      assert.equal(again.status, 304, encoding);
      assert.equal(await again.text(), '');
    }
    const stale = await fetch(`${server.url}/tin-tuc/`, { headers: { 'If-None-Match': 'W/"0-0"' } });
    assert.equal(stale.status, 200);
  });

  it('keeps hashed assets for a year and revalidates pages', async () => {
    await mkdir(path.join(dir, '_astro'), { recursive: true });
    await writeFile(path.join(dir, '_astro', 'app.abc123.js'), 'console.log(1)');
    const asset = await fetch(`${server.url}/_astro/app.abc123.js`);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('redirects only to a path on this site, whatever the slashes', async () => {
    for (const [target, location] of [
      ['/.//tin-tuc', '/tin-tuc/'],
      ['//tin-tuc', '/tin-tuc/'],
      ['/./tin-tuc?trang=2', '/tin-tuc/?trang=2'],
    ] as const) {
      const response = await rawGet(server.url, target);
      assert.equal(response.status, 301, target);
      assert.equal(response.headers.location, location, target);
    }
  });

  it('answers malformed paths with 404, never 500', async () => {
    for (const target of ['/\\', '/\\evil.example', '/\\..\\..\\etc\\passwd', '/%E0%A4%A', '/%00']) {
      const response = await rawGet(server.url, target);
      assert.equal(response.status, 404, target);
    }
  });
});

describe('static server while the publisher switches releases', () => {
  it('answers every request with a whole page while `current` moves on and old releases are removed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'static-releases-'));
    const current = path.join(dir, 'current');
    // Pages large enough to be streamed (not gzipped: no Accept-Encoding), as the bench's article pages were.
    const page = (n: number) => `<h1>Bản ${n}</h1>${'<p>Nội dung</p>'.repeat(20_000)}`;
    const release = async (n: number) => {
      const folder = path.join(dir, `r${n}`);
      await mkdir(path.join(folder, 'tin-tuc'), { recursive: true });
      await writeFile(path.join(folder, 'tin-tuc', 'bai.html'), page(n));
      await writeFile(path.join(folder, '404.html'), '<h1>Không tìm thấy</h1>');
      // Atomic switch, as releases.ts does: a new link renamed over `current`.
      await symlink(folder, `${current}.new`);
      await rename(`${current}.new`, current);
    };
    await release(0);
    const server = await serveStatic(current, 0);
    try {
      let switching = true;
      const switcher = (async () => {
        for (let n = 1; switching; n += 1) {
          await release(n);
          await rm(path.join(dir, `r${n - 1}`), { recursive: true, force: true });
        }
      })();
      const answers = await Promise.all(
        Array.from({ length: 300 }, () =>
          fetch(`${server.url}/tin-tuc/bai/`, { headers: { 'Accept-Encoding': 'identity' } }).then(async (r) => ({
            status: r.status,
            body: await r.text(),
          })),
        ),
      );
      switching = false;
      await switcher;
      for (const answer of answers) {
        assert.equal(answer.status, 200);
        assert.match(answer.body, /^<h1>Bản \d+<\/h1>/);
        assert.equal(answer.body.length, page(Number(/Bản (\d+)/.exec(answer.body)?.[1])).length, 'a whole page');
      }
      // Still up.
      assert.equal((await fetch(`${server.url}/tin-tuc/bai/`)).status, 200);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
