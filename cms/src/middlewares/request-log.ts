/**
 * The request log line of strapi::logger without the query string: Strapi's own middleware logs `ctx.url`,
 * so a search in the admin list by a citizen's e-mail (`filters[askerEmail]…`), the personal-data export
 * (`?email=…&phone=…`) or any token passed in a query would be written to the log. The path, method,
 * status and time are what an operator needs; a query is logged only as the fact that there was one.
 */
import type { Core } from '@strapi/strapi';

export function logLine(method: string, path: string, search: string, ms: number, status: number): string {
  return `${method} ${path}${search ? '?…' : ''} (${ms} ms) ${status}`;
}

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const start = Date.now();
    await next();
    strapi.log.http(logLine(ctx.method, ctx.path, ctx.querystring, Math.ceil(Date.now() - start), ctx.status));
  };
};

export default middleware;
