/**
 * What the draft preview reads: an entry's draft, shaped like the published entry a page gets, so
 * the same component shows it. Used only by DraftPage.astro on the preview server (astro dev with
 * PORTAL_PREVIEW=1, started by scripts/src/preview/); a build never imports it.
 */
import { timingSafeEqual } from 'node:crypto';
import { DraftArticleDocument } from '../graphql/generated/graphql.ts';
import { cms, type ArticleFull } from '../lib/cms.ts';

/** The header the portal's server proves itself with (PORTAL_PREVIEW_KEY, random per run). */
export const PREVIEW_KEY_HEADER = 'x-portal-preview-key';

export function previewAllowed(given: string | null, key = process.env.PORTAL_PREVIEW_KEY ?? ''): boolean {
  if (!given || key.length < 32) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The draft of an article, or null if there is none. A draft may have no date yet: its last change stands in. */
export async function draftArticle(documentId: string): Promise<ArticleFull | null> {
  const data = await cms().request(DraftArticleDocument, { documentId });
  const article = data.article;
  if (!article) return null;
  const date = article.postedAt ?? article.publishedAt ?? article.updatedAt ?? new Date().toISOString();
  return { ...article, slug: article.slug ?? 'ban-nhap', date };
}
