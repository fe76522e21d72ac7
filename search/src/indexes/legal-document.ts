import { z } from 'zod';
import { blocksToText } from '../blocks-text.ts';
import { documentNumberForms } from '../text/document-number.ts';
import { normalizeVietnamese, toneEncode } from '../text/vietnamese.ts';
import { defineIndex, documentKey } from './define.ts';
import { DOCUMENT_TYPE_LABELS } from '@portal/cms/model/document-types';
import { VALIDITY_LABELS_VI as VALIDITY_LABELS } from '@portal/cms/model/validity';
import { KIND_LABELS } from './labels.ts';
import { distinctWords, fieldAliases, indexSettings, withBodyAliases } from './shared-settings.ts';

const Named = z.object({ name: z.string() });

/** What the sync reads of a published legal document (Strapi REST, read-only token). */
export const LegalDocumentEntrySchema = z.object({
  documentId: z.string().min(1),
  locale: z.string().nullish(),
  documentNumber: z.string().min(1),
  documentType: z.string(),
  abstract: z.string(),
  slug: z.string(),
  issuingAgency: Named.nullish(),
  // The signer is printed on the document itself: public information, unlike anything about citizens.
  signer: z.string().nullish(),
  signerTitle: z.string().nullish(),
  fields: z.array(Named).nullish(),
  issueDate: z.string(),
  effectiveDate: z.string().nullish(),
  validityStatus: z.string().nullish(),
  body: z.unknown(),
});
export type LegalDocumentEntry = z.infer<typeof LegalDocumentEntrySchema>;

export interface LegalDocumentDocument {
  id: string;
  type: 'legal-document';
  kind: string;
  documentId: string;
  locale: string;
  slug: string;
  documentNumber: string;
  /** The spellings a citizen may type: "2543/QD-UBND", "2543 qd ubnd", "qd 2543", "2543". */
  numberForms: string[];
  documentType: string;
  abstract: string;
  agency: string | null;
  signer: string | null;
  fields: string[];
  text: string;
  issueDate: string;
  effectiveDate: string | null;
  status: string | null;
  year: number;
  dateTs: number;
  /** Other spellings of the abbreviations and terms it mentions (BHXH ⇄ bảo hiểm xã hội). */
  aliases: string[];
  tonedTitle: string;
  tonedText: string;
}

export const legalDocumentIndex = defineIndex<LegalDocumentEntry, LegalDocumentDocument>({
  uid: 'api::legal-document.legal-document',
  collection: 'legal-documents',
  populate: { issuingAgency: { fields: ['name'] }, fields: { fields: ['name'] } },
  dependsOn: [
    { uid: 'api::agency.agency', via: 'issuingAgency' },
    { uid: 'api::field.field', via: 'fields' },
  ],
  name: 'legal-documents',
  entrySchema: LegalDocumentEntrySchema,
  settings: indexSettings({
    // Word distances are recorded only as "same field or not": word-pair distances inside 5,000 laws of
    // 10k–60k words were most of the indexing time (150 laws: 69 s by word, 26 s by field, measured with
    // scripts/bench/search-latency.ts's corpus), and the body query's proximity ranking over them most of
    // a search's. Numbers and abstracts are short, so "same field" loses little there; the relevance test
    // (search/tests/portal-relevance.test.ts) measures it.
    proximityPrecision: 'byAttribute',
    // The abstract right after the number: scores are compared across indexes, and an article's title is
    // its first attribute. The number first, so "25/2024/NQ-HĐND" ranks above an abstract that cites it.
    searchableAttributes: [
      'documentNumber',
      'abstract',
      'numberForms',
      'documentType',
      'agency',
      'fields',
      'signer',
      'text',
    ],
    displayedAttributes: [
      'id',
      'type',
      'kind',
      'slug',
      'documentNumber',
      'documentType',
      'abstract',
      'agency',
      'fields',
      'issueDate',
      'status',
    ],
  }),
  toDocument(entry: LegalDocumentEntry): LegalDocumentDocument {
    const locale = entry.locale || 'vi';
    const documentType = DOCUMENT_TYPE_LABELS[entry.documentType] ?? entry.documentType;
    const abstract = normalizeVietnamese(entry.abstract);
    const fullText = normalizeVietnamese(blocksToText(entry.body));
    // Each word of the full text once (distinctWords: this index records no word distances).
    const text = distinctWords(fullText);
    const agency = entry.issuingAgency?.name ?? null;
    const fields = (entry.fields ?? []).map((field) => field.name);
    // The other spellings go into the toned text too, so "HĐND" typed with Đ ranks "Hội đồng nhân dân" first.
    const { aliases, bodyAliases } = fieldAliases(`${entry.documentNumber} ${abstract}`, fullText);
    return {
      id: documentKey('legal-document', entry.documentId, locale),
      type: 'legal-document',
      kind: KIND_LABELS['legal-document'],
      documentId: entry.documentId,
      locale,
      slug: entry.slug,
      documentNumber: entry.documentNumber,
      numberForms: documentNumberForms(entry.documentNumber),
      documentType,
      abstract,
      agency,
      signer: entry.signer ?? null,
      fields,
      text: withBodyAliases(text, bodyAliases),
      issueDate: entry.issueDate,
      effectiveDate: entry.effectiveDate ?? null,
      status: entry.validityStatus ? (VALIDITY_LABELS[entry.validityStatus] ?? null) : null,
      year: Number(entry.issueDate.slice(0, 4)),
      dateTs: Math.floor(Date.parse(entry.issueDate) / 1000),
      aliases,
      tonedTitle: toneEncode(`${documentType} ${entry.documentNumber} ${abstract}`),
      tonedText: distinctWords(
        toneEncode([agency, ...fields, text, ...aliases, ...bodyAliases].filter(Boolean).join(' ')),
      ),
    };
  },
});
