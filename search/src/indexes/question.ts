import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { KIND_LABELS } from './labels.ts';
import { CONTENT_STORE, fieldAliases, indexSettings, withBodyAliases } from './shared-settings.ts';

const Named = z.object({ name: z.string() });

/**
 * What the sync reads of a published question and its answer. The CMS's Document Service also hands
 * over the asker's private fields (name, e-mail, phone, address, tracking code, consent): this schema
 * does not name them, so zod drops them before toDocument sees the entry.
 */
export const QuestionEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  title: z.string(),
  slug: z.string(),
  question: z.string(),
  answer: z.unknown(),
  field: Named.nullish(),
  agency: Named.nullish(),
  answeringAgency: Named.nullish(),
  answeringUnit: z.string().nullish(),
  receivedAt: z.string(),
  answeredAt: z.string().nullish(),
  publishedAt: z.string(),
});
export type QuestionEntry = z.infer<typeof QuestionEntrySchema>;

export interface QuestionDocument {
  id: string;
  type: 'question';
  kind: string;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  question: string;
  text: string;
  /** One field, as an array so the "Lĩnh vực" facet is the same attribute as on procedures and documents. */
  fields: string[];
  agency: string | null;
  answeringUnit: string | null;
  receivedAt: string;
  answeredAt: string | null;
  dateTs: number;
  year: number;
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
}

/** Published questions with their answers (hỏi đáp). Only public fields are copied: never anything about the asker. */
export const questionIndex = defineIndex<QuestionEntry, QuestionDocument>({
  uid: 'api::question.question',
  collection: 'questions',
  populate: {
    field: { fields: ['name'] },
    agency: { fields: ['name'] },
    answeringAgency: { fields: ['name'] },
  },
  dependsOn: [
    { uid: 'api::field.field', via: 'field' },
    { uid: 'api::agency.agency', via: 'agency' },
    { uid: 'api::agency.agency', via: 'answeringAgency' },
  ],
  name: 'questions',
  store: CONTENT_STORE,
  entrySchema: QuestionEntrySchema,
  settings: indexSettings({
    searchableAttributes: ['title', 'question', 'fields', 'agency', 'text'],
    displayedAttributes: [
      'id',
      'type',
      'kind',
      'documentId',
      'locale',
      'slug',
      'title',
      'question',
      'fields',
      'agency',
      'answeringUnit',
      'receivedAt',
      'answeredAt',
    ],
  }),
  toDocument(entry: QuestionEntry): QuestionDocument {
    const locale = entry.locale || 'vi';
    const title = normalizeVietnamese(entry.title);
    const question = normalizeVietnamese(entry.question);
    const text = normalizeVietnamese(blocksToText(entry.answer));
    const fields = entry.field ? [entry.field.name] : [];
    // The agency that answered; the one the citizen addressed until then.
    const agency = entry.answeringAgency?.name ?? entry.agency?.name ?? null;
    const date = entry.answeredAt ?? entry.publishedAt;
    const { aliases, bodyAliases } = fieldAliases(`${title} ${question}`, text);
    return {
      id: documentKey('question', entry.documentId, locale),
      type: 'question',
      kind: KIND_LABELS.question,
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      title,
      question,
      text: withBodyAliases(text, bodyAliases),
      fields,
      agency,
      answeringUnit: entry.answeringUnit ?? null,
      receivedAt: entry.receivedAt,
      answeredAt: entry.answeredAt ?? null,
      dateTs: Math.floor(Date.parse(date) / 1000),
      year: Number(date.slice(0, 4)),
      aliases,
      tonedTitle: toneEncode(`${title} ${question}`),
      tonedText: toneEncode([...fields, agency, text, ...aliases, ...bodyAliases].filter(Boolean).join(' ')),
    };
  },
});
