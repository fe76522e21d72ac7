/**
 * Slugs the public site uses as path words of its own lists, per content type: an entry given one of
 * these would shadow a list page (or stop the site build), so the slug rule skips them as it skips a
 * slug already taken ("trang" becomes "trang-2"). The words themselves are in ../url-words.ts.
 */
import {
  RESERVED_ARTICLE_SLUGS,
  RESERVED_ENGLISH_PAGE_SLUGS,
  RESERVED_PAGE_SLUGS,
  RESERVED_QUESTION_SLUGS,
  RESERVED_SEGMENTS,
} from '../url-words.ts';

export const RESERVED_SLUGS: Readonly<Record<string, ReadonlySet<string>>> = {
  // /tin-tuc/<slug>/ beside /tin-tuc/chuyen-muc/…, /tin-tuc/thong-cao-bao-chi/ and /tin-tuc/trang/<n>/
  'api::article.article': RESERVED_ARTICLE_SLUGS,
  // /van-ban/<slug>/ and /thu-tuc-hanh-chinh/<slug>/ beside the finders' facet and page lists
  'api::legal-document.legal-document': RESERVED_SEGMENTS,
  'api::procedure.procedure': RESERVED_SEGMENTS,
  // /hoi-dap/<slug>/ beside the form, the look-up, the confirmation and /hoi-dap/trang/<n>/
  'api::question.question': RESERVED_QUESTION_SLUGS,
  // /<slug>/ at the top level beside the sections, and /en/<slug>/ beside /en/agencies/ (one page type, both locales)
  'api::page.page': new Set([...RESERVED_PAGE_SLUGS, ...RESERVED_ENGLISH_PAGE_SLUGS]),
};

export function isReservedSlug(uid: string, slug: string): boolean {
  return RESERVED_SLUGS[uid]?.has(slug) ?? false;
}
