/**
 * What an article's page shows of other articles, chosen so that publishing another article changes
 * few pages (the incremental build re-renders a page only when its data changes): its neighbours in
 * its own sequence (the category, else the press releases, else the uncategorised news), by posting
 * date, and related articles of the same sequence taken next to it, older ones first. A new article
 * changes its older neighbour's page (which now has a newer neighbour) and, in a category of fewer
 * than RELATED_ARTICLES + 1 articles, the pages whose related list still reaches the newest; not
 * every page, as a "latest news" box on every article did.
 */
import { allArticles, newestFirst, type ArticleFull } from './cms.ts';
import { PRESS_RELEASE_FILTER } from './news.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild, keptWeakMap } from './build-memory.ts';
import { keptDerivation, keyAsDigest } from './part-digests.ts';

/** How many related articles an article shows ("Tin liên quan"). */
export const RELATED_ARTICLES = 5;

/** An article as a link in another article's page: what is shown, and all a page's key covers of it. */
export interface Headline {
  documentId: string;
  title: string;
  slug: string;
  date: string;
}
/** Made once per article (part-digests.ts): an article is the neighbour or related article of several. */
const headline = keptDerivation(
  'article headline',
  import.meta.url,
  ({ documentId, title, slug, date }: ArticleFull): Headline => ({ documentId, title, slug, date }),
);

export interface ArticleContext {
  /** The sequence the article belongs to, as a list page's name and address. */
  sequence: { name: string; href: string; more: string };
  /** The next newer and the next older article of the sequence. */
  newer: Headline | undefined;
  older: Headline | undefined;
  /** Up to RELATED_ARTICLES more of the sequence, nearest first on the older side, newest first. */
  related: Headline[];
}

/** The sequence an article belongs to: its list's name and address, and the words of a link to it. */
function sequenceOf(article: ArticleFull): { id: string; name: string; href: string; more: string } {
  const slug = article.category?.slug;
  if (slug)
    return {
      id: `category:${slug}`,
      name: article.category?.name ?? slug,
      href: routes.newsCategory(slug),
      more: 'Xem tất cả tin cùng chuyên mục',
    };
  if (article.kind === PRESS_RELEASE_FILTER.kind)
    return {
      id: 'press-releases',
      name: 'Thông cáo báo chí',
      href: routes.pressReleases(),
      more: 'Xem tất cả thông cáo báo chí',
    };
  return { id: 'news', name: 'Tin tức', href: routes.newsList(), more: 'Xem tất cả tin tức' };
}

let sequences: Promise<Map<string, ArticleFull[]>> | undefined;
forgetAfterBuild(() => (sequences = undefined));
/** Every sequence's articles, newest first (the build's one list of articles, grouped once). */
function allSequences(): Promise<Map<string, ArticleFull[]>> {
  sequences ??= (async () => {
    const map = new Map<string, ArticleFull[]>();
    for (const article of await allArticles()) {
      const id = sequenceOf(article).id;
      const list = map.get(id) ?? [];
      list.push(article);
      map.set(id, list);
    }
    return map;
  })();
  return sequences;
}

let positions: Promise<Map<string, number>> | undefined;
forgetAfterBuild(() => (positions = undefined));
/** Each published article's place in its sequence. */
function allPositions(): Promise<Map<string, number>> {
  positions ??= (async () => {
    const map = new Map<string, number>();
    for (const list of (await allSequences()).values())
      list.forEach((article, index) => map.set(article.documentId, index));
    return map;
  })();
  return positions;
}

/**
 * Where `article` sits in `list` (its sequence, sorted by `order`, newest first; a draft in preview is not
 * in it and is placed where it would sort): the next newer and older one, and up to RELATED_ARTICLES more
 * next to it, the older side first, newest first. `known` is its index in `list` when the caller has it.
 */
export function placeIn<T extends { documentId: string }>(
  list: readonly T[],
  article: T,
  order: (a: T, b: T) => number,
  known?: number,
): { newer: T | undefined; older: T | undefined; related: T[] } {
  // The list without the article. A build places each of its N articles by the index it already has, without
  // copying its sequence (a copy per article was quadratic: 34 s of a publish build at 40k articles); only a
  // draft in preview, placed where it would sort, pays for one.
  const inList = known !== undefined && list[known]?.documentId === article.documentId;
  const others = inList ? undefined : list.filter((other) => other.documentId !== article.documentId);
  const count = others ? others.length : list.length - 1;
  const other = (index: number): T | undefined => {
    if (index < 0 || index >= count) return undefined;
    if (others) return others[index];
    return list[index < (known as number) ? index : index + 1];
  };
  // How many of the others are newer: its own place if it is in the list, else where it would sort.
  let at = inList ? known : (others?.findIndex((entry) => order(article, entry) < 0) ?? -1);
  if (at < 0) at = count;
  const related: T[] = [];
  for (let index = at + 1; index < Math.min(count, at + 1 + RELATED_ARTICLES); index++) {
    const candidate = other(index);
    if (candidate) related.push(candidate);
  }
  // Too few older ones: the nearest newer ones after the newer neighbour fill the list.
  for (let index = at - 2; related.length < RELATED_ARTICLES && index >= 0; index--) {
    const candidate = other(index);
    if (candidate) related.unshift(candidate);
  }
  return { newer: other(at - 1), older: other(at), related };
}

/** Each article's context as last made: the same object while nothing in it changed (part-digests.ts). */
const contexts = keptWeakMap<ArticleFull, ArticleContext>('article context', import.meta.url);

const sameContext = (a: ArticleContext, b: ArticleContext) =>
  a.sequence.name === b.sequence.name &&
  a.sequence.href === b.sequence.href &&
  a.sequence.more === b.sequence.more &&
  a.newer === b.newer &&
  a.older === b.older &&
  a.related.length === b.related.length &&
  a.related.every((headline, index) => headline === b.related[index]);

/**
 * The article's neighbours and related articles (a draft in preview is placed where it would be published).
 * The object of the last build while it is the same (its headlines are: keptDerivation), so that its
 * page's key takes its digest instead of serialising it again.
 */
export async function articleContext(article: ArticleFull): Promise<ArticleContext> {
  const sequence = sequenceOf(article);
  const list = (await allSequences()).get(sequence.id) ?? [];
  const { newer, older, related } = placeIn(list, article, newestFirst, (await allPositions()).get(article.documentId));
  const context: ArticleContext = {
    sequence: { name: sequence.name, href: sequence.href, more: sequence.more },
    newer: newer && headline(newer),
    older: older && headline(older),
    related: related.map(headline),
  };
  const previous = contexts.get(article);
  if (previous && sameContext(previous, context)) return previous;
  contexts.set(article, keyAsDigest(context));
  return context;
}
