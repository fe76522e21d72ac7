/**
 * What every page may assume of an article from the CMS, checked once where it arrives: a slug
 * that makes a URL and a date to show. The shapes themselves are the generated GraphQL types.
 */
import { z } from 'zod';

const PublishedSchema = z.object({
  title: z.string().min(1),
  // Slugs are ASCII (domain.md); anything else would make a URL the site cannot promise to keep.
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by "-"'),
  postedAt: z.iso.datetime({ offset: true }).nullish(),
  publishedAt: z.iso.datetime({ offset: true }).nullish(),
});

interface ArticleNode {
  documentId: string;
  title: string;
  slug: string | null;
  postedAt: string | null;
  publishedAt: string | null;
}

/** The article with its slug known and `date` = when it was posted (publishedAt if not set). */
export type Published<T extends ArticleNode> = Omit<T, 'slug'> & { slug: string; date: string };

export class ContentError extends Error {
  override name = 'ContentError';
}

export function published<T extends ArticleNode>(article: T): Published<T> {
  const parsed = PublishedSchema.safeParse(article);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ContentError(
      `Article ${article.documentId} ("${article.title}") cannot be published on the site: ${reasons}`,
    );
  }
  const date = parsed.data.postedAt ?? parsed.data.publishedAt;
  if (!date)
    throw new ContentError(`Article ${article.documentId} ("${article.title}") has neither postedAt nor publishedAt`);
  return { ...article, slug: parsed.data.slug, date };
}
