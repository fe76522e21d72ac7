/**
 * Shape of the demo content shipped in scripts/demo-content/, one strict schema per file. The files are an
 * import boundary, so they are validated here before anything is written: a bad file or a reference to
 * something no file defines stops the seed with a message naming the file and path, and nothing is
 * half-imported. Pure (zod, node:fs and the cover painter's motif list), so tests load this file directly with
 * Node's type stripping.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { COVER_MOTIFS } from '@portal/scripts/cover-motifs';
import { errorMessage } from '../errors.ts';

export const CoverArtSchema = z.object({
  motif: z.enum(COVER_MOTIFS),
  /** Base hue of the palette, in degrees. */
  hue: z.number().int().min(0).max(359),
  /** Seed for the deterministic placement of shapes. */
  seed: z.number().int().min(0),
});
export type CoverArt = z.infer<typeof CoverArtSchema>;

/** A downloadable file of the demo content, in its files/ folder (the kinds the CMS accepts for forms). */
const demoFile = z
  .string()
  .regex(/^[a-z0-9-]+\.(?:pdf|doc|docx|odt)$/, 'a file name in files/: lowercase, .pdf/.doc/.docx/.odt');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by hyphens');

/** A body block: a paragraph as a plain string, or a heading, list or quote. */
export const BodyBlockSchema = z.union([
  z.string().min(1),
  z.object({ heading: z.string().min(1) }).strict(),
  z.object({ list: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ quote: z.string().min(1) }).strict(),
]);
export type BodyBlock = z.infer<typeof BodyBlockSchema>;

export const DemoCategorySchema = z
  .object({
    slug,
    name: z.string().min(1).max(150),
    description: z.string().max(500),
    position: z.number().int(),
  })
  .strict();
export type DemoCategory = z.infer<typeof DemoCategorySchema>;

export const DemoArticleSchema = z
  .object({
    slug,
    title: z.string().min(1).max(300),
    lead: z.string().min(1).max(1000),
    body: z.array(BodyBlockSchema).min(1),
    category: slug,
    author: z.string().min(1).max(150),
    source: z.string().min(1).max(150),
    /** ISO 8601 with offset, e.g. 2026-11-18T08:30:00+07:00 */
    postedAt: z.iso.datetime({ offset: true }),
    featured: z.boolean(),
    /** Numbers of demo legal documents and codes of demo procedures the article links to. */
    relatedDocuments: z.array(z.string().min(1)).optional(),
    relatedProcedures: z.array(z.string().min(1)).optional(),
    cover: z
      .object({
        caption: z.string().min(1).max(300),
        alt: z.string().min(1).max(300),
        art: CoverArtSchema,
      })
      .strict(),
  })
  .strict();
export type DemoArticle = z.infer<typeof DemoArticleSchema>;

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Agency codes as they appear in document numbers (UBND, HĐND, SKHCN…). */
const agencyCode = z.string().regex(/^[A-ZĐ]+$/u, 'agency code must be upper-case letters');

export const DemoSiteSettingsSchema = z
  .object({
    portalName: text(200),
    portalNameEn: text(200),
    ownerAgency: text(200),
    ownerAgencyEn: text(200),
    licenceLine: text(300),
    licenceLineEn: text(300),
    editorInChief: text(200),
    editorInChiefEn: text(200),
    address: text(300),
    addressEn: text(300),
    phone: text(50),
    email: z.email(),
    emcSiteId: text(100),
    questionAnswerDays: z.number().int().min(1).max(90),
  })
  .strict();

export const DemoFieldSchema = z
  .object({ slug, name: text(200), nameEn: text(200), code: text(50), position: z.number().int() })
  .strict();

const AgencyTextSchema = z
  .object({ name: text(250), address: text(300), headName: text(150), headTitle: text(150), description: text(2000) })
  .strict();

export const DemoAgencySchema = z
  .object({
    code: agencyCode,
    parent: agencyCode.optional(),
    position: z.number().int(),
    phone: text(50),
    email: z.email(),
    website: z.url({ protocol: /^https$/ }).optional(),
    vi: AgencyTextSchema,
    en: AgencyTextSchema,
  })
  .strict();
