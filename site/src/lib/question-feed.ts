/**
 * RSS 2.0 of published questions and answers (/hoi-dap/rss.xml). Pure: the endpoint passes the
 * published questions (already public fields only, from the site's GraphQL) and the site's URL.
 */
import { rssXml } from './feeds.ts';
import { routes } from './routes.ts';

export interface FeedQuestion {
  title: string;
  slug: string;
  question: string;
  receivedAt: string;
  answeredAt?: string | null | undefined;
  publishedAt?: string | null | undefined;
  field?: { name: string } | null | undefined;
}

const DESCRIPTION_LENGTH = 300;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= DESCRIPTION_LENGTH) return flat;
  return `${flat.slice(0, flat.lastIndexOf(' ', DESCRIPTION_LENGTH - 1)).trimEnd()} …`;
}

/** When a question appeared with its answer: the publication, or the answer's day in Vietnam. */
function shownAt(q: FeedQuestion): string {
  if (q.publishedAt) return q.publishedAt;
  if (q.answeredAt) return `${q.answeredAt.slice(0, 10)}T00:00:00+07:00`;
  return q.receivedAt;
}

/** The newest published questions with their answers, newest publication first. */
export function questionsRss(
  questions: readonly FeedQuestion[],
  siteUrl: string,
  portalName: string,
  count = 50,
): string {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const newest = [...questions].sort((a, b) => Date.parse(shownAt(b)) - Date.parse(shownAt(a))).slice(0, count);
  return rssXml({
    title: `Hỏi đáp – ${portalName}`,
    link: absolute(routes.questions()),
    self: absolute(routes.questionsFeed()),
    description: `Câu hỏi của người dân, doanh nghiệp và câu trả lời của cơ quan có thẩm quyền trên ${portalName}`,
    items: newest.map((q) => ({
      title: q.title,
      link: absolute(routes.question(q.slug)),
      description: shorten(q.question),
      date: shownAt(q),
      ...(q.field ? { category: q.field.name } : {}),
    })),
  });
}
