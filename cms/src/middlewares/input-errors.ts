/**
 * Malformed requests get a 400 that says what is wrong, never a 500 with a stack trace in the log.
 * Sits inside strapi::errors and outside everything else, so it sees what the body parser, the
 * query parser and the routes throw:
 * - errors that carry a client status (the multipart parser's `httpCode`, a parser's 4xx `status`) are
 *   answered with that status;
 * - a JSON body nested deeper than MAX_BODY_DEPTH is refused before any route reads it (Strapi's
 *   validation formats such a value recursively and overflowed the stack).
 * Anything else is left to strapi::errors: a real server error must stay a 500, and logged.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Deeper than any entry the admin writes (rich text blocks nest a few levels), far below the stack's limit. */
export const MAX_BODY_DEPTH = 32;

/** Depth of a parsed JSON value, measured without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The 4xx status an error thrown by a parser carries, if it is the client's fault. */
export function clientStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { httpCode, status, statusCode } = error as { httpCode?: unknown; status?: unknown; statusCode?: unknown };
  for (const candidate of [httpCode, status, statusCode]) {
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 500) return candidate;
  }
  return undefined;
}

const MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ / Bad request',
  413: 'Dữ liệu gửi lên quá lớn / Payload too large',
  415: 'Kiểu dữ liệu không được hỗ trợ / Unsupported media type',
};

const middleware: Core.MiddlewareFactory = () => {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof errors.ApplicationError) throw error;
      const status = clientStatus(error);
      if (status === undefined) throw error;
      const detail = error instanceof Error ? error.message : '';
      ctx.status = status;
      ctx.body = {
        data: null,
        error: {
          status,
          name: 'BadRequestError',
          message: `${MESSAGES[status] ?? MESSAGES[400]}: ${detail}`,
          details: {},
        },
      };
    }
  };
};

export default middleware;
