/**
 * The CMS reads of the portal's own pages (settings, categories, calendar, agencies, static pages,
 * feeds). Lists every page shares are read once per build and cached here.
 */
import {
  AgenciesDocument,
  ArticlesForFeedsDocument,
  BannerLinksDocument,
  CalendarEntriesDocument,
  CategoriesDocument,
  FilteredArticlesPageDocument,
  SiteSettingsDocument,
  StaticPagesDocument,
  type ArticleFiltersInput,
} from '../graphql/generated/graphql.ts';
import { published } from './articles.ts';
import { cms, MAX_PAGE_SIZE, present } from './cms.ts';
import { toPortalSettings, type PortalSettings } from './portal.ts';
import { RESERVED_ENGLISH_PAGE_SLUGS, RESERVED_PAGE_SLUGS } from './routes.ts';

export type Locale = 'vi' | 'en';

const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined;
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

/** One page of articles matching `filters`, newest first, and how many match in all. */
export async function filteredArticlesPage(filters: ArticleFiltersInput, page: number, pageSize: number) {
  const data = await cms().request(FilteredArticlesPageDocument, { filters, page, pageSize });
  const connection = data.articles_connection;
  if (!connection) throw new Error('The CMS returned no articles_connection');
  return { articles: connection.nodes.map(published), total: connection.pageInfo.total };
}

/** The newest articles of a category other than `exclude`, from the build's one list of articles. */
export async function relatedArticles(category: string, exclude: string, count: number) {
  return (await articlesForFeeds())
    .filter((article) => article.category?.slug === category && article.documentId !== exclude)
    .slice(0, count);
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
export const articlesForFeeds = once(async () => {
  const articles = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const data = await cms().request(ArticlesForFeedsDocument, { page, pageSize: MAX_PAGE_SIZE });
    const connection = data.articles_connection;
    if (!connection) throw new Error('The CMS returned no articles_connection');
    pageCount = connection.pageInfo.pageCount;
    articles.push(...connection.nodes.map(published));
  }
  return articles;
});
