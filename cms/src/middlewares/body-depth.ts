/**
 * Refuses a request body nested deeper than MAX_BODY_DEPTH right after it is parsed, before any route
 * or validation walks it (see input-errors.ts for why).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { jsonDepth, MAX_BODY_DEPTH } from './input-errors';

const middleware: Core.MiddlewareFactory = () => {
  return async (ctx, next) => {
    const body = (ctx.request as { body?: unknown }).body;
    if (body !== undefined && jsonDepth(body) > MAX_BODY_DEPTH) {
      throw new errors.ValidationError(
        `Dữ liệu gửi lên lồng nhau quá ${MAX_BODY_DEPTH} cấp / The request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
      );
    }
    if (jsonDepth(ctx.query) > MAX_BODY_DEPTH) {
      throw new errors.ValidationError(`Tham số truy vấn lồng nhau quá sâu / Query parameters are nested too deep`);
    }
    await next();
  };
};

export default middleware;
