import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { KIND_LABELS } from './labels.ts';
import { CONTENT_STORE, fieldAliases, indexSettings, withBodyAliases } from './shared-settings.ts';

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
  kind: string;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  lead: string;
  text: string;
  category: string | null;
  categorySlug: string | null;
  postedAt: string;
  /** Seconds since the epoch, for sorting and range filters (one name across indexes). */
  dateTs: number;
  year: number;
  /** Other spellings of the abbreviations and terms it mentions (BHXH ⇄ bảo hiểm xã hội). */
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
}

export const articleIndex = defineIndex<ArticleEntry, ArticleDocument>({
  uid: 'api::article.article',
  collection: 'articles',
  populate: { category: { fields: ['name', 'slug'] } },
  dependsOn: [{ uid: 'api::category.category', via: 'category' }],
  name: 'articles',
  store: CONTENT_STORE,
  entrySchema: ArticleEntrySchema,
  settings: indexSettings({
    searchableAttributes: ['title', 'lead', 'category', 'text'],
    displayedAttributes: [
      'id',
      'type',
      'kind',
      'documentId',
      'locale',
      'slug',
      'title',
      'lead',
      'category',
      'categorySlug',
      'postedAt',
    ],
  }),
  toDocument(entry: ArticleEntry): ArticleDocument {
    const postedAt = entry.postedAt ?? entry.publishedAt;
    const locale = entry.locale || 'vi';
    const title = normalizeVietnamese(entry.title);
    const lead = normalizeVietnamese(entry.lead ?? '');
    const text = normalizeVietnamese(blocksToText(entry.body));
    // The other spellings go into the toned text too, so "HĐND" typed with Đ ranks "Hội đồng nhân dân" first.
    const { aliases, bodyAliases } = fieldAliases(`${title} ${lead}`, text);
    return {
      id: documentKey('article', entry.documentId, locale),
      type: 'article',
      kind: KIND_LABELS.article,
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      title,
      lead,
      text: withBodyAliases(text, bodyAliases),
      category: entry.category?.name ?? null,
      categorySlug: entry.category?.slug ?? null,
      postedAt,
      dateTs: Math.floor(Date.parse(postedAt) / 1000),
      year: Number(postedAt.slice(0, 4)),
      aliases,
      tonedTitle: toneEncode(`${title} ${lead}`),
      tonedText: toneEncode(`${entry.category?.name ?? ''} ${text} ${[...aliases, ...bodyAliases].join(' ')}`),
    };
  },
});
