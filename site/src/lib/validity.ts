/**
 * What a reader must see first on a document: whether it is in force. A document that has expired,
 * partly expired or is not yet in force is announced next to its title with the date and the
 * documents that replaced, repealed or amended it ("Đã bị thay thế bởi …"), so nobody acts on a rule
 * that no longer applies. Pure: fed with the joined entry (relations both ways, validity history).
 */
import { validityLabel, type DocumentRef, type RelationRow } from './documents.ts';

export type ValidityTone = 'in-force' | 'expired' | 'partly-expired' | 'not-yet';

export interface ValidityNotice {
  tone: ValidityTone;
  /** "Hết hiệu lực toàn bộ". */
  label: string;
  /** The date the status took effect (YYYY-MM-DD), when known. */
  since: string | null;
  /** Who made it so: "Đã bị thay thế bởi" → documents. Empty when no published document says. */
  causes: Array<{ label: string; documents: DocumentRef[] }>;
}

const TONES: Readonly<Record<string, ValidityTone>> = {
  con_hieu_luc: 'in-force',
  het_hieu_luc_toan_bo: 'expired',
  het_hieu_luc_mot_phan: 'partly-expired',
  chua_co_hieu_luc: 'not-yet',
};

/**
 * Relations that change a document's validity, as its reader says it (the passive side, recorded by
 * the newer document), in the order they matter.
 */
const CAUSE_LABELS: ReadonlyArray<{ passive: string; sentence: string }> = [
  { passive: 'Bị thay thế bởi', sentence: 'Đã bị thay thế bởi' },
  { passive: 'Bị bãi bỏ bởi', sentence: 'Đã bị bãi bỏ bởi' },
  { passive: 'Bị bãi bỏ một phần bởi', sentence: 'Bị bãi bỏ một phần bởi' },
  { passive: 'Được sửa đổi, bổ sung bởi', sentence: 'Được sửa đổi, bổ sung bởi' },
];

export interface ValidityInput {
  validityStatus: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  relations: readonly RelationRow[];
  history: ReadonlyArray<{ date: string; status: string; cause: DocumentRef | null }>;
}

/** The notice for a document page and list item; null when the CMS records no status. */
export function validityNotice(d: ValidityInput): ValidityNotice | null {
  if (!d.validityStatus) return null;
  const tone = TONES[d.validityStatus];
  if (!tone) throw new RangeError(`No tone for validity status "${d.validityStatus}"`);
  const lastChange = [...d.history].reverse().find((change) => change.status === d.validityStatus);
  const since =
    lastChange?.date ??
    (tone === 'expired' ? d.expiryDate : tone === 'in-force' || tone === 'not-yet' ? d.effectiveDate : null);
  const causes: ValidityNotice['causes'] = [];
  if (tone !== 'in-force' || d.relations.some((r) => r.label === 'Được sửa đổi, bổ sung bởi')) {
    for (const { passive, sentence } of CAUSE_LABELS) {
      const documents = d.relations.filter((r) => r.label === passive).map((r) => r.other);
      if (documents.length) causes.push({ label: sentence, documents });
    }
    // The history may name the cause although no relation was recorded.
    if (causes.length === 0 && lastChange?.cause) causes.push({ label: 'Theo', documents: [lastChange.cause] });
  }
  return { tone, label: validityLabel(d.validityStatus), since, causes };
}
