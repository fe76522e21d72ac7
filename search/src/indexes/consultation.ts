import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { KIND_LABELS } from './labels.ts';
import { CONTENT_STORE, indexSettings, synonymAliases } from './shared-settings.ts';

const Named = z.object({ name: z.string() });

/**
 * What the sync reads of a published draft put out for comment. Citizens' comments are another content
 * type that no index reads; this schema names only the draft's public fields, so anything else is dropped.
 */
export const ConsultationEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  report: z.unknown(),
  draftingAgency: Named.nullish(),
  field: Named.nullish(),
  openAt: z.string(),
  closeAt: z.string(),
  publishedAt: z.string(),
});
export type ConsultationEntry = z.infer<typeof ConsultationEntrySchema>;

export interface ConsultationDocument {
  id: string;
  type: 'consultation';
  kind: string;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  summary: string;
  /** The board's report on the comments, once published. */
  text: string;
  /** One field, as an array so the "Lĩnh vực" facet is the same attribute as on the other indexes. */
  fields: string[];
  agency: string | null;
  openAt: string;
  closeAt: string;
  dateTs: number;
  year: number;
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
}

/** Drafts put out for comment (lấy ý kiến dự thảo) and their reports. The phase is not stored: it changes with the clock. */
export const consultationIndex = defineIndex<ConsultationEntry, ConsultationDocument>({
  uid: 'api::consultation.consultation',
  collection: 'consultations',
  populate: {
    draftingAgency: { fields: ['name'] },
    field: { fields: ['name'] },
  },
  dependsOn: [
    { uid: 'api::field.field', via: 'field' },
    { uid: 'api::agency.agency', via: 'draftingAgency' },
  ],
  name: 'consultations',
  store: CONTENT_STORE,
  entrySchema: ConsultationEntrySchema,
  settings: indexSettings({
    searchableAttributes: ['title', 'summary', 'fields', 'agency', 'text'],
    displayedAttributes: [
      'id',
      'type',
      'kind',
      'documentId',
      'locale',
      'slug',
      'title',
      'summary',
      'fields',
      'agency',
      'openAt',
      'closeAt',
    ],
  }),
  toDocument(entry: ConsultationEntry): ConsultationDocument {
    const locale = entry.locale || 'vi';
    const title = normalizeVietnamese(entry.title);
    const summary = normalizeVietnamese(entry.summary);
    const text = normalizeVietnamese(blocksToText(entry.report));
    const fields = entry.field ? [entry.field.name] : [];
    const agency = entry.draftingAgency?.name ?? null;
    const aliases = synonymAliases(`${title} ${summary} ${text}`);
    return {
      id: documentKey('consultation', entry.documentId, locale),
      type: 'consultation',
      kind: KIND_LABELS.consultation,
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      title,
      summary,
      text,
      fields,
      agency,
      openAt: entry.openAt,
      closeAt: entry.closeAt,
      dateTs: Math.floor(Date.parse(entry.openAt) / 1000),
      year: Number(new Date(entry.openAt).getUTCFullYear()),
      aliases,
      tonedTitle: toneEncode(`${title} ${summary}`),
      tonedText: toneEncode([...fields, agency, text, ...aliases].filter(Boolean).join(' ')),
    };
  },
});
