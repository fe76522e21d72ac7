import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { defineIndex, documentKey } from './define.ts';

/** What the sync reads of a published article (Strapi REST, read-only token). */
export const ArticleEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  title: z.string(),
  slug: z.string(),
  lead: z.string().nullish(),
  body: z.unknown(),
  postedAt: z.string().nullish(),
  publishedAt: z.string(),
  category: z.object({ name: z.string(), slug: z.string() }).nullish(),
});
export type ArticleEntry = z.infer<typeof ArticleEntrySchema>;

export interface ArticleDocument {
  id: string;
  type: 'article';
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  lead: string;
  text: string;
  category: string | null;
  categorySlug: string | null;
  postedAt: string;
  /** Seconds since the epoch, for sorting and range filters. */
  postedAtTs: number;
}

export const articleIndex = defineIndex<ArticleEntry, ArticleDocument>({
  uid: 'api::article.article',
  collection: 'articles',
  populate: { category: { fields: ['name', 'slug'] } },
  dependsOn: [{ uid: 'api::category.category', via: 'category' }],
  name: 'articles',
  entrySchema: ArticleEntrySchema,
  settings: {
    searchableAttributes: ['title', 'lead', 'category', 'text'],
    filterableAttributes: ['type', 'categorySlug', 'postedAtTs', 'locale'],
    sortableAttributes: ['postedAtTs'],
    displayedAttributes: [
      'id',
      'type',
      'documentId',
      'locale',
      'slug',
      'title',
      'lead',
      'text',
      'category',
      'categorySlug',
      'postedAt',
    ],
    // Vietnamese syllables are short: the default (5 letters) would allow no typo in most words.
    typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    pagination: { maxTotalHits: 1000 },
  },
  toDocument(entry: ArticleEntry): ArticleDocument {
    const postedAt = entry.postedAt ?? entry.publishedAt;
    const locale = entry.locale || 'vi';
    return {
      id: documentKey('article', entry.documentId, locale),
      type: 'article',
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      title: entry.title,
      lead: entry.lead ?? '',
      text: blocksToText(entry.body),
      category: entry.category?.name ?? null,
      categorySlug: entry.category?.slug ?? null,
      postedAt,
      postedAtTs: Math.floor(Date.parse(postedAt) / 1000),
    };
  },
});
