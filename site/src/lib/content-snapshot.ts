/**
 * All published articles, legal documents and procedures, read ONCE per build from the CMS's bulk
 * export (cms/src/site-publish/export.ts: keyset pages of 500 through the Document Service) and kept
 * in memory: every detail page, list page, feed, finder file and sitemap of the build takes its
 * content from here, so the build makes a few dozen requests in all, not one per list page.
 *
 * The export answers in the shape of the site's GraphQL fragments, so the entries keep the generated
 * types (site/tests/site-export.test.ts checks the export against GraphQL's answer). What the CMS
 * sends is published only and has no private field; the token stays in this module's headers.
 */
import type {
  ArticleFullFragment,
  DocumentBodyQuery,
  DocumentsPageQuery,
  ProceduresPageQuery,
} from '../graphql/generated/graphql.ts';
import { cmsFetch } from './cms-fetch.ts';
import { siteEnv } from './env.ts';

export type ArticleNode = ArticleFullFragment;
export type DocumentNode = NonNullable<DocumentsPageQuery['legalDocuments_connection']>['nodes'][number] &
  Pick<NonNullable<DocumentBodyQuery['legalDocuments'][number]>, 'body'>;
export type ProcedureNode = NonNullable<ProceduresPageQuery['procedures_connection']>['nodes'][number];

export interface ContentSnapshot {
  articles: ArticleNode[];
  documents: DocumentNode[];
  procedures: ProcedureNode[];
  /** How long the read took, in ms (the build prints it; the benchmark reads it). */
  readMs: number;
}

/** Entries per export request: large enough that a request's fixed cost is noise. */
export const EXPORT_PAGE_SIZE = 500;

/** One kind, page after page (keyset: `after` is the last id of the previous page). */
export async function readExport<T>(
  kind: 'articles' | 'documents' | 'procedures',
  options: { cmsUrl: string; token: string; pageSize?: number; progress?: (count: number) => void },
): Promise<T[]> {
  const entries: T[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const url = `${options.cmsUrl}/api/site-export/${kind}?after=${after}&limit=${options.pageSize ?? EXPORT_PAGE_SIZE}`;
    const response = await cmsFetch(url, { headers: { Authorization: `Bearer ${options.token}` } });
    if (!response.ok)
      throw new Error(
        `The CMS export of ${kind} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    const page = (await response.json()) as { data: T[]; next: number | null };
    entries.push(...page.data);
    options.progress?.(entries.length);
    after = page.next;
  }
  return entries;
}

async function read(): Promise<ContentSnapshot> {
  const { CMS_URL, CMS_TOKEN } = siteEnv();
  const started = performance.now();
  const progress = (kind: string) => {
    let reported = 0;
    return (count: number) => {
      if (count - reported < 5000) return;
      reported = count;
      console.log(`[site] content read: ${count} ${kind}…`);
    };
  };
  const options = { cmsUrl: CMS_URL, token: CMS_TOKEN };
  // One kind after another: the CMS answers one request at a time anyway, and the progress stays readable.
  const articles = await readExport<ArticleNode>('articles', { ...options, progress: progress('articles') });
  const documents = await readExport<DocumentNode>('documents', { ...options, progress: progress('documents') });
  const procedures = await readExport<ProcedureNode>('procedures', { ...options, progress: progress('procedures') });
  const readMs = Math.round(performance.now() - started);
  console.log(
    `[site] content read: ${articles.length} articles, ${documents.length} documents, ${procedures.length} procedures in ${readMs} ms`,
  );
  return { articles, documents, procedures, readMs };
}

let cached: Promise<ContentSnapshot> | undefined;
/** The build's one read of the CMS's content (the first caller starts it; everyone shares it). */
export function contentSnapshot(): Promise<ContentSnapshot> {
  cached ??= read();
  return cached;
}