export type DemoAgency = z.infer<typeof DemoAgencySchema>;

/**
 * The values of the legal-document `documentType` and the legal.document-relation `type` enumerations that the
 * demo uses (a subset: this file loads without the CMS modules; the CMS validation checks the rest on write).
 */
const DOCUMENT_TYPE_KEYS = [
  'nghi_quyet',
  'quyet_dinh',
  'chi_thi',
  'ke_hoach',
  'thong_bao',
  'huong_dan',
  'cong_van',
] as const;
const RELATION_TYPE_KEYS = ['thay_the', 'sua_doi_bo_sung', 'bai_bo', 'bai_bo_mot_phan', 'huong_dan', 'can_cu'] as const;

export const DemoLegalDocumentSchema = z
  .object({
    /** Canonical số ký hiệu; other files refer to the document by it. */
    documentNumber: text(100),
    documentType: z.enum(DOCUMENT_TYPE_KEYS),
    issuingAgency: agencyCode,
    signer: text(150),
    signerTitle: text(150),
    fields: z.array(slug).min(1),
    issueDate: isoDate,
    effectiveDate: isoDate.optional(),
    expiryDate: isoDate.optional(),
    abstract: text(1000),
    body: z.array(BodyBlockSchema).min(1),
    relations: z
      .array(z.object({ type: z.enum(RELATION_TYPE_KEYS), target: text(100), note: text(300).optional() }).strict())
      .optional(),
  })
  .strict();
export type DemoLegalDocument = z.infer<typeof DemoLegalDocumentSchema>;

export const DemoProcedureSchema = z
  .object({
    code: z.string().regex(/^[1-9]\.\d{6}(?:\.(?:\d{3}\.\d{2}\.\d{2}\.)?H\d{2})?$/, 'procedure code like 1.000948'),
    name: text(500),
    decisionNumber: text(100).optional(),
    level: z.enum(['tinh', 'xa']),
    procedureType: text(200),
    fields: z.array(slug).min(1),
    steps: z
      .array(z.object({ title: text(300), description: text(5000) }).strict())
      .min(3)
      .max(5),
    methods: z
      .array(
        z
          .object({
            channel: z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']),
            duration: text(300),
            fee: text(500),
            description: text(2000).optional(),
          })
          .strict(),
      )
      .min(1),
    dossier: z
      .array(
        z
          .object({
            name: text(500),
            originals: z.number().int().min(0),
            copies: z.number().int().min(0),
            /** A file in the demo content's files/ folder: the form (mẫu đơn, tờ khai) to download. */
            form: demoFile.optional(),
          })
          .strict(),
      )
      .min(1),
    subjects: text(2000),
    /** Omitted for commune-level procedures: the commune's People's Committee is not in the directory. */
    implementingAgency: agencyCode.optional(),
    competentAgency: agencyCode.optional(),
    receivingAddress: text(1000),
    result: text(2000),
    legalBasis: z.array(text(100)).min(1),
    requirements: text(5000),
    serviceLevel: z.enum(['toan_trinh', 'mot_phan']),
    onlineUrl: z.url({ protocol: /^https$/ }),
    keywords: text(500),
  })
  .strict();
export type DemoProcedure = z.infer<typeof DemoProcedureSchema>;

export const DemoCalendarEntrySchema = z
  .object({
    date: isoDate,
    session: z.enum(['sang', 'chieu', 'toi']),
    time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:mm'),
    content: text(2000),
    venue: text(300),
    leaders: text(500),
    attendees: text(2000),
    preparedBy: text(300),
    revision: z.number().int().min(0),
  })
  .strict();

const PageTextSchema = z
  .object({ title: text(300), slug, summary: text(1000), body: z.array(BodyBlockSchema).min(1) })
  .strict();
