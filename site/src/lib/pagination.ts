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

/*
 * Stable pages for the news lists (all news, press releases, each category). The list itself (page 1)
 * shows the newest NEWS_PAGE_SIZE articles; older ones live on archive pages of fixed buckets numbered
 * from the OLDEST: bucket 1 holds the oldest NEWS_PAGE_SIZE articles, bucket n the n-th slice after them,
 * the newest bucket what is left. A new article therefore changes the list's first page and its newest
 * bucket, not every page after it as numbering from the newest would: the incremental build re-renders
 * those two (and, once every NEWS_PAGE_SIZE articles, the few buckets whose page links show the newest).
 */

/** An archive bucket (1 = the oldest articles), or the list's first page. */
export type ArchiveTarget = 'first' | number;

/** How many archive buckets a list of `total` articles has: none while its first page shows them all. */
export function archiveBuckets(total: number, size: number): number {
  return total > size ? Math.ceil(total / size) : 0;
}

/** Bucket `bucket` (1 = oldest) of a list sorted newest first, itself newest first. */
export function bucketSlice<T>(newestFirst: readonly T[], bucket: number, size: number): T[] {
  const end = newestFirst.length - (bucket - 1) * size;
  return newestFirst.slice(Math.max(0, end - size), Math.max(0, end));
}

/** One page of a list paged in archive buckets: the list's first page or one bucket, and its links. */
export interface ArchivePage<T> {
  target: ArchiveTarget;
  url: string;
  nav: ArchiveNav;
  items: T[];
  /** How many entries the list has: on its first page only (it changes with every publish). */
  total?: number;
}

/** The pages of a list sorted newest first: its first page, then its buckets from the oldest. */
export function archivePages<T>(
  newestFirst: readonly T[],
  size: number,
  url: (target: ArchiveTarget) => string,
): Array<ArchivePage<T>> {
  const total = newestFirst.length;
  const page = (target: ArchiveTarget, items: T[]): ArchivePage<T> => ({
    target,
    url: url(target),
    nav: archiveNav(target, total, size),
    items,
    ...(target === 'first' ? { total } : {}),
  });
  return [
    page('first', newestFirst.slice(0, size)),
    ...Array.from({ length: archiveBuckets(total, size) }, (_, index) =>
      page(index + 1, bucketSlice(newestFirst, index + 1, size)),
    ),
  ];
}

/** The words of an archive list's links: to newer and older pages, and the label of the first page. */
export interface ArchiveWords {
  newer: string;
  older: string;
  newest: string;
}
export const NEWS_PAGES: ArchiveWords = { newer: 'Tin mới hơn', older: 'Tin cũ hơn', newest: 'Tin mới nhất' };
export const QUESTION_PAGES: ArchiveWords = {
  newer: 'Câu hỏi mới hơn',
  older: 'Câu hỏi cũ hơn',
  newest: 'Câu hỏi mới nhất',
};
export const DOCUMENT_PAGES: ArchiveWords = {
  newer: 'Văn bản mới hơn',
  older: 'Văn bản cũ hơn',
  newest: 'Văn bản mới nhất',
};

/** The links between a list's pages, newest first: what ArchivePagination shows and the page's key covers. */
export interface ArchiveNav {
  /** The page of newer articles (rel=prev). */
  newer?: ArchiveTarget | undefined;
  /** The page of older articles (rel=next). */
  older?: number | undefined;
  /** The pages offered by number, newest first: the first page, nearby buckets, the oldest bucket. */
  items: Array<ArchiveTarget | 'gap'>;
}

/**
 * The links of one page. A bucket's links depend on how many buckets there are only near the newest
 * (up to two buckets above it are offered, then "…"), so adding articles leaves the older pages' links,
 * and with them the pages, unchanged.
 */
export function archiveNav(current: ArchiveTarget, total: number, size: number): ArchiveNav {
  const buckets = archiveBuckets(total, size);
  if (buckets === 0) return { items: [] };
  // From the first page, "older" is the bucket of the newest article it does not show.
  const older = current === 'first' ? Math.floor((total - 1 - size) / size) + 1 : current > 1 ? current - 1 : undefined;
  const newer = current === 'first' ? undefined : current < buckets ? current + 1 : 'first';
  // The first page offers the three buckets below it; a bucket the two above and two below it.
  const high = current === 'first' ? (older ?? 1) : Math.min(buckets, current + 2);
  const low = Math.max(1, (current === 'first' ? high : current) - 2);
  const items: ArchiveNav['items'] = ['first'];
  if (current !== 'first' && high < buckets) items.push('gap');
  for (let bucket = high; bucket >= low; bucket--) items.push(bucket);
  // A gap of exactly one page shows that page, as pageItems does.
  if (low === 3) items.push(2);
  if (low > 3) items.push('gap');
  if (low > 1) items.push(1);
  return { newer, older, items };
}
