/**
 * A request's body as strapi::body parsed it. Koa's types do not declare `request.body` (the body parser
 * adds it at run time), so it is read here as what it is: unknown input, narrowed by the caller or by
 * `bodyFields`.
 */

import { isRecord } from '../document-middlewares/relation-input';

export { isRecord };

/** The parsed body: undefined when nothing was sent or the parser did not understand it. */
export function requestBody(ctx: { request: object }): unknown {
  return 'body' in ctx.request ? ctx.request.body : undefined;
}

/** The body's fields when it is a JSON object or a form; none for anything else (a list, a text). */
export function bodyFields(ctx: { request: object }): Record<string, unknown> {
  const body = requestBody(ctx);
  return isRecord(body) ? body : {};
}
