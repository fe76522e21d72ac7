/**
 * The portal's common security headers (Referrer-Policy, X-Content-Type-Options, Permissions-Policy,
 * Cross-Origin-Opener-Policy) on every CMS answer, after strapi::security (helmet) has set the admin's
 * Content-Security-Policy and same-origin framing. The set is owned by @portal/scripts'
 * security-headers.ts, which the static site server and docs/nginx.conf.example use as well.
 */
import type { Core } from '@strapi/strapi';
import type * as SecurityHeaders from '@portal/scripts/security-headers';

function loadCommonHeaders(): Readonly<Record<string, string>> {
  // ESM TypeScript required from CommonJS, typed by the module itself (see search-sync/search-module.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@portal/scripts/security-headers') as typeof SecurityHeaders;
  return loaded.COMMON_SECURITY_HEADERS;
}

const middleware: Core.MiddlewareFactory = () => {
  const headers = Object.entries(loadCommonHeaders());
  return async (ctx, next) => {
    for (const [name, value] of headers) ctx.set(name, value);
    await next();
  };
};

export default middleware;
