/**
 * docs/nginx.conf.example must send what `npm start` sends: the same security headers (from
 * security-headers.ts) and the same cache rules, so an operator who copies it loses nothing; and a real nginx
 * (Debian's nginx-light, or NGINX_PATH) running it must answer the site's pages as the static server does.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageFileCandidates, pageFileOf } from '@portal/site/page-files';
import { REPO_ROOT } from './config.ts';
import { FORWARDED_ROUTES } from './forward.ts';
import { ENGLISH_NOT_FOUND_PATH, NOT_FOUND_FILE, notFoundPages } from './not-found.ts';
import { siteCacheControl, siteSecurityHeaders } from './security-headers.ts';
import { freePort } from './services/index.ts';
import { serveStatic } from './static-server.ts';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

const EXAMPLE = path.join(REPO_ROOT, 'docs', 'nginx.conf.example');

/** The directives of the first `server { … }` block, comments removed. */
async function publicServerBlock(): Promise<string> {
  const text = (await readFile(EXAMPLE, 'utf8')).replace(/#[^\n]*/g, '');
  const start = text.indexOf('server {');
  assert.ok(start >= 0, 'a server block');
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error('unbalanced braces in the nginx example');
}

/** `add_header Name "value" always;` lines, as a record. */
function addedHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of block.matchAll(/^\s*add_header\s+(\S+)\s+("([^"]*)"|\S+)\s+always;/gm)) {
    headers[match[1] as string] = match[3] ?? (match[2] as string);
  }
  return headers;
}

describe('the nginx example', () => {
  it('sends the security headers of security-headers.ts, no more and no fewer', async () => {
    const headers = addedHeaders(await publicServerBlock());
    const { 'Cache-Control': cacheControl, ...security } = headers;
    assert.equal(cacheControl, '$portal_cache_control');
    assert.deepEqual(security, siteSecurityHeaders({ https: true }));
  });

  it('hides the upstream copies of every header it adds', async () => {
    const block = await publicServerBlock();
    for (const name of Object.keys(siteSecurityHeaders({ https: true }))) {
      assert.match(block, new RegExp(`proxy_hide_header ${name};`), name);
    }
  });

  it('caches as the static server does: hashed assets a year, pages revalidated', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    const map = /map \$uri \$portal_cache_control \{([^}]*)\}/.exec(text)?.[1] ?? '';
    assert.match(map, new RegExp(`~\\^/_astro/\\s+"${siteCacheControl('/_astro/x.js')}"`));
    assert.match(map, new RegExp(`default\\s+"${siteCacheControl('/tin-tuc/')}"`));
  });

  it('forwards exactly the public routes of forward.ts (questions, comments on drafts), each with its one method', async () => {
    const block = await publicServerBlock();
    for (const route of FORWARDED_ROUTES) {
      const escaped = route.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const location = new RegExp(`location = ${escaped} \\{([^}]*\\}[^}]*)\\}`).exec(block)?.[1] ?? '';
      assert.ok(location, `a location for ${route.path}`);
      assert.match(
        location,
        new RegExp(`limit_except ${route.method === 'GET' ? 'GET HEAD' : route.method} \\{ deny all; \\}`),
      );
      const target = route.cmsPath === route.path ? 'http://portal_cms;' : `http://portal_cms${route.cmsPath};`;
      assert.ok(location.includes(`proxy_pass ${target}`), `${route.path} → ${route.cmsPath}`);
    }
    const citizens = [...block.matchAll(/location[^{]*(hoi-dap|du-thao)[^{]*\{/g)].length;
    assert.equal(citizens, FORWARDED_ROUTES.length, 'no other public write route is exposed');
  });

  it('answers unknown paths with the 404 page the static server picks, English below /en/', async () => {
    const block = await publicServerBlock();
    assert.match(block, new RegExp(`\\berror_page 404 /${notFoundPages('/tin-tuc/x')[0]};`));
    const english = /location \/en\/ \{([^}]*)\}/.exec(block)?.[1] ?? '';
    // The English page by its path: the location's try_files finds its file in either layout.
    assert.match(english, new RegExp(`error_page 404 ${ENGLISH_NOT_FOUND_PATH};`));
    assert.deepEqual(pageFileCandidates(ENGLISH_NOT_FOUND_PATH), notFoundPages('/en/x').slice(0, -1));
  });
});

/**
 * The example as nginx runs it in a test: its http-level part (maps, upstreams) and its public server block,
 * listening on 127.0.0.1:`port` without TLS, serving `root`; nginx's own files in `dir`.
 */
