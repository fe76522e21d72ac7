/**
 * A request's body as strapi::body parsed it. Koa's types do not declare `request.body` (the body parser
 * adds it at run time), so it is read here as what it is: unknown input, narrowed by the caller or by
 * `bodyFields`.
 */

/** Whether a value is an object with named fields (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed body: undefined when nothing was sent or the parser did not understand it. */
export function requestBody(ctx: { request: object }): unknown {
  return 'body' in ctx.request ? ctx.request.body : undefined;
}

/** The body's fields when it is a JSON object or a form; none for anything else (a list, a text). */
export function bodyFields(ctx: { request: object }): Record<string, unknown> {
  const body = requestBody(ctx);
  return isRecord(body) ? body : {};
}
