/**
 * What the home page shows, read once and reduced to the fields it shows: the page renders from this
 * and its cache key (page-keys.ts) is this, so the incremental build copies the home page while none
 * of it changed (an edit of an old article, a document's body, a question not among the newest).
 */
import { calendarWeeks } from './calendar-pages.ts';
import { daysOf } from './calendar-week.ts';
import { homeArticles } from './cms.ts';
import { bannerLinks, categories, filteredArticlesPage, portalSettings } from './cms-portal.ts';
import { currentConsultations } from './consultations.ts';
import { legalContent, newestProcedures } from './legal-content.ts';
import { categoryFilter } from './news.ts';
import { summaryOf } from './news-lists.ts';
import { publishedQuestions } from './questions.ts';

const FEATURED = 3;
const LATEST = 10;

export async function homeData() {
  // Ask for enough latest news to still show LATEST after leaving out the featured stories above.
  const { featured, latest } = await homeArticles({ featured: FEATURED, latest: LATEST + FEATURED });
  const shownAbove = new Set(featured.map((article) => article.documentId));
  const news = latest.filter((article) => !shownAbove.has(article.documentId)).slice(0, LATEST);
  const sections = await Promise.all(
    (await categories())
      .filter((category) => !category.parent)
      .map(async (category) => ({
        category: { slug: category.slug, name: category.name },
        articles: (await filteredArticlesPage(categoryFilter(category.slug), 1, 3)).articles.map(({ slug, title }) => ({
          slug,
          title,
        })),
      })),
  );
  const { shown: week, current } = await calendarWeeks();
  // The build reads the documents and procedures once (legal-content.ts); the home page shows the newest.
  const legal = await legalContent();
  return {
    featured: featured.map(summaryOf),
    news: news.map(summaryOf),
    settings: await portalSettings(),
    links: await bannerLinks(),
    sections,
    week,
    current,
    days: daysOf(week.week),
    documents: legal.documents
      .slice(0, 5)
      .map(({ slug, documentNumber, issueDate, abstract }) => ({ slug, documentNumber, issueDate, abstract })),
    procedures: newestProcedures(legal.procedures, 5).map(({ slug, name }) => ({ slug, name })),
    questions: (await publishedQuestions()).slice(0, 3).map(({ slug, title }) => ({ slug, title })),
    consultations: (await currentConsultations())
      .filter((c) => c.phase === 'dang_lay_y_kien')
      .slice(0, 3)
      .map(({ slug, title, closeAt }) => ({ slug, title, closeAt })),
  };
}
export type HomeData = Awaited<ReturnType<typeof homeData>>;
