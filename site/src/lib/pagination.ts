/** Articles per page of the news list. (getStaticPaths cannot see a page's own constants.) */
export const NEWS_PAGE_SIZE = 10;

/** Which page numbers a list shows: first, last, the current page and its neighbours, gaps between. */
export type PageItem = number | 'gap';

export function pageItems(current: number, total: number): PageItem[] {
  if (total <= 1) return [];
  const wanted = new Set([1, total, current - 1, current, current + 1].filter((page) => page >= 1 && page <= total));
  const pages = [...wanted].sort((a, b) => a - b);
  const items: PageItem[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    // A gap of exactly one page shows that page: "1 2 3" reads better than "1 … 3".
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  });
  return items;
}

/** How many list pages a number of articles fills (at least one, so an empty list still has a page). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
