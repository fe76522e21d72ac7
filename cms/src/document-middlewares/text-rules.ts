import type { Core, UID } from '@strapi/strapi';
import { normalizeVietnamese } from '../text/tone';
import { mapStrings, slugify } from '../text/vietnamese';
import { isReservedSlug } from './reserved-slugs.ts';
import { callParams } from './params';
import { findSomeRow } from '../content-types';

/** Content types whose slug is derived from a text field when the editor leaves it empty. */
const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  'api::article.article': 'title',
  'api::category.category': 'name',
  'api::tag.tag': 'name',
  'api::field.field': 'name',
  'api::agency.agency': 'name',
  'api::legal-document.legal-document': 'documentNumber',
  'api::procedure.procedure': 'name',
  'api::page.page': 'title',
  'api::question.question': 'title',
  'api::consultation.consultation': 'title',
};

type Data = Record<string, unknown>;

/**
 * A Document Service middleware, so the rules hold for every writer: the admin panel, the REST and
 * GraphQL APIs, the seed and any future importer. Text is stored as NFC with one tone placement
 * ("Thanh Hoá" and "Thanh Hóa" are one value); an empty slug is derived from the title and made
 * unique, never one of the words the site's own list URLs use (reserved-slugs.ts); an article without a date gets the time of writing.
 */
export function registerTextRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { action } = context;
    if (!context.uid.startsWith('api::') || (action !== 'create' && action !== 'update' && action !== 'clone')) {
      return next();
    }
    const params = callParams(context);
    if (!params.data && action !== 'clone') return next();

    const data: Data = mapStrings(params.data ?? {}, normalizeVietnamese);
    const source = SLUG_SOURCES[context.uid];
    if (source && action === 'clone') {
      // A copy keeps its source's slug only if that is free: two entries never share a URL.
      // Every type with a slug source has a slug (SLUG_SOURCES).
      const original = await findSomeRow<{ slug?: string | null }>(strapi, context.uid, {
        where: { documentId: params.documentId },
        select: ['slug'],
      });
      const wanted = typeof data.slug === 'string' && data.slug.trim() ? data.slug : (original?.slug ?? data[source]);
      if (typeof wanted === 'string') data.slug = await uniqueSlug(strapi, context.uid, slugify(wanted), undefined);
    } else if (source) {
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
    const clash = await findSomeRow<{ id: number }>(strapi, uid, {
      where: { slug: candidate, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      select: ['id'],
    });
    if (!clash && !isReservedSlug(uid, candidate)) return candidate;
  }
}
