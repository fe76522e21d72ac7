/**
 * Where an entry lives on the public site, for the editor's "Xem trên cổng" link and the draft
 * preview. The path words are url-words.ts's (the site builds the same URLs from them in
 * site/src/lib/routes.ts); only the entry types that have a page of their own get a path. Pure.
 */
import { EN_AGENCIES, NEWS_LISTS, SECTIONS } from '../url-words.ts';

const segment = (slug: string) => encodeURIComponent(slug);

/** The path of the public page of one entry, or null when it has none (a tag, a banner, …). */
export function publicPath(uid: string, entry: { slug?: string | null; locale?: string | null }): string | null {
  const slug = entry.slug?.trim();
  if (!slug || slug.includes('/')) return null;
  const english = entry.locale === 'en';
  switch (uid) {
    case 'api::article.article':
      return `/${SECTIONS.news}/${segment(slug)}/`;
    case 'api::category.category':
      return `/${SECTIONS.news}/${NEWS_LISTS.category}/${segment(slug)}/`;
    case 'api::legal-document.legal-document':
      return `/${SECTIONS.documents}/${segment(slug)}/`;
    case 'api::procedure.procedure':
      return `/${SECTIONS.procedures}/${segment(slug)}/`;
    case 'api::question.question':
      return `/${SECTIONS.questions}/${segment(slug)}/`;
    case 'api::agency.agency':
      return english
        ? `/${SECTIONS.english}/${EN_AGENCIES}/${segment(slug)}/`
        : `/${SECTIONS.agencies}/${segment(slug)}/`;
    case 'api::page.page':
      return english ? `/${SECTIONS.english}/${segment(slug)}/` : `/${segment(slug)}/`;
    default:
      return null;
  }
}

/** The full URL on the portal's public origin (PUBLIC_SITE_URL), or null without one. */
export function publicUrl(
  siteUrl: string | undefined,
  uid: string,
  entry: { slug?: string | null; locale?: string | null },
): string | null {
  const pathname = publicPath(uid, entry);
  if (!pathname || !siteUrl) return null;
  return new URL(pathname, siteUrl).href;
}
