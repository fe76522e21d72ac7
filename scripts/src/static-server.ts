/**
 * A small static file server for the built site: what `npm start` serves and what the browser tests
 * open. GET and HEAD only, no path can leave the root, folders answer with their index.html, unknown
 * paths with the site's own 404 page, and text is gzipped when the browser accepts it.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { forwardedRoute, forwardToCms } from './forward.ts';
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

async function fileAt(candidate: string): Promise<string | undefined> {
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

export interface StaticServerOptions extends SiteHeaderOptions {
  /** The CMS the public routes of scripts/src/forward.ts go to; without it they are not forwarded. */
  cmsUrl?: string;
  /**
   * Paths answered by code instead of a file (exact decoded path; `/x/` also answers `/x/index.html`),
   * GET and HEAD only: the search results page without JavaScript (search-results.ts).
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
      const route = pathname === undefined ? undefined : routes[pathname.replace(/\/index\.html$/, '/')];
      if (route) {
        await route(request, response, target.search);
        return;
      }
      const resolved = path.resolve(root, `.${pathname ?? '/'}`);
      const inside = resolved === root || resolved.startsWith(root + path.sep);
      let file = pathname !== undefined && inside ? await fileAt(resolved) : undefined;

      // /tin-tuc → /tin-tuc/ so relative links inside the page resolve as the build expects.
      if (
        file &&
        pathname !== undefined &&
        file.endsWith(`${path.sep}index.html`) &&
        !pathname.endsWith('/') &&
        !pathname.endsWith('index.html')
      ) {
        response.writeHead(301, { Location: folderRedirect({ ...target, pathname }) });
        response.end();
        return;
      }
      let status = 200;
      if (!file) {
        status = 404;
        for (const page of notFoundPages(pathname ?? '/')) {
          file = await fileAt(path.join(root, page));
          if (file) break;
        }
        if (!file) {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Không tìm thấy trang / Not found');
          return;
        }
      }

      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const info = await stat(file);
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
        const body = gzipSync(await readFile(file));
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
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
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
