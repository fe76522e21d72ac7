/**
 * The site's origin forwards a short, fixed list of public CMS routes (citizens' questions, comments on
 * drafts) so a citizen's browser talks to one origin and the CMS, with its admin, stays unexposed. Used by the static
 * server of `npm start` and the browser tests; docs/nginx.conf.example does the same with nginx.
 *
 * Only the listed method + path pairs go through (query strings kept); everything else is the static
 * server's. The body is streamed with a size limit; only the headers a public route needs are passed,
 * plus X-Forwarded-For/-Proto/-Host naming the client as this server saw it (the CMS believes them
 * when PROXY_TRUSTED_HOPS counts this server). Cookies and Authorization never go through.
 */
import http from 'node:http';

export interface ForwardedRoute {
  method: 'GET' | 'POST';
  /** Path on the site's origin, matched exactly. */
  path: string;
  /** Path on the CMS. */
  cmsPath: string;
}

export const FORWARDED_ROUTES: readonly ForwardedRoute[] = [
  { method: 'POST', path: '/api/hoi-dap/cau-hoi', cmsPath: '/api/hoi-dap/cau-hoi' },
  { method: 'GET', path: '/api/hoi-dap/thu-thach', cmsPath: '/api/hoi-dap/thu-thach' },
  { method: 'GET', path: '/api/hoi-dap/tra-cuu', cmsPath: '/api/hoi-dap/tra-cuu' },
  // The page a no-JavaScript form post is redirected to: the CMS renders it with the tracking code.
  { method: 'GET', path: '/hoi-dap/da-gui/', cmsPath: '/api/hoi-dap/da-gui' },
  // Comments on draft documents (lấy ý kiến dự thảo): the draft's slug is a form field, so the path is
  // fixed; the proof-of-work challenge is the questions' one.
  { method: 'POST', path: '/api/du-thao/gop-y', cmsPath: '/api/du-thao/gop-y' },
  { method: 'GET', path: '/du-thao/da-gui/', cmsPath: '/api/du-thao/da-gui' },
];

/** Largest request body forwarded (the CMS refuses more than its own, smaller, limit). */
export const MAX_FORWARDED_BODY = 64 * 1024;
const TIMEOUT_MS = 15_000;

const REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'accept-language', 'user-agent'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'location',
  'retry-after',
  'cache-control',
  'content-security-policy',
];

/** The forwarded route a request is for (method and exact path), if any. */
export function forwardedRoute(method: string | undefined, url: string | undefined): ForwardedRoute | undefined {
  const pathname = (url ?? '').split('?')[0];
  const route = FORWARDED_ROUTES.find((r) => r.path === pathname);
  if (!route) return undefined;
  // HEAD is a GET without a body, as the CMS answers it.
  return route.method === method || (route.method === 'GET' && method === 'HEAD') ? route : undefined;
}

function plain(response: http.ServerResponse, status: number, message: string, headers: http.OutgoingHttpHeaders = {}) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(message);
}

/**
 * Forwards one request to `cmsUrl` + `cmsPath` (+ the request's query) and streams the answer back.
 * 411/413 when the body has no declared length or is too long, 502/504 when the CMS cannot answer.
 */
export function forwardToCms(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  cmsUrl: string,
  cmsPath: string,
  options: { maxBody?: number; https?: boolean } = {},
): Promise<void> {
  const maxBody = options.maxBody ?? MAX_FORWARDED_BODY;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const length = request.headers['content-length'];
  if (hasBody && length === undefined) {
    plain(response, 411, 'Cần khai báo độ dài dữ liệu / Length required');
    return Promise.resolve();
  }
  if (hasBody && !(/^\d+$/.test(length ?? '') && Number(length) <= maxBody)) {
    plain(response, 413, 'Dữ liệu gửi lên quá lớn / Payload too large', { Connection: 'close' });
    return Promise.resolve();
  }
  const query = (request.url ?? '').includes('?') ? (request.url ?? '').slice((request.url ?? '').indexOf('?')) : '';
  const target = new URL(cmsPath + query, cmsUrl);
  const headers: http.OutgoingHttpHeaders = {};
  for (const name of REQUEST_HEADERS) if (request.headers[name] !== undefined) headers[name] = request.headers[name];
  // This server is where citizens connect: whatever X-Forwarded-For they sent is theirs to invent.
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = options.https ? 'https' : 'http';
  if (request.headers.host) headers['x-forwarded-host'] = request.headers.host;

  return new Promise((resolve) => {
    const upstream = http.request(target, { method: request.method, headers, timeout: TIMEOUT_MS }, (answer) => {
      const passed: http.OutgoingHttpHeaders = {};
      for (const name of RESPONSE_HEADERS) if (answer.headers[name] !== undefined) passed[name] = answer.headers[name];
      response.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(response);
      answer.once('end', resolve);
      answer.once('error', () => {
        response.destroy();
        resolve();
      });
    });
    upstream.once('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.once('error', (error) => {
      plain(
        response,
        error.message === 'timeout' ? 504 : 502,
        'Hệ thống tạm thời không nhận được yêu cầu, vui lòng thử lại sau / The service is unavailable',
      );
      resolve();
    });
    if (!hasBody) {
      upstream.end();
      return;
    }
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBody) {
        upstream.destroy(new Error('too large'));
        request.destroy();
        return;
      }
      upstream.write(chunk);
    });
    request.once('end', () => upstream.end());
    request.once('error', () => upstream.destroy(new Error('client gone')));
  });
}
