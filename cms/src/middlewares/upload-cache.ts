/**
 * How long browsers and proxies may keep a file under /uploads. Names carry a content hash, so a file
 * that a published entry links to is kept a year. Every other file (a draft's attachment, an image in
 * the media library nobody published) is served with `private, no-cache`: an editor still sees it in
 * the admin, but no shared cache keeps a copy, and nothing outlives a deletion or a replacement for a
 * year. The URLs stay unguessable; refusing them outright would break the admin's own previews.
 */
import type { Core } from '@strapi/strapi';
import { publishedFileIds } from '../document-middlewares/published-files';
import { findRows } from '../content-types';

export const PUBLISHED_UPLOAD_CACHE = 'public, max-age=31536000, immutable';
export const UNPUBLISHED_UPLOAD_CACHE = 'private, no-cache';

/** `/uploads/small_report_ab12cd.pdf` → the file hashes it may belong to (formats add a prefix). */
export function uploadHashes(pathname: string): string[] {
  const name = decodeURIComponent(pathname.slice('/uploads/'.length));
  if (!name || name.includes('/')) return [];
  const hash = name.replace(/\.[^.]*$/, '');
  const format = /^(thumbnail|small|medium|large|xlarge)_(.+)$/.exec(hash);
  return format?.[2] ? [hash, format[2]] : [hash];
}

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/uploads/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    if (ctx.status !== 200 && ctx.status !== 304) return;
    let published = false;
    try {
      const hashes = uploadHashes(ctx.path);
      const files = hashes.length
        ? await findRows(strapi, 'plugin::upload.file', { where: { hash: { $in: hashes } }, select: ['id'] })
        : [];
      published =
        (
          await publishedFileIds(
            strapi,
            files.map((file) => file.id),
          )
        ).size > 0;
    } catch (error) {
      strapi.log.warn(`[portal] upload cache: could not tell whether ${ctx.path} is published: ${String(error)}`);
    }
    ctx.set('Cache-Control', published ? PUBLISHED_UPLOAD_CACHE : UNPUBLISHED_UPLOAD_CACHE);
  };
};

export default middleware;
