import type { Core, UID } from '@strapi/strapi';
import { slugify, toNfc } from '../text/vietnamese';

/** Content types whose slug is derived from a text field when the editor leaves it empty. */
const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  'api::article.article': 'title',
  'api::category.category': 'name',
};

type Data = Record<string, unknown>;

/**
 * A Document Service middleware, so the rules hold for every writer: the admin panel, the REST and
 * GraphQL APIs, the seed and any future importer. Text is stored as NFC; an empty slug is derived
 * from the title and made unique; a published article without a date gets the time of writing.
 */
export function registerTextRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::') || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as { data?: Data; documentId?: string };
    if (!params.data) return next();

    const data: Data = toNfc(params.data);
    const source = SLUG_SOURCES[context.uid];
    if (source) {
      const wanted = typeof data.slug === 'string' && data.slug.trim() ? data.slug : data[source];
      if (typeof wanted === 'string' && (context.action === 'create' || 'slug' in data)) {
        data.slug = await uniqueSlug(strapi, context.uid, slugify(wanted), params.documentId);
      }
    }
    if (context.uid === 'api::article.article' && context.action === 'create' && !data.postedAt) {
      data.postedAt = new Date().toISOString();
    }
    params.data = data;
    return next();
  });
}

async function uniqueSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  base: string,
  documentId: string | undefined,
): Promise<string> {
  const root = base || 'bai-viet';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    const clash = await strapi.db.query(uid).findOne({
      where: { slug: candidate, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      select: ['id'],
    });
    if (!clash) return candidate;
  }
}
