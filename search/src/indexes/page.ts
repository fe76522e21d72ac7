import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { KIND_LABELS } from './labels.ts';
import { CONTENT_STORE, fieldAliases, indexSettings, withBodyAliases } from './shared-settings.ts';

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
  /** What sort of result this is, as the search page's "kind" facet shows it. */
  kind: string;
  /** The page's own kind in the CMS (gioi_thieu, lien_he …). */
  pageKind: string;
  title: string;
  summary: string;
  text: string;
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
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
  store: CONTENT_STORE,
  entrySchema: PageEntrySchema,
  // The shared settings, so the site's one federated search filters, facets and ranks pages like the rest.
  settings: indexSettings({
    searchableAttributes: ['title', 'summary', 'text'],
    displayedAttributes: ['id', 'type', 'kind', 'pageKind', 'documentId', 'locale', 'slug', 'title', 'summary'],
  }),
  toDocument(entry: PageEntry): PageDocument {
    const locale = entry.locale || 'vi';
    const title = normalizeVietnamese(entry.title);
    const summary = normalizeVietnamese(entry.summary ?? '');
    const text = normalizeVietnamese(blocksToText(entry.body));
    const { aliases, bodyAliases } = fieldAliases(`${title} ${summary}`, text);
    return {
      id: documentKey('page', entry.documentId, locale),
      type: 'page',
      documentId: entry.documentId,
      locale,
      slug: entry.slug ?? '',
      kind: KIND_LABELS.page,
      pageKind: entry.kind ?? 'khac',
      title,
      summary,
      text: withBodyAliases(text, bodyAliases),
      aliases,
      tonedTitle: toneEncode(`${title} ${summary}`),
      tonedText: toneEncode(`${text} ${[...aliases, ...bodyAliases].join(' ')}`),
    };
  },
});