async function runnableConfig(root: string, port: number, dir: string): Promise<string> {
  const text = (await readFile(EXAMPLE, 'utf8')).replace(/#[^\n]*/g, '');
  const block = await publicServerBlock();
  const server = block
    .replace(/^\s*listen [^;]*;/gm, '')
    .replace(/^\s*(http2|ssl_certificate|ssl_certificate_key)\s[^;]*;/gm, '')
    .replace(/^\s*root [^;]*;/m, `listen 127.0.0.1:${port}; root ${root};`);
  const httpPart = text.slice(0, text.indexOf('server {'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir};`);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')};`,
    'events {}',
    `http { access_log off; ${temp.join(' ')}`,
    httpPart,
    server,
    '}',
  ].join('\n');
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the nginx example, run by nginx', () => {
  let dir: string;
  let nginx: ChildProcess | undefined;
  let nginxUrl: string;
  let site: { url: string; close(): Promise<void> };

  before(async () => {
    assert.ok(existsSync(NGINX), `nginx not found at ${NGINX}: apt-get install nginx-light, or set NGINX_PATH`);
    dir = await mkdtemp(path.join(os.tmpdir(), 'nginx-example-'));
    // nginx's workers run as nobody when the test runs as root: the release must be readable by anyone.
    await chmod(dir, 0o755);
    const root = path.join(dir, 'release');
    const pages: Record<string, string> = {
      [pageFileOf('/')]: 'Trang chủ',
      [pageFileOf('/tin-tuc/')]: 'Tin tức',
      [pageFileOf('/tin-tuc/le-hoi/')]: 'Lễ hội',
      [pageFileOf('/tin-tuc/trang/2/')]: 'Tin tức, trang 2',
      [pageFileOf('/en/')]: 'Home',
      [pageFileOf(ENGLISH_NOT_FOUND_PATH)]: 'Not found',
      [NOT_FOUND_FILE]: 'Không tìm thấy',
      // A page of a release built before pages were files (a rollback across the change).
      'van-ban/cu/index.html': 'Văn bản cũ',
      'tin-tuc/rss.xml': '<rss/>',
      '_astro/app.1a2b3c.css': 'body{}',
    };
    for (const [file, body] of Object.entries(pages)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true, mode: 0o755 });
      await writeFile(path.join(root, file), body, { mode: 0o644 });
    }
    const port = await freePort();
    await writeFile(path.join(dir, 'nginx.conf'), await runnableConfig(root, port, dir));
    nginx = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let waited = 0; !(await listening(port)); waited += 50) {
      assert.ok(nginx.exitCode === null && waited < 10_000, `nginx did not start: ${stderr}`);
      await sleep(50);
    }
    nginxUrl = `http://127.0.0.1:${port}`;
    site = await serveStatic(root, 0);
  });
  after(async () => {
    nginx?.kill('SIGTERM');
    if (nginx && nginx.exitCode === null) await new Promise((resolve) => nginx?.once('exit', resolve));
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const answer = async (base: string, target: string) => {
    const response = await fetch(`${base}${target}`, {
      redirect: 'manual',
      headers: { 'Accept-Encoding': 'identity' },
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      // Of a page (a redirect's differs: nginx adds its header to every answer, the static server to files).
      cacheControl: response.status === 301 ? undefined : response.headers.get('cache-control'),
      body: response.status === 301 ? '' : await response.text(),
    };
  };

  it('answers every page, redirect and unknown path as the static server does', async () => {
    const targets = [
      '/',
      '/tin-tuc/',
      '/tin-tuc/le-hoi/',
      '/tin-tuc/trang/2/',
      '/tin-tuc/le-hoi',
      '/tin-tuc/le-hoi?trang=2',
      '/tin-tuc',
      '/en/',
      '/van-ban/cu/',
      '/tin-tuc/rss.xml',
      '/_astro/app.1a2b3c.css',
      '/khong-co/',
      '/khong-co',
      '/tin-tuc/khong-co/',
      '/en/no-such-page/',
      '/en/no-such-page',
      '/_astro/khong-co.js',
      '/../etc/passwd',
    ];
    for (const target of targets) {
      const [byNginx, byServer] = [await answer(nginxUrl, target), await answer(site.url, target)];
      assert.deepEqual(byNginx, byServer, target);
    }
    assert.equal((await answer(nginxUrl, '/tin-tuc/le-hoi/')).body, 'Lễ hội');
    assert.equal((await answer(nginxUrl, '/en/no-such-page/')).body, 'Not found');
    assert.equal((await answer(nginxUrl, '/tin-tuc/le-hoi')).location, '/tin-tuc/le-hoi/');
  });
});