export const DemoPageSchema = z
  .object({
    kind: z.enum(['gioi_thieu', 'co_cau_to_chuc', 'lien_he', 'tiep_can_thong_tin']),
    position: z.number().int(),
    /** Files in the demo content's files/ folder, offered for download under the page (both languages). */
    attachments: z.array(demoFile).optional(),
    vi: PageTextSchema,
    en: PageTextSchema,
  })
  .strict();

export const DemoBannerLinkSchema = z
  .object({ title: text(200), url: z.url({ protocol: /^https$/ }), position: z.number().int() })
  .strict();

/**
 * A draft put out for comment. Its period is given in days from the day the demo is loaded (opening at
 * 08:00, closing at 17:00, Vietnam time), so a fresh install always shows one open and one closed draft.
 */
export const DemoConsultationSchema = z
  .object({
    title: text(300),
    slug,
    summary: text(3000),
    draftingAgency: agencyCode,
    field: slug,
    draftFiles: z.array(demoFile).min(1),
    opensInDays: z.number().int().min(-365).max(365),
    closesInDays: z.number().int().min(-365).max(365),
    /** The board's report on the comments received (only for a closed draft). */
    report: z.array(BodyBlockSchema).min(1).optional(),
  })
  .strict()
  .refine((c) => c.closesInDays > c.opensInDays, {
    message: 'closesInDays must be after opensInDays',
    path: ['closesInDays'],
  })
  .refine((c) => !c.report || c.closesInDays < 0, { message: 'only a closed draft has a report', path: ['report'] });
export type DemoConsultation = z.infer<typeof DemoConsultationSchema>;

/** Each part of the demo content and the file it is read from. */
export const DEMO_FILES = {
  siteSettings: 'site-settings.json',
  fields: 'fields.json',
  agencies: 'agencies.json',
  categories: 'categories.json',
  legalDocuments: 'legal-documents.json',
  procedures: 'procedures.json',
  articles: 'articles.json',
  calendar: 'calendar.json',
  pages: 'pages.json',
  bannerLinks: 'banner-links.json',
  consultations: 'consultations.json',
} as const;

const DemoFilesSchema = z
  .object({
    siteSettings: DemoSiteSettingsSchema,
    fields: z.array(DemoFieldSchema).min(1),
    agencies: z.array(DemoAgencySchema).min(1),
    categories: z.array(DemoCategorySchema).min(1),
    legalDocuments: z.array(DemoLegalDocumentSchema).min(1),
    procedures: z.array(DemoProcedureSchema).min(1),
    articles: z.array(DemoArticleSchema).min(1),
    calendar: z.array(DemoCalendarEntrySchema).min(1),
    pages: z.array(DemoPageSchema).min(1),
    bannerLinks: z.array(DemoBannerLinkSchema).min(1),
    consultations: z.array(DemoConsultationSchema).min(1),
  })
  .strict();

type Issue = { path: Array<string | number>; message: string };

/** Reports values of `key` that occur twice in `items`, and returns the set of all values. */
function uniqueKeys<T>(items: T[], key: (item: T) => string, at: (index: number) => Issue['path'], issues: Issue[]) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) issues.push({ path: at(index), message: `duplicate "${value}"` });
    seen.add(value);
  });
  return seen;
}

