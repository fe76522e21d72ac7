/**
 * Published legal documents and procedures, from the build's one content snapshot, joined both ways:
 * a document page shows what other documents say about it ("Bị thay thế bởi …") and the procedures
 * that cite it, and a procedure page links its legal basis. Joining the whole published set once is
 * simpler and cheaper than a reverse query per page: every page of a build needs the same joins.
 */
import { z } from 'zod';
import type { AgencyRefFragment, AttachmentFileFragment } from '../graphql/generated/graphql.ts';
import { ContentError } from './articles.ts';
import { contentSnapshot, type DocumentNode, type ProcedureNode } from './content-snapshot.ts';
import { relationsOf, type DocumentRef, type RecordedRelation, type RelationRow } from './documents.ts';
import { documentListPages, procedureListPages } from './legal-lists.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by "-"');
const IsoDate = z.iso.date();

/** A linked name (agency, field) whose slug has been checked: it makes a facet URL. */
export type Named = Omit<AgencyRefFragment, 'slug'> & { slug: string };
/** An uploaded file as the pages show it (the AttachmentFile fragment). */
export type Attachment = AttachmentFileFragment;
export type ProcedureRef = Pick<ProcedureEntry, 'documentId' | 'slug' | 'code' | 'name'>;
/** A validity change, its cause resolved to a published document (null when unpublished or none). */
export type ValidityChange = Omit<NonNullable<NonNullable<DocumentNode['validityChanges']>[number]>, 'cause'> & {
  cause: DocumentRef | null;
};

/**
 * A document as pages use it: the query's node (so a field added to the query reaches the pages
 * typed), with links checked and the joins done: relations both ways, history, citing procedures.
 */
export type DocumentEntry = Omit<
  DocumentNode,
  'slug' | 'issuingAgency' | 'fields' | 'attachments' | 'relations' | 'validityChanges'
> & {
  slug: string;
  agency: Named | null;
  fields: Named[];
  attachments: Attachment[];
  relations: RelationRow[];
  history: ValidityChange[];
  procedures: ProcedureRef[];
};

export type ProcedureEntry = Omit<
  ProcedureNode,
  'slug' | 'fields' | 'implementingAgency' | 'competentAgency' | 'coordinatingAgencies' | 'legalBasis'
> & {
  slug: string;
  fields: Named[];
  implementingAgency: Named | null;
  competentAgency: Named | null;
  coordinatingAgencies: Named[];
  legalBasis: DocumentRef[];
};

export interface LegalContent {
  /** Newest issue date first. */
  documents: DocumentEntry[];
  /** By name, in Vietnamese order. */
  procedures: ProcedureEntry[];
  documentBySlug: ReadonlyMap<string, DocumentEntry>;
  procedureBySlug: ReadonlyMap<string, ProcedureEntry>;
}

