/**
 * What sitemap.xml lists: one source per section, each giving its published pages' paths. Another
 * section (documents, procedures) joins by adding one line to SITEMAP_SOURCES.
 */
import { calendarWeeks } from './calendar-pages.ts';
import { sitemapParts, type SitemapUrl } from './feeds.ts';
import { agencies, articlesForFeeds, staticPages } from './cms-portal.ts';
import { documentUrls, procedureUrls } from './legal-content.ts';
import { newsListUrls } from './news-lists.ts';
import { pageCount } from './pagination.ts';
import { publishedQuestions, questionListPages } from './questions.ts';
import { CLOSED_CONSULTATIONS_PAGE_SIZE, closedConsultations, publishedConsultations } from './consultations.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';

/** A page path (from routes.ts) and, when known, when its content last changed. */
export interface SitemapPath {
  path: string;
  lastmod?: string | null | undefined;
}
export type SitemapPathSource = () => Promise<SitemapPath[]>;

const sections: SitemapPathSource = () =>
  Promise.resolve(
    [routes.home(), routes.calendar(), routes.agencies(), routes.englishHome(), routes.englishAgencies()].map(
      (path) => ({ path }),
    ),
  );

const news: SitemapPathSource = async () => [
  // Every page of the news lists: page 2 onwards is how a crawler reaches older articles' lists.
  ...(await newsListUrls()).map((path) => ({ path })),
  ...(await articlesForFeeds()).map((article) => ({
    path: routes.article(article.slug),
    lastmod: article.updatedAt ?? article.date,
  })),
];

const calendar: SitemapPathSource = async () =>
  (await calendarWeeks()).weeks.map(({ week, entries }) => ({
    path: routes.calendarWeek(week),
    lastmod:
      entries
        .map((entry) => entry.updatedAt ?? '')
        .sort()
        .at(-1) || undefined,
  }));

const directory: SitemapPathSource = async () => [
  ...(await agencies('vi')).map((agency) => ({ path: routes.agency(agency.slug), lastmod: agency.updatedAt })),
  ...(await agencies('en')).map((agency) => ({ path: routes.englishAgency(agency.slug), lastmod: agency.updatedAt })),
];

const pages: SitemapPathSource = async () => [
  ...(await staticPages('vi')).map((page) => ({ path: routes.page(page.slug), lastmod: page.updatedAt })),
  ...(await staticPages('en')).map((page) => ({ path: routes.englishPage(page.slug), lastmod: page.updatedAt })),
];

/** Documents and procedures: every entry page and the finders' list and facet pages. */
const legal: SitemapPathSource = async () =>
  [...(await documentUrls()), ...(await procedureUrls())].map((path) => ({ path }));

/** Questions and answers: the list pages, the form, the look-up and every published question. */
const questions: SitemapPathSource = async () => {
  const all = await publishedQuestions();
  const lists = (await questionListPages()).map((page) => page.url);
  return [
    ...[...lists, routes.askQuestion(), routes.questionLookup()].map((path) => ({ path })),
    ...all.map((question) => ({ path: routes.question(question.slug), lastmod: question.updatedAt })),
  ];
};

/** Drafts for comment: the open and closed lists and every published draft. */
const consultations: SitemapPathSource = async () => {
  const closed = pageCount((await closedConsultations()).length, CLOSED_CONSULTATIONS_PAGE_SIZE);
  return [
    ...[routes.consultations(), ...Array.from({ length: closed }, (_, i) => routes.closedConsultations(i + 1))].map(
      (path) => ({ path }),
    ),
    ...(await publishedConsultations()).map((c) => ({ path: routes.consultation(c.slug), lastmod: c.updatedAt })),
  ];
};

export const SITEMAP_SOURCES: SitemapPathSource[] = [
  sections,
  news,
  calendar,
  directory,
  pages,
  legal,
  questions,
  consultations,
];

let parts: Promise<SitemapUrl[][]> | undefined;
forgetAfterBuild(() => (parts = undefined));
/**
 * Every published page (loc = its path, made absolute by the endpoints), in sitemap files of at
 * most 50,000: sitemap.xml is their index, /sitemap-<n>.xml the files. Computed once per build.
 */
export function sitemapFiles(): Promise<SitemapUrl[][]> {
  parts ??= (async () => {
    const lists = await Promise.all(SITEMAP_SOURCES.map((source) => source()));
    return sitemapParts(lists.flat().map(({ path, lastmod }) => ({ loc: path, lastmod })));
  })();
  return parts;
}
