/**
 * How many pages each news list has (all news, press releases, each category), counted once per
 * build: the list pages build exactly these, and the sitemap lists exactly these, page 2 onwards
 * included. An empty list still has its page 1 (it says why it is empty).
 */
import { articlesPage } from './cms.ts';
import { categories, filteredArticlesPage } from './cms-portal.ts';
import { categoryFilter, PRESS_RELEASE_FILTER } from './news.ts';
import { NEWS_PAGE_SIZE, pageCount } from './pagination.ts';
import { routes } from './routes.ts';

export interface NewsLists {
  news: { total: number; pages: number };
  pressReleases: { total: number; pages: number };
  categories: Array<{ category: Awaited<ReturnType<typeof categories>>[number]; total: number; pages: number }>;
}

const counted = (total: number) => ({ total, pages: pageCount(total, NEWS_PAGE_SIZE) });

let cached: Promise<NewsLists> | undefined;
export function newsLists(): Promise<NewsLists> {
  cached ??= (async () => ({
    news: counted((await articlesPage(1, 1)).pageInfo.total),
    pressReleases: counted((await filteredArticlesPage(PRESS_RELEASE_FILTER, 1, 1)).total),
    categories: await Promise.all(
      (await categories()).map(async (category) => ({
        category,
        ...counted((await filteredArticlesPage(categoryFilter(category.slug), 1, 1)).total),
      })),
    ),
  }))();
  return cached;
}

/** Every page of every news list, for the sitemap. */
export async function newsListUrls(): Promise<string[]> {
  const lists = await newsLists();
  const pagesOf = (pages: number, url: (page: number) => string) =>
    Array.from({ length: pages }, (_, index) => url(index + 1));
  return [
    ...pagesOf(lists.news.pages, routes.newsList),
    ...pagesOf(lists.pressReleases.pages, routes.pressReleases),
    ...lists.categories.flatMap(({ category, pages }) =>
      pagesOf(pages, (page) => routes.newsCategory(category.slug, page)),
    ),
  ];
}
