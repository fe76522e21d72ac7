/**
 * Legal documents (văn bản) as the site shows them: the CMS's labels for its enumerations
 * (@portal/cms/model), file sizes, the relations between documents read from both sides, and the
 * procedures that cite a document.
 */

import { DOCUMENT_TYPE_LABELS } from '@portal/cms/model/document-types';
import { RELATION_TYPES } from '@portal/cms/model/relations';
import { VALIDITY_LABELS_VI as VALIDITY_LABELS } from '@portal/cms/model/validity';
import type { DocumentRefFragment } from '../graphql/generated/graphql.ts';

export { DOCUMENT_TYPE_LABELS, VALIDITY_LABELS };

/** Relations as their source records them (active) and as their target reads them (passive). */
export const RELATION_LABELS: Readonly<Record<string, { active: string; passive: string }>> = Object.fromEntries(
  RELATION_TYPES.map((type) => [type.key, { active: type.active.vi, passive: type.passive.vi }]),
);

const label = (table: Readonly<Record<string, string>>, key: string, what: string): string => {
  const found = table[key];
  if (found === undefined) throw new RangeError(`No Vietnamese label for ${what} "${key}"`);
  return found;
};

export const documentTypeLabel = (key: string): string => label(DOCUMENT_TYPE_LABELS, key, 'document type');
export const validityLabel = (key: string): string => label(VALIDITY_LABELS, key, 'validity status');

/** Enumeration values as URL segments: "quyet_dinh" ↔ "quyet-dinh". */
export const enumSlug = (key: string): string => key.replaceAll('_', '-');

/**
 * Strapi stores an upload's size in kB (decimal, two decimals). Shown as Vietnamese readers write
 * numbers: "850 KB", "1,2 MB" (decimal comma).
 */
export function formatFileSize(sizeKb: number): string {
  if (!Number.isFinite(sizeKb) || sizeKb < 0) throw new RangeError(`Not a file size: ${sizeKb}`);
  if (sizeKb < 1) return `${Math.max(1, Math.round(sizeKb * 1000))} byte`;
  if (sizeKb < 1000) return `${Math.round(sizeKb)} KB`;
  const mb = sizeKb / 1000;
  return `${(mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)).toString().replace('.', ',')} MB`;
}

/** "PDF", "DOCX": the file type as a reader names it, from the extension (or the MIME type). */
export function fileTypeLabel(ext: string | null | undefined, mime: string): string {
  const fromExt = ext?.replace(/^\./, '').trim();
  if (fromExt) return fromExt.toUpperCase();
  return (mime.split('/')[1] ?? mime).toUpperCase();
}

/** "Quyết định số 12/2026/QĐ-UBND": how a document is named in a sentence or a link. */
export const documentName = (document: { documentType: string; documentNumber: string }): string =>
  `${documentTypeLabel(document.documentType)} số ${document.documentNumber}`;

/** How one document points at another (the DocumentRef fragment), its slug checked. */
export type DocumentRef = Omit<DocumentRefFragment, 'slug'> & { slug: string };

export interface RelationRow {
  /** Label as this document reads it: "Thay thế" on the new one, "Bị thay thế bởi" on the old one. */
  label: string;
  other: DocumentRef;
  note?: string | null;
}

export interface RecordedRelation {
  source: DocumentRef;
  type: string;
  targetId: string;
  note?: string | null;
}

/**
 * A document's relations, both ways: what it records (active labels) and what other published
 * documents record about it (passive labels). Relations to documents not in `published` are left
 * out: a link to an unpublished document would be a dead link, or worse, reveal a draft.
 */
export function relationsOf(
  document: DocumentRef,
  recorded: readonly RecordedRelation[],
  published: ReadonlyMap<string, DocumentRef>,
): RelationRow[] {
  const rows: RelationRow[] = [];
  for (const relation of recorded) {
    const labels = RELATION_LABELS[relation.type];
    if (!labels) throw new RangeError(`No Vietnamese label for relation "${relation.type}"`);
    if (relation.source.documentId === document.documentId) {
      const other = published.get(relation.targetId);
      if (other) rows.push({ label: labels.active, other, note: relation.note ?? null });
    } else if (relation.targetId === document.documentId && published.has(relation.source.documentId)) {
      rows.push({ label: labels.passive, other: relation.source, note: relation.note ?? null });
    }
  }
  return rows;
}

/** A calendar date as stored (YYYY-MM-DD, no time zone to convert) as Vietnamese readers write it: 20/03/2026. */
export function formatIsoDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: "${isoDate}"`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}
