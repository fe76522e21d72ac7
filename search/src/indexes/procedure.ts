import { z } from 'zod';
import { procedureCodeForms } from '../text/document-number.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { LEVEL_LABELS, SERVICE_LEVEL_LABELS } from '@portal/cms/model/procedures';
import { KIND_LABELS } from './labels.ts';
import { CONTENT_STORE, fieldAliases, indexSettings, withBodyAliases } from './shared-settings.ts';

const Named = z.object({ name: z.string() });

/** What the sync reads of a published procedure (Strapi REST, read-only token). */
export const ProcedureEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  code: z.string().min(1),
  name: z.string(),
  slug: z.string(),
  decisionNumber: z.string().nullish(),
  level: z.string(),
  fields: z.array(Named).nullish(),
  steps: z.array(z.object({ title: z.string(), description: z.string().nullish() })).nullish(),
  dossier: z.array(z.object({ name: z.string() })).nullish(),
  subjects: z.string().nullish(),
  implementingAgency: Named.nullish(),
  result: z.string().nullish(),
  requirements: z.string().nullish(),
  serviceLevel: z.string().nullish(),
  keywords: z.string().nullish(),
  publishedAt: z.string(),
  updatedAt: z.string().nullish(),
});
export type ProcedureEntry = z.infer<typeof ProcedureEntrySchema>;

export interface ProcedureDocument {
  id: string;
  type: 'procedure';
  kind: string;
  documentId: string;
  locale: string;
  slug: string;
  code: string;
  /** "1.000948", "1 000948", "1000948", "000948": the code as it may be typed. */
  codeForms: string[];
  name: string;
  decisionNumber: string | null;
  level: string;
  fields: string[];
  agency: string | null;
  serviceLevel: string | null;
  keywords: string;
  text: string;
  dateTs: number;
  /** Other spellings of the abbreviations and terms it mentions (BHXH ⇄ bảo hiểm xã hội). */
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
}

export const procedureIndex = defineIndex<ProcedureEntry, ProcedureDocument>({
  uid: 'api::procedure.procedure',
  collection: 'procedures',
  populate: {
    fields: { fields: ['name'] },
    implementingAgency: { fields: ['name'] },
    steps: true,
    dossier: { fields: ['name'] },
  },
  dependsOn: [
    { uid: 'api::agency.agency', via: 'implementingAgency' },
    { uid: 'api::field.field', via: 'fields' },
  ],
  name: 'procedures',
  store: CONTENT_STORE,
  entrySchema: ProcedureEntrySchema,
  settings: indexSettings({
    searchableAttributes: ['name', 'code', 'codeForms', 'keywords', 'fields', 'agency', 'decisionNumber', 'text'],
    displayedAttributes: ['id', 'type', 'kind', 'slug', 'code', 'name', 'level', 'agency', 'serviceLevel'],
  }),
  toDocument(entry: ProcedureEntry): ProcedureDocument {
    const locale = entry.locale || 'vi';
    const name = normalizeVietnamese(entry.name);
    const fields = (entry.fields ?? []).map((field) => field.name);
    const agency = entry.implementingAgency?.name ?? null;
    const keywords = normalizeVietnamese(entry.keywords ?? '');
    const text = normalizeVietnamese(
      [
        entry.subjects,
        ...(entry.steps ?? []).flatMap((step) => [step.title, step.description]),
        ...(entry.dossier ?? []).map((item) => item.name),
        entry.result,
        entry.requirements,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    // The other spellings go into the toned text too, so "HĐND" typed with Đ ranks "Hội đồng nhân dân" first.
    const { aliases, bodyAliases } = fieldAliases(`${name} ${keywords}`, text);
    return {
      id: documentKey('procedure', entry.documentId, locale),
      type: 'procedure',
      kind: KIND_LABELS.procedure,
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      code: entry.code,
      codeForms: procedureCodeForms(entry.code),
      name,
      decisionNumber: entry.decisionNumber ?? null,
      level: LEVEL_LABELS[entry.level] ?? entry.level,
      fields,
      agency,
      serviceLevel: entry.serviceLevel ? (SERVICE_LEVEL_LABELS[entry.serviceLevel] ?? null) : null,
      keywords,
      text: withBodyAliases(text, bodyAliases),
      dateTs: Math.floor(Date.parse(entry.updatedAt ?? entry.publishedAt) / 1000),
      aliases,
      tonedTitle: toneEncode(`${name} ${keywords}`),
      tonedText: toneEncode([...fields, agency, text, ...aliases, ...bodyAliases].filter(Boolean).join(' ')),
    };
  },
});
