/**
 * The draft preview on the portal's server: `/xem-truoc/?…` (the path word is url-words' PREVIEW).
 *
 * Strapi's content manager shows the URL the CMS signed for a signed-in editor
 * (cms/src/site-publish/preview.ts) in a frame. This route checks that token (401 without one, 403
 * when it is wrong or expired), then has the site's own components render the entry's draft: an
 * `astro dev` server with PORTAL_PREVIEW=1 (site/src/preview/), started on the first preview, on
 * 127.0.0.1 at a port nobody else is told, answering only requests that carry this process's random
 * key, and stopped after a quiet while. Nothing of it is ever written into a release: the public
 * site is only what the publisher builds.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { PREVIEW_TYPES, verifyPreview } from '@portal/cms/model/preview-token';
import { PREVIEW } from '@portal/cms/model/url-words';
import type { RouteHandler } from '../search-results.ts';
import { freePort, startProcess, waitUntilReady, type ManagedProcess } from '../services/process.ts';
import { packageDir } from '../services/resolve.ts';
import { SITE_DIR } from '../services/site.ts';
import { COMMON_SECURITY_HEADERS } from '../security-headers.ts';

export const PREVIEW_PATH = `/${PREVIEW}/`;
/** Internal route of the preview server (site/src/preview/integration.ts DRAFT_ROUTE) and its key header. */
const DRAFT_PATH = '/ban-nhap-xem-truoc';
const KEY_HEADER = 'x-portal-preview-key';
/** The short names the draft route takes. */
const TYPE_NAMES: Readonly<Record<string, string>> = { 'api::article.article': 'article' };

export interface PreviewOptions {
  /**
   * PORTAL_PUBLISHER_TOKEN: the CMS signs previews with a key derived from it, and this server reads
   * the draft with it (GET /api/portal-publisher/draft).
   */
  secret: string;
  /** What the site reads with (as the publisher's build). */
  cmsUrl: string;
  cmsToken: string;
  meiliUrl: string;
  meiliSearchKey: string;
  meiliIndexPrefix: string;
  /** The admin's origin: the only page that may frame a preview. */
  adminOrigin: string;
  /** Where browsers load the CMS's images (the covers of a draft). */
  imageOrigin: string;
  logFile: string;
  /** Stop the preview server after this long without a preview (ms). */
  idleMs?: number;
}

