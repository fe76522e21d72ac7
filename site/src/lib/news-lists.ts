/**
 * The news lists (all news, press releases, each category) and their stable pages (pagination.ts):
 * the first page with the newest articles, then archive buckets numbered from the oldest. Computed
 * once per build from the build's one list of articles: the list pages build exactly these pages,
 * with a cache key of exactly what each shows, and the sitemap lists exactly these URLs.
 */
import { allArticles, type ArticleFull, type ArticleSummary } from './cms.ts';
import { categories, filteredArticles } from './cms-portal.ts';
import { categoryFilter, PRESS_RELEASE_FILTER } from './news.ts';
import {
  archiveBuckets,
  archiveNav,
  bucketSlice,
  NEWS_PAGE_SIZE,
  type ArchiveNav,
  type ArchiveTarget,
} from './pagination.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';
import { keptDerivation } from './part-digests.ts';

/** One page of a news list: which articles (as their cards show them) and the links to the others. */
export interface NewsListPage {
  target: ArchiveTarget;
  url: string;
  articles: ArticleSummary[];
  nav: ArchiveNav;
}

/**
 * What an article card shows (components/ArticleCard.astro), and nothing else: a list page's key covers
 * it. Made once per article (part-digests.ts): the same card is on several lists, build after build.
 */
export const summaryOf = keptDerivation('article summary', import.meta.url, (article: ArticleFull): ArticleSummary => {
  const { documentId, title, slug, lead, postedAt, publishedAt, category, cover, coverCaption, date } = article;
  return { documentId, title, slug, lead, postedAt, publishedAt, category, cover, coverCaption, date };
});

/** The pages of one list of articles (newest first); `url` gives a page's address (routes.ts). */
export function listPages(articles: readonly ArticleFull[], url: (target: ArchiveTarget) => string): NewsListPage[] {
  const total = articles.length;
  const page = (target: ArchiveTarget, shown: readonly ArticleFull[]): NewsListPage => ({
    target,
    url: url(target),
    articles: shown.map(summaryOf),
    nav: archiveNav(target, total, NEWS_PAGE_SIZE),
  });
  return [
    page('first', articles.slice(0, NEWS_PAGE_SIZE)),
    ...Array.from({ length: archiveBuckets(total, NEWS_PAGE_SIZE) }, (_, index) =>
      page(index + 1, bucketSlice(articles, index + 1, NEWS_PAGE_SIZE)),
    ),
  ];
}

type Category = Awaited<ReturnType<typeof categories>>[number];

export interface NewsLists {
  news: { total: number; pages: NewsListPage[] };
  pressReleases: { total: number; pages: NewsListPage[] };
  categories: Array<{ category: Category; total: number; pages: NewsListPage[] }>;
}

const paged = (articles: readonly ArticleFull[], url: (target: ArchiveTarget) => string) => ({
  total: articles.length,
  pages: listPages(articles, url),
});

let cached: Promise<NewsLists> | undefined;
forgetAfterBuild(() => (cached = undefined));
/** Every news list's pages, once per build. An empty list still has its first page (it says why it is empty). */
export function newsLists(): Promise<NewsLists> {
  cached ??= (async () => ({
    news: paged(await allArticles(), routes.newsArchive),
    pressReleases: paged(await filteredArticles(PRESS_RELEASE_FILTER), routes.pressReleasesArchive),
    categories: await Promise.all(
      (await categories()).map(async (category) => ({
        category,
        ...paged(await filteredArticles(categoryFilter(category.slug)), (target) =>
          routes.newsCategoryArchive(category.slug, target),
        ),
      })),
    ),
  }))();
  return cached;
}

/** Every page of every news list, for the sitemap. */
export async function newsListUrls(): Promise<string[]> {
  const lists = await newsLists();
  return [lists.news, lists.pressReleases, ...lists.categories].flatMap(({ pages }) => pages.map((page) => page.url));
}
