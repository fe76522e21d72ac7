import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { defineIndex, documentKey } from './define.ts';

/** What the sync reads of a published static page (giới thiệu, cơ cấu tổ chức, liên hệ …), per locale. */
export const PageEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  title: z.string(),
  slug: z.string().nullish(),
  kind: z.string().nullish(),
  summary: z.string().nullish(),
  body: z.unknown(),
  publishedAt: z.string(),
});
export type PageEntry = z.infer<typeof PageEntrySchema>;

export interface PageDocument {
  id: string;
  type: 'page';
  documentId: string;
  locale: string;
  slug: string;
  kind: string;
  title: string;
  summary: string;
  text: string;
}

/**
 * Static pages are localized (vi/en): each locale is its own document, so unpublishing the English
 * version leaves the Vietnamese one searchable.
 */
export const pageIndex = defineIndex<PageEntry, PageDocument>({
  uid: 'api::page.page',
  collection: 'pages',
  populate: {},
  name: 'pages',
  entrySchema: PageEntrySchema,
  settings: {
    searchableAttributes: ['title', 'summary', 'text'],
    filterableAttributes: ['type', 'locale', 'kind'],
    displayedAttributes: ['id', 'type', 'documentId', 'locale', 'slug', 'kind', 'title', 'summary', 'text'],
    // Vietnamese syllables are short: the default (5 letters) would allow no typo in most words.
    typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    pagination: { maxTotalHits: 1000 },
  },
  toDocument(entry: PageEntry): PageDocument {
    const locale = entry.locale || 'vi';
    return {
      id: documentKey('page', entry.documentId, locale),
      type: 'page',
      documentId: entry.documentId,
      locale,
      slug: entry.slug ?? '',
      kind: entry.kind ?? 'khac',
      title: entry.title,
      summary: entry.summary ?? '',
      text: blocksToText(entry.body),
    };
  },
});
