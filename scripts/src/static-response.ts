/**
 * What the static server adds to a file it found: the security headers, caching (ETag and 304), and
 * the safe reading of a request's path. Kept apart from static-server.ts so that file stays about
 * finding files, and so nginx (docs/nginx.conf.example) and this server can be checked to agree.
 */
import type { Stats } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { siteSecurityHeaders, type SiteHeaderOptions } from './security-headers.ts';

export interface RequestTarget {
  /** Decoded path, `/`-separated, always starting with a single `/`; undefined when it cannot be read. */
  pathname: string | undefined;
  /** The raw query string with its `?`, or ''. */
  search: string;
}

/**
 * Splits a request target without the WHATWG URL parser: that parser reads `/\host` and `//host` as
 * another host (a request for `/\` threw, and `/.//en` redirected off-site). A backslash is never a
 * separator here; it stays a character of the name and matches no file.
 */
export function requestTarget(rawUrl: string | undefined): RequestTarget {
  const raw = rawUrl ?? '/';
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const search = queryAt === -1 ? '' : raw.slice(queryAt);
  if (!rawPath.startsWith('/')) return { pathname: undefined, search };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { pathname: undefined, search };
  }
  if (decoded.includes('\0')) return { pathname: undefined, search };
  return { pathname: path.posix.normalize(decoded), search };
}

/**
 * Where a folder without its trailing slash redirects: always a path on this site (one leading `/`,
 * `//` collapsed), re-encoded, with the query kept.
 */
export function folderRedirect(target: RequestTarget & { pathname: string }): string {
  const encoded = target.pathname
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')
    .replace(/^\/+/, '/');
  return `${encoded.endsWith('/') ? encoded : `${encoded}/`}${target.search}`;
}

/** A weak validator from size and modification time, as nginx makes it (weak: gzip changes the bytes). */
export function etagOf(info: Pick<Stats, 'size' | 'mtimeMs'>): string {
  return `W/"${Math.floor(info.mtimeMs / 1000).toString(16)}-${info.size.toString(16)}"`;
}

/** True when the browser's copy is current (If-None-Match lists this ETag, or `*`). */
export function notModified(request: http.IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Puts the site's security headers on an answer, whatever its status (set before writeHead). */
export function setSiteHeaders(response: http.ServerResponse, options: SiteHeaderOptions = {}): void {
  for (const [name, value] of Object.entries(siteSecurityHeaders(options))) response.setHeader(name, value);
}
