/**
 * Public write routes (hỏi đáp) take small bodies of two kinds only. Checked before strapi::body reads
 * anything, so an oversized or odd body costs nothing: no declared length (chunked) → 411, longer than
 * MAX_BODY_BYTES → 413, a type other than JSON or an HTML form → 415. Node stops reading at the
 * declared length, so a body cannot be longer than it says.
 */
import type { Core } from '@strapi/strapi';
import { MAX_BODY_BYTES } from '../questions/submission';

const PUBLIC_WRITE = /^\/api\/(hoi-dap|du-thao)\//;

function answer(ctx: Parameters<Core.MiddlewareHandler>[0], status: number, message: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status, name: 'BadRequestError', message, details: {} } };
}

const middleware: Core.MiddlewareFactory = () => {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || !PUBLIC_WRITE.test(ctx.path)) {
      await next();
      return;
    }
    const length = ctx.get('Content-Length');
    if (!/^\d+$/.test(length)) return answer(ctx, 411, 'Cần khai báo độ dài dữ liệu (Content-Length).');
    if (Number(length) > MAX_BODY_BYTES)
      return answer(ctx, 413, `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024} KB).`);
    if (!ctx.is('application/json', 'application/x-www-form-urlencoded'))
      return answer(ctx, 415, 'Kiểu dữ liệu không được hỗ trợ; hãy gửi biểu mẫu hoặc JSON.');
    await next();
  };
};

export default middleware;
