/**
 * The CMS reads of the portal's own pages (settings, categories, calendar, agencies, static pages,
 * feeds). Lists every page shares are read once per build and cached here.
 */
import {
  AgenciesDocument,
  BannerLinksDocument,
  CalendarEntriesDocument,
  CategoriesDocument,
  SiteSettingsDocument,
  StaticPagesDocument,
} from '../graphql/generated/graphql.ts';
import { allArticles, cms, MAX_PAGE_SIZE, present, type ArticleFull } from './cms.ts';
import type { ArticleFilter } from './news.ts';
import { toPortalSettings, type PortalSettings } from './portal.ts';
import { RESERVED_ENGLISH_PAGE_SLUGS, RESERVED_PAGE_SLUGS } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';

export type Locale = 'vi' | 'en';

const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined;
  forgetAfterBuild(() => (cached = undefined));
  return () => (cached ??= read());
};

export const portalSettings: () => Promise<PortalSettings> = once(async () =>
  toPortalSettings((await cms().request(SiteSettingsDocument)).siteSetting),
);

export const bannerLinks = once(async () => (await cms().request(BannerLinksDocument)).bannerLinks.filter(present));

/** News categories with a usable slug, in the editors' order. */
export const categories = once(async () =>
  (await cms().request(CategoriesDocument)).categories
    .filter(present)
    .flatMap((category) => (category.slug ? [{ ...category, slug: category.slug }] : [])),
);

/** Each category's parent (its slug), for lists that include their sub-categories' articles. */
const parentOf = once(
  async () =>
    new Map((await categories()).map((category) => [category.slug, category.parent?.slug ?? undefined] as const)),
);

/** Whether an article belongs in the list `filter` describes. */
export async function articleMatcher(filter: ArticleFilter): Promise<(article: ArticleFull) => boolean> {
  const parents = await parentOf();
  return (article) => {
    if (filter.kind !== undefined && article.kind !== filter.kind) return false;
    if (filter.category === undefined) return true;
    const slug = article.category?.slug;
    return slug != null && (slug === filter.category || parents.get(slug) === filter.category);
  };
}

const filtered = new Map<string, Promise<ArticleFull[]>>();
forgetAfterBuild(() => filtered.clear());
/** The articles of one list, newest first (computed once per list and build, from the one list of articles). */
export async function filteredArticles(filter: ArticleFilter): Promise<ArticleFull[]> {
  const key = JSON.stringify(filter);
  const cached =
    filtered.get(key) ??
    (async () => {
      const matches = await articleMatcher(filter);
      return (await allArticles()).filter(matches);
    })();
  filtered.set(key, cached);
  return cached;
}

/** One page of articles matching `filter`, newest first, and how many match in all. */
export async function filteredArticlesPage(filter: ArticleFilter, page: number, pageSize: number) {
  const articles = await filteredArticles(filter);
  return { articles: articles.slice((page - 1) * pageSize, page * pageSize), total: articles.length };
}

/** Every published calendar entry, oldest first. */
export const calendarEntries = once(async () => {
  const entries = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const data = await cms().request(CalendarEntriesDocument, { page, pageSize: MAX_PAGE_SIZE });
    const connection = data.calendarEntries_connection;
    if (!connection) throw new Error('The CMS returned no calendarEntries_connection');
    pageCount = connection.pageInfo.pageCount;
    entries.push(...connection.nodes);
  }
  return entries;
});
export type CalendarEntry = Awaited<ReturnType<typeof calendarEntries>>[number];

const agenciesBy = new Map<Locale, Promise<Agency[]>>();
forgetAfterBuild(() => agenciesBy.clear());
async function readAgencies(locale: Locale) {
  return (await cms().request(AgenciesDocument, { locale })).agencies.filter(present).flatMap((agency) => {
    if (agency.slug) return [{ ...agency, slug: agency.slug }];
    console.warn(`[site] agency "${agency.name}" (${locale}) left out: it has no slug`);
    return [];
  });
}
export type Agency = Awaited<ReturnType<typeof readAgencies>>[number];
/** The published agencies in one language, in the editors' order. */
export function agencies(locale: Locale): Promise<Agency[]> {
  const cached = agenciesBy.get(locale) ?? readAgencies(locale);
  agenciesBy.set(locale, cached);
  return cached;
}

const pagesBy = new Map<Locale, Promise<StaticPage[]>>();
forgetAfterBuild(() => pagesBy.clear());
async function readPages(locale: Locale) {
  const reserved = locale === 'en' ? RESERVED_ENGLISH_PAGE_SLUGS : RESERVED_PAGE_SLUGS;
  return (await cms().request(StaticPagesDocument, { locale })).pages.filter(present).flatMap((page) => {
    if (!page.slug) return [];
    // A page named like a section would replace it: leave it out, loudly, rather than break the build.
    if (reserved.has(page.slug)) {
      console.warn(`[site] static page "${page.title}" (${locale}) left out: its slug "${page.slug}" names a section`);
      return [];
    }
    return [{ ...page, slug: page.slug }];
  });
}
export type StaticPage = Awaited<ReturnType<typeof readPages>>[number];
/** The published static pages in one language, in the editors' order. */
export function staticPages(locale: Locale): Promise<StaticPage[]> {
  const cached = pagesBy.get(locale) ?? readPages(locale);
  pagesBy.set(locale, cached);
  return cached;
}

/** Every published article, newest first, with what the sitemap and feeds need. */
export const articlesForFeeds = allArticles;