const present = <T>(value: T | null | undefined): value is T => value != null;

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ContentError(`${what} cannot be published on the site: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Agencies and fields without a slug cannot make a facet URL; they are shown but not linked. */
function named(value: { name: string; slug: string | null } | null | undefined): Named | null {
  return value?.slug && Slug.safeParse(value.slug).success ? { name: value.name, slug: value.slug } : null;
}

async function load(): Promise<LegalContent> {
  const { documents, procedures } = await contentSnapshot();
  return joinLegalContent(documents, procedures);
}

/** The join itself, without I/O (exported for the tests). */
export function joinLegalContent(documentNodes: DocumentNode[], procedureNodes: ProcedureNode[]): LegalContent {
  const refs = new Map<string, DocumentRef>();
  for (const node of documentNodes) {
    const what = `Document ${node.documentId} ("${node.documentNumber}")`;
    checked(IsoDate, node.issueDate, `${what}: issueDate`);
    refs.set(node.documentId, {
      documentId: node.documentId,
      slug: checked(Slug, node.slug, `${what}: slug`),
      documentNumber: node.documentNumber,
      documentType: node.documentType,
      abstract: node.abstract,
    });
  }
  const recorded: RecordedRelation[] = documentNodes.flatMap((node) =>
    (node.relations ?? []).filter(present).flatMap((relation) => {
      const source = refs.get(node.documentId);
      return source && relation.target
        ? [{ source, type: relation.type, targetId: relation.target.documentId, note: relation.note }]
        : [];
    }),
  );

  const procedures: ProcedureEntry[] = procedureNodes.map((node) => ({
    ...node,
    slug: checked(Slug, node.slug, `Procedure ${node.documentId} ("${node.name}"): slug`),
    fields: node.fields.map(named).filter(present),
    implementingAgency: named(node.implementingAgency),
    competentAgency: named(node.competentAgency),
    coordinatingAgencies: node.coordinatingAgencies.map(named).filter(present),
    legalBasis: node.legalBasis
      .filter(present)
      .map((basis) => refs.get(basis.documentId))
      .filter(present),
  }));
  procedures.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.code.localeCompare(b.code));

  const citing = new Map<string, ProcedureRef[]>();
  for (const procedure of procedures) {
    for (const basis of procedure.legalBasis) {
      const list = citing.get(basis.documentId) ?? [];
      list.push({ documentId: procedure.documentId, slug: procedure.slug, code: procedure.code, name: procedure.name });
      citing.set(basis.documentId, list);
    }
  }

  const documents: DocumentEntry[] = documentNodes.map((node) => {
    const ref = refs.get(node.documentId) as DocumentRef;
    const { issuingAgency, fields, attachments, relations: _relations, validityChanges, ...rest } = node;
    return {
      ...rest,
      ...ref,
      agency: named(issuingAgency),
      fields: fields.map(named).filter(present),
      attachments: attachments.filter(present),
      relations: relationsOf(ref, recorded, refs),
      history: (validityChanges ?? []).filter(present).map((change) => ({
        ...change,
        cause: change.cause ? (refs.get(change.cause.documentId) ?? null) : null,
      })),
      procedures: citing.get(node.documentId) ?? [],
    };
  });
  documents.sort(
    (a, b) => b.issueDate.localeCompare(a.issueDate) || a.documentNumber.localeCompare(b.documentNumber, 'vi'),
  );

  return {
    documents,
    procedures,
    documentBySlug: new Map(documents.map((d) => [d.slug, d])),
    procedureBySlug: new Map(procedures.map((p) => [p.slug, p])),
  };
}

/** The most recently published procedures (the home page's "new procedures"). */
export function newestProcedures(procedures: readonly ProcedureEntry[], count: number): ProcedureEntry[] {
  return [...procedures]
    .sort(
      (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.documentId.localeCompare(b.documentId),
    )
    .slice(0, count);
}

let cached: Promise<LegalContent> | undefined;
forgetAfterBuild(() => (cached = undefined));
/** Read once per build: every documents and procedures page uses the same joined set. */
export function legalContent(): Promise<LegalContent> {
  cached ??= load();
  return cached;
}

/** The rich-text body of one document (from the snapshot: the export carries it). */
export async function documentBody(slug: string): Promise<unknown> {
  return (await legalContent()).documentBySlug.get(slug)?.body ?? null;
}

/**
 * Paths of the documents section for the sitemap: every published document page, then the finder's
 * list and facet pages (the same set the page files build).
 */
export async function documentUrls(): Promise<string[]> {
  const { documents } = await legalContent();
  return [...documents.map((d) => routes.document(d.slug)), ...documentListPages(documents).map((list) => list.url)];
}

/** Paths of the procedures section for the sitemap: every published procedure page, then the list pages. */
export async function procedureUrls(): Promise<string[]> {
  const { procedures } = await legalContent();
  return [
    ...procedures.map((p) => routes.procedure(p.slug)),
    ...procedureListPages(procedures).map((list) => list.url),
  ];
}
