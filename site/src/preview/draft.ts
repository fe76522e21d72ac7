/**
 * The draft the preview shows: the portal's server reads it from the CMS (its publisher route, after
 * checking the editor's token) and posts it here as JSON; it is shaped like the published article a
 * page gets from GraphQL, so the same component shows it. Used only by DraftPage.astro on the preview
 * server (astro dev with PORTAL_PREVIEW=1); a build never imports it.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ArticleFull } from '../lib/cms.ts';

/** The header the portal's server proves itself with (PORTAL_PREVIEW_KEY, random per run). */
export const PREVIEW_KEY_HEADER = 'x-portal-preview-key';

export function previewAllowed(given: string | null, key = process.env.PORTAL_PREVIEW_KEY ?? ''): boolean {
  if (!given || key.length < 32) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const DraftArticleSchema = z.object({
  documentId: z.string(),
  title: z.string().min(1),
  slug: text,
  lead: text,
  postedAt: text,
  publishedAt: text,
  updatedAt: text,
  kind: text,
  body: z.unknown(),
  author: text,
  source: text,
  coverCaption: text,
  category: z.object({ name: z.string(), slug: text }).nullish(),
  cover: z
    .object({ url: z.string(), alternativeText: text, width: z.number().nullish(), height: z.number().nullish() })
    .nullish(),
  relatedDocuments: z
    .array(z.object({ documentId: z.string(), slug: text, documentNumber: text, abstract: text }))
    .nullish(),
  relatedProcedures: z.array(z.object({ documentId: z.string(), slug: text, name: text })).nullish(),
});

/** The posted draft as the article page's data; a draft without a date yet shows its last change's. */
export function draftArticle(json: unknown): ArticleFull | null {
  const parsed = DraftArticleSchema.safeParse(json);
  if (!parsed.success) return null;
  const article = parsed.data;
  const date = article.postedAt ?? article.publishedAt ?? article.updatedAt ?? new Date().toISOString();
  return {
    ...article,
    slug: article.slug ?? 'ban-nhap',
    date,
    category: article.category ?? null,
    cover: article.cover ?? null,
    relatedDocuments: article.relatedDocuments ?? [],
    relatedProcedures: article.relatedProcedures ?? [],
  } as unknown as ArticleFull;
}
