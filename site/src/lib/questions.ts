/**
 * The site's reads of hỏi đáp: every published question with its answer (read once per build, newest
 * first) and what the question form offers. Questions without a slug are left out with a warning.
 */
import { QuestionFormFieldsDocument, QuestionsPageDocument } from '../graphql/generated/graphql.ts';
import { cms, MAX_PAGE_SIZE, present } from './cms.ts';
import { archivePages, type ArchivePage } from './pagination.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';

/** Questions per list page. */
export const QUESTIONS_PAGE_SIZE = 10;

async function readQuestions() {
  const questions = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const data = await cms().request(QuestionsPageDocument, { page, pageSize: MAX_PAGE_SIZE });
    const connection = data.questions_connection;
    if (!connection) throw new Error('The CMS returned no questions_connection');
    pageCount = connection.pageInfo.pageCount;
    questions.push(...connection.nodes);
  }
  return questions.flatMap((question) => {
    if (question.slug) return [{ ...question, slug: question.slug }];
    console.warn(`[site] question ${question.documentId} left out: it has no slug`);
    return [];
  });
}

let cached: ReturnType<typeof readQuestions> | undefined;
forgetAfterBuild(() => (cached = undefined));
/** Every published question, newest received first. */
export const publishedQuestions = () => (cached ??= readQuestions());
export type PublishedQuestion = Awaited<ReturnType<typeof readQuestions>>[number];

/** What the questions list shows of each question. */
export type ListedQuestion = Pick<PublishedQuestion, 'slug' | 'title' | 'receivedAt' | 'answeredAt' | 'field'>;

/**
 * The pages of the questions list: the newest on /hoi-dap/, older ones in archive buckets numbered from
 * the oldest (pagination.ts), so a new answer changes the first page and the newest bucket, not every page.
 */
export async function questionListPages(): Promise<Array<ArchivePage<ListedQuestion>>> {
  const listed = (await publishedQuestions()).map(({ slug, title, receivedAt, answeredAt, field }) => ({
    slug,
    title,
    receivedAt,
    answeredAt,
    field,
  }));
  return archivePages(listed, QUESTIONS_PAGE_SIZE, routes.questionsArchive);
}

/** The fields (lĩnh vực) a citizen chooses from. */
export async function questionFields() {
  return (await cms().request(QuestionFormFieldsDocument)).fields.filter(present);
}
