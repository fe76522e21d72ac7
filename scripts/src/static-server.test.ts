import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from './static-server.ts';

describe('static server', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'static-'));
    await mkdir(path.join(dir, 'tin-tuc'));
    await writeFile(path.join(dir, 'index.html'), '<h1>Trang chủ</h1>');
    await writeFile(path.join(dir, 'tin-tuc', 'index.html'), '<h1>Tin tức</h1>');
    await writeFile(path.join(dir, '404.html'), '<h1>Không tìm thấy</h1>');
    await writeFile(path.join(os.tmpdir(), 'secret-outside.txt'), 'secret');
    server = await serveStatic(dir, 0);
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a folder through its index.html', async () => {
    const response = await fetch(`${server.url}/tin-tuc/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
    assert.equal(await response.text(), '<h1>Tin tức</h1>');
  });

  it('redirects a folder without its trailing slash', async () => {
    const response = await fetch(`${server.url}/tin-tuc?trang=2`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/tin-tuc/?trang=2');
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
});