/** Every slug, code and document number one file uses must be defined (once) by another. */
function referenceIssues(content: z.infer<typeof DemoFilesSchema>): Issue[] {
  const issues: Issue[] = [];
  const fields = uniqueKeys(
    content.fields,
    (f) => f.slug,
    (i) => ['fields', i, 'slug'],
    issues,
  );
  const agencies = uniqueKeys(
    content.agencies,
    (a) => a.code,
    (i) => ['agencies', i, 'code'],
    issues,
  );
  const categories = uniqueKeys(
    content.categories,
    (c) => c.slug,
    (i) => ['categories', i, 'slug'],
    issues,
  );
  const documents = uniqueKeys(
    content.legalDocuments,
    (d) => d.documentNumber,
    (i) => ['legalDocuments', i, 'documentNumber'],
    issues,
  );
  const procedures = uniqueKeys(
    content.procedures,
    (p) => p.code,
    (i) => ['procedures', i, 'code'],
    issues,
  );
  uniqueKeys(
    content.articles,
    (a) => a.slug,
    (i) => ['articles', i, 'slug'],
    issues,
  );
  uniqueKeys(
    content.pages,
    (p) => p.kind,
    (i) => ['pages', i, 'kind'],
    issues,
  );

  const check = (known: Set<string>, what: string, value: string | undefined, at: Issue['path']) => {
    if (value !== undefined && !known.has(value)) issues.push({ path: at, message: `unknown ${what} "${value}"` });
  };
  content.agencies.forEach((a, i) => check(agencies, 'agency code', a.parent, ['agencies', i, 'parent']));
  content.legalDocuments.forEach((d, i) => {
    check(agencies, 'agency code', d.issuingAgency, ['legalDocuments', i, 'issuingAgency']);
    d.fields.forEach((f, j) => check(fields, 'field slug', f, ['legalDocuments', i, 'fields', j]));
    d.relations?.forEach((r, j) => {
      check(documents, 'document number', r.target, ['legalDocuments', i, 'relations', j, 'target']);
      if (r.target === d.documentNumber) {
        issues.push({
          path: ['legalDocuments', i, 'relations', j, 'target'],
          message: 'a document cannot relate to itself',
        });
      }
    });
  });
  content.procedures.forEach((p, i) => {
    check(agencies, 'agency code', p.implementingAgency, ['procedures', i, 'implementingAgency']);
    check(agencies, 'agency code', p.competentAgency, ['procedures', i, 'competentAgency']);
    p.fields.forEach((f, j) => check(fields, 'field slug', f, ['procedures', i, 'fields', j]));
    p.legalBasis.forEach((n, j) => check(documents, 'document number', n, ['procedures', i, 'legalBasis', j]));
  });
  content.articles.forEach((a, i) => {
    check(categories, 'category', a.category, ['articles', i, 'category']);
    a.relatedDocuments?.forEach((n, j) =>
      check(documents, 'document number', n, ['articles', i, 'relatedDocuments', j]),
    );
    a.relatedProcedures?.forEach((c, j) =>
      check(procedures, 'procedure code', c, ['articles', i, 'relatedProcedures', j]),
    );
  });
  uniqueKeys(
    content.consultations,
    (c) => c.slug,
    (i) => ['consultations', i, 'slug'],
    issues,
  );
  content.consultations.forEach((c, i) => {
    check(agencies, 'agency code', c.draftingAgency, ['consultations', i, 'draftingAgency']);
    check(fields, 'field slug', c.field, ['consultations', i, 'field']);
  });
  return issues;
}

export const DemoContentSchema = DemoFilesSchema.superRefine((content, ctx) => {
  for (const issue of referenceIssues(content)) ctx.addIssue({ code: 'custom', ...issue });
});
export type DemoContent = z.infer<typeof DemoContentSchema>;

/** "legal-documents.json: 3.relations.0.target: unknown document number …" for each problem, or none. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [part, ...rest] = issue.path;
    const file = DEMO_FILES[part as keyof typeof DEMO_FILES] ?? String(part);
    return `${file}: ${rest.length > 0 ? rest.join('.') : '(top level)'}: ${issue.message}`;
  });
}

/** Validates the parsed files (by part name) and throws one message listing every problem. */
export function parseDemoContent(files: Record<string, unknown>, dir = 'demo content'): DemoContent {
  const parsed = DemoContentSchema.safeParse(files);
  if (!parsed.success)
    throw new Error(`Demo content in ${dir} is invalid:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** Reads and validates the demo content files; throws a message naming the file and path at fault. */
export async function loadDemoContent(dir: string): Promise<DemoContent> {
  const files: Record<string, unknown> = {};
  for (const [part, file] of Object.entries(DEMO_FILES)) {
    const full = path.resolve(dir, file);
    try {
      files[part] = JSON.parse(await readFile(full, 'utf8'));
    } catch (error) {
      throw new Error(`Demo content: cannot read ${full}: ${errorMessage(error)}`, { cause: error });
    }
  }
  return parseDemoContent(files, dir);
}
