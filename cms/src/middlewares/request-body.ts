/**
 * Checks on a request's body right after strapi::body parsed it, before any route or validation reads
 * it (see input-errors.ts for the 500s these prevented):
 * - a body the parser did not understand (XML, an unknown type) is a 415, not `undefined` handed to a
 *   controller that destructures it;
 * - a JSON body that is a list, not an object, is a 400 (every Strapi and portal route takes an object;
 *   a list reached the permission sanitizer, which threw);
 * - a body or query nested deeper than MAX_BODY_DEPTH is a 400.
 * GraphQL parses its own body (the plugin's route), so it is left to its own checks.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { jsonDepth, MAX_BODY_DEPTH } from './input-errors';
import { requestBody } from '../http/request-body';

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const graphqlEndpoint = strapi.plugin('graphql') ? String(strapi.plugin('graphql').config('endpoint')) : undefined;
  return async (ctx, next) => {
    if (ctx.path === graphqlEndpoint) {
      await next();
      return;
    }
    const body = requestBody(ctx);
    const length = ctx.get('Content-Length');
    const sent = length ? Number(length) > 0 : ctx.get('Transfer-Encoding') !== '';
    if (sent && body === undefined) {
      ctx.status = 415;
      ctx.body = {
        data: null,
        error: {
          status: 415,
          name: 'UnsupportedMediaTypeError',
          message:
            'Kiểu dữ liệu không được hỗ trợ; hãy gửi JSON, biểu mẫu hoặc multipart / Unsupported media type: send JSON, a form or multipart',
          details: {},
        },
      };
      return;
    }
    if (Array.isArray(body)) {
      throw new errors.ValidationError(
        'Dữ liệu gửi lên phải là một đối tượng JSON / The request body must be a JSON object',
      );
    }
    if (body !== undefined && jsonDepth(body) > MAX_BODY_DEPTH) {
      throw new errors.ValidationError(
        `Dữ liệu gửi lên lồng nhau quá ${MAX_BODY_DEPTH} cấp / The request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
      );
    }
    if (jsonDepth(ctx.query) > MAX_BODY_DEPTH) {
      throw new errors.ValidationError('Tham số truy vấn lồng nhau quá sâu / Query parameters are nested too deep');
    }
    await next();
  };
};

export default middleware;