export interface DraftPreview {
  route: RouteHandler;
  stop(): Promise<void>;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${text}</p></body></html>`;

/** The rendered page, made to stand alone in the admin's frame: no dev scripts, images from the CMS. */
export function finishPreviewHtml(html: string): string {
  const banner =
    '<div role="note" style="background:#fdf4dc;color:#5c3b00;border-bottom:2px solid #7a4b00;padding:.6rem 1rem;font:600 1rem/1.4 system-ui,sans-serif">' +
    'Bản xem trước: bản nháp này chưa đăng trên cổng thông tin.</div>';
  return (
    html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/\/_image\?href=([^&"'\s]+)(?:&(?:amp;)?[^"'\s]*)?/g, (whole, href: string) => {
        const url = decodeURIComponent(href);
        return /^https?:\/\//.test(url) ? url : whole;
      })
      // The preview server's own address is no page's canonical URL.
      .replace(/<link rel="canonical"[^>]*>/gi, '')
      .replace(/<head>/i, '<head><meta name="robots" content="noindex">')
      .replace(/(<body\b[^>]*>)/i, `$1${banner}`)
  );
}

export function draftPreview(options: PreviewOptions): DraftPreview {
  const key = randomBytes(32).toString('hex');
  let server: Promise<{ process: ManagedProcess; url: string }> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const start = async () => {
    // The draft query's types (a build makes them too; a preview may come before the first build ends).
    const codegen = await startProcess({
      name: 'GraphQL codegen (preview)',
      command: process.execPath,
      args: [path.join(packageDir('@graphql-codegen/cli', SITE_DIR), 'cjs', 'bin.js'), '--config', 'codegen.ts'],
      cwd: SITE_DIR,
      env: process.env,
      logFile: options.logFile,
    });
    const generated = await codegen.exited;
    if (generated !== 0) throw new Error(`GraphQL codegen failed (exit ${generated}), see ${options.logFile}`);
    const port = await freePort();
    const child = await startProcess({
      name: 'Draft preview server',
      command: process.execPath,
      args: [
        path.join(packageDir('astro', SITE_DIR), 'bin', 'astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      cwd: SITE_DIR,
      env: {
        ...process.env,
        CMS_URL: options.cmsUrl,
        CMS_TOKEN: options.cmsToken,
        PUBLIC_MEILI_URL: options.meiliUrl,
        PUBLIC_MEILI_SEARCH_KEY: options.meiliSearchKey,
        PUBLIC_MEILI_INDEX_PREFIX: options.meiliIndexPrefix,
        PORTAL_PREVIEW: '1',
        PORTAL_PREVIEW_KEY: key,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      logFile: options.logFile,
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(child, `${url}/robots.txt`, 120_000);
    } catch (error) {
      await child.stop();
      throw error;
    }
    void child.exited.then(() => {
      server = undefined;
    });
    return { process: child, url };
  };

  const stop = async () => {
    clearTimeout(idle);
    const running = server;
    server = undefined;
    if (running) await (await running.catch(() => undefined))?.process.stop();
  };

  const answer = (response: http.ServerResponse, status: number, title: string, text: string) => {
    const body = Buffer.from(page(title, text));
    response.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    });
    response.end(body);
  };

  const route: RouteHandler = async (request, response, search) => {
    const check = verifyPreview(options.secret, new URLSearchParams(search));
    if (!check.ok) {
      answer(
        response,
        check.status,
        check.status === 401 ? 'Cần đăng nhập quản trị' : 'Liên kết xem trước không hợp lệ',
        check.status === 401
          ? 'Bản xem trước chỉ mở được từ trang quản trị, khi đã đăng nhập.'
          : 'Liên kết xem trước đã hết hạn hoặc không đúng. Hãy mở lại bản xem trước từ trang quản trị.',
      );
      return;
    }
    const type = TYPE_NAMES[check.target.uid];
    if (!type || !PREVIEW_TYPES.has(check.target.uid)) {
      answer(response, 404, 'Chưa xem trước được loại nội dung này', 'Loại nội dung này chưa có bản xem trước.');
      return;
    }
    // The draft, read with the publisher's key (the site's token never reads drafts).
    const { uid, documentId, locale } = check.target;
    let draft: Response;
    try {
      draft = await fetch(
        `${options.cmsUrl}/api/portal-publisher/draft?${new URLSearchParams({ uid, documentId, locale }).toString()}`,
        { headers: { Authorization: `Bearer ${options.secret}` }, signal: AbortSignal.timeout(15_000) },
      );
    } catch (error) {
      console.error(`[preview] the CMS did not answer: ${(error as Error).message}`);
      answer(response, 503, 'Chưa xem trước được', 'Không kết nối được với hệ thống quản trị nội dung. Hãy thử lại.');
      return;
    }
    if (draft.status === 404) {
      answer(response, 404, 'Không tìm thấy bản nháp', 'Mục này không còn bản nháp để xem trước.');
      return;
    }
    if (!draft.ok) {
      console.error(`[preview] the CMS answered HTTP ${draft.status}: ${(await draft.text()).slice(0, 300)}`);
      answer(response, 502, 'Chưa xem trước được', 'Không đọc được bản nháp. Xem nhật ký của cổng.');
      return;
    }
    const { data } = (await draft.json()) as { data: unknown };

    clearTimeout(idle);
    server ??= start();
    let html: string;
    let status: number;
    try {
      const { url } = await server;
      const rendered = await fetch(`${url}${DRAFT_PATH}/${type}/${documentId}/`, {
        method: 'POST',
        headers: { [KEY_HEADER]: key, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
        signal: AbortSignal.timeout(120_000),
      });
      status = rendered.status;
      html = await rendered.text();
    } catch (error) {
      server = undefined;
      console.error(`[preview] ${(error as Error).message}`);
      answer(response, 503, 'Chưa xem trước được', 'Máy chủ xem trước chưa sẵn sàng. Hãy thử lại sau ít phút.');
      return;
    } finally {
      idle = setTimeout(() => void stop(), options.idleMs ?? 10 * 60_000);
      idle.unref();
    }
    if (status !== 200) {
      console.error(`[preview] the preview server answered HTTP ${status}: ${html.slice(0, 300)}`);
      answer(response, 502, 'Chưa xem trước được', 'Không dựng được bản xem trước. Xem nhật ký của cổng.');
      return;
    }
    const body = Buffer.from(finishPreviewHtml(html));
    const csp = [
      "default-src 'self'",
      "script-src 'none'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: ${new URL(options.imageOrigin).origin}`,
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
      `frame-ancestors ${new URL(options.adminOrigin).origin}`,
    ].join('; ');
    response.removeHeader('X-Frame-Options');
    response.writeHead(200, {
      ...COMMON_SECURITY_HEADERS,
      'Content-Security-Policy': csp,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store, private',
      'X-Robots-Tag': 'noindex',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  return { route, stop };
}
