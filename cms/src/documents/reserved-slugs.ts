/**
 * Slugs the public site uses as path words of its own lists, per content type: an entry given one of
 * these would shadow a list page (or stop the site build), so the slug rule skips them as it skips a
 * slug already taken ("trang" becomes "trang-2"). site/src/lib/routes.ts owns the URLs; a site unit
 * test checks that this table covers every word it reserves. Pure (no imports): that test loads it.
 */
const LIST_WORDS = ['trang', 'loai', 'nam', 'co-quan', 'linh-vuc', 'hieu-luc', 'cap', 'muc-do'];

export const RESERVED_SLUGS: Readonly<Record<string, ReadonlySet<string>>> = {
  // /tin-tuc/<slug>/ beside /tin-tuc/chuyen-muc/…, /tin-tuc/thong-cao-bao-chi/ and /tin-tuc/trang/<n>/
  'api::article.article': new Set(['chuyen-muc', 'thong-cao-bao-chi', 'trang']),
  // /van-ban/<slug>/ and /thu-tuc-hanh-chinh/<slug>/ beside the finders' facet and page lists
  'api::legal-document.legal-document': new Set(LIST_WORDS),
  'api::procedure.procedure': new Set(LIST_WORDS),
  // /hoi-dap/<slug>/ beside the form, the look-up, the confirmation and /hoi-dap/trang/<n>/
  'api::question.question': new Set(['gui-cau-hoi', 'tra-cuu', 'da-gui', 'trang']),
  // /<slug>/ at the top level beside the sections, and /en/<slug>/ beside /en/agencies/
  'api::page.page': new Set([
    'tin-tuc',
    'tim-kiem',
    'van-ban',
    'thu-tuc-hanh-chinh',
    'lich-cong-tac',
    'co-quan',
    'hoi-dap',
    'en',
    '404',
    '_astro',
    'api',
    'admin',
    'uploads',
    'rss',
    'sitemap',
    'robots',
    'agencies',
  ]),
};

export function isReservedSlug(uid: string, slug: string): boolean {
  return RESERVED_SLUGS[uid]?.has(slug) ?? false;
}
