/**
 * A small static file server for the built site: what `npm start` serves and what the browser tests
 * open. GET and HEAD only, no path can leave the root, a page's URL answers with its file
 * (site/src/lib/page-files.ts), unknown paths with the site's own 404 page, and text is gzipped when the
 * browser accepts it.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { forwardedRoute, forwardToCms } from './forward.ts';
import { pageFileCandidates, pathnameOfFile } from '@portal/site/page-files';
import { notFoundPages } from './not-found.ts';
import type { RouteHandler } from './search-results.ts';
import { siteCacheControl, type SiteHeaderOptions } from './security-headers.ts';
import { etagOf, folderRedirect, notModified, requestTarget, setSiteHeaders } from './static-response.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

async function isFile(candidate: string): Promise<boolean> {
  return (await stat(candidate).catch(() => undefined))?.isFile() ?? false;
}

/** `relative` inside `root`, or undefined when it would leave it. */
function inside(root: string, relative: string): string | undefined {
  const resolved = path.resolve(root, `./${relative}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : undefined;
}

/**
 * The file a path answers with: the file at that path, or the page there (site/src/lib/page-files.ts:
 * `/tin-tuc/a/` is `tin-tuc/a.html`, or `tin-tuc/a/index.html` in a release built before pages were files),
 * 200; with `redirect` for a page asked without its trailing slash. Else the site's 404 page for it, 404;
 * none: no 404 page either.
 */
async function lookUp(
  pathname: string | undefined,
  root: string,
): Promise<{ file: string; status: number; redirect?: boolean } | undefined> {
  if (pathname !== undefined) {
    const exact = inside(root, pathname);
    if (exact && (await isFile(exact))) return { file: exact, status: 200 };
    for (const candidate of pageFileCandidates(pathname)) {
      const file = inside(root, candidate);
      if (file && (await isFile(file))) return { file, status: 200, redirect: !pathname.endsWith('/') };
    }
  }
  for (const page of notFoundPages(pathname ?? '/')) {
    const notFound = inside(root, page);
    if (notFound && (await isFile(notFound))) return { file: notFound, status: 404 };
  }
  return undefined;
}

export interface StaticServerOptions extends SiteHeaderOptions {
  /** The CMS the public routes of scripts/src/forward.ts go to; without it they are not forwarded. */
  cmsUrl?: string;
  /**
   * Paths answered by code instead of a file (exact decoded path; `/x/` also answers its page files `/x.html`
   * and `/x/index.html`), GET and HEAD only: the search results page without JavaScript (search-results.ts).
   */
  routes?: Readonly<Record<string, RouteHandler>>;
}

export function createStaticServer(rootDir: string, options: StaticServerOptions = {}): http.Server {
  const root = path.resolve(rootDir);
  const { routes = {}, ...headerOptions } = options;
  const serve = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    try {
      setSiteHeaders(response, headerOptions);
      const forwarded = headerOptions.cmsUrl ? forwardedRoute(request.method, request.url) : undefined;
      if (forwarded && headerOptions.cmsUrl) {
        await forwardToCms(request, response, headerOptions.cmsUrl, forwarded.cmsPath, { https: headerOptions.https });
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Phương thức không được hỗ trợ / Method not allowed');
        return;
      }
      const target = requestTarget(request.url);
      const { pathname } = target;
      const route = pathname === undefined ? undefined : routes[pathnameOfFile(pathname)];
      if (route) {
        await route(request, response, target.search);
        return;
      }
      // The file is opened once and everything is read from that handle: the publisher may switch `current`
      // and remove an old release at any moment, and a path looked up in one release and opened in none
      // crashed the server (an unhandled stream error). A file that vanishes before it is opened is looked up
      // again, in the release now current.
      let served: { file: string; status: number; redirect?: boolean; handle: FileHandle } | undefined;
      for (let attempt = 1; !served && attempt <= 2; attempt += 1) {
        const found = await lookUp(pathname, root);
        if (!found) break;
        const handle = await open(found.file).catch(() => undefined);
        if (handle) served = { ...found, handle };
      }
      if (!served) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Không tìm thấy trang / Not found');
        return;
      }
      const { file, status, handle } = served;

      // /tin-tuc → /tin-tuc/ so relative links inside the page resolve as the build expects.
      if (served.redirect && pathname !== undefined) {
        await handle.close();
        response.writeHead(301, { Location: folderRedirect({ ...target, pathname }) });
        response.end();
        return;
      }

      let streaming = false;
      try {
        const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        const info = await handle.stat();
        const etag = etagOf(info);
        const headers: http.OutgoingHttpHeaders = {
          'Content-Type': type,
          'Cache-Control': siteCacheControl(status === 200 ? (pathname ?? '/') : '/404.html'),
          ...(status === 200 ? { ETag: etag } : {}),
        };
        if (status === 200 && notModified(request, etag)) {
          response.writeHead(304, headers);
          response.end();
          return;
        }
        const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        if (COMPRESSIBLE.test(type) && acceptsGzip) {
          const body = gzipSync(await handle.readFile());
          response.writeHead(status, {
            ...headers,
            'Content-Encoding': 'gzip',
            'Content-Length': body.length,
            Vary: 'Accept-Encoding',
          });
          response.end(request.method === 'HEAD' ? undefined : body);
          return;
        }
        response.writeHead(status, { ...headers, 'Content-Length': info.size });
        if (request.method === 'HEAD') {
          response.end();
          return;
        }
        streaming = true;
        // The stream closes the handle when done; a read error ends this response, never the server.
        const stream = handle.createReadStream();
        stream.on('error', () => response.destroy());
        response.on('close', () => stream.destroy());
        stream.pipe(response);
      } finally {
        if (!streaming) await handle.close();
      }
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Lỗi máy chủ / Server error');
    }
  };
  return http.createServer((request, response) => void serve(request, response));
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function serveStatic(
  rootDir: string,
  port: number,
  options: StaticServerOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createStaticServer(rootDir, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
