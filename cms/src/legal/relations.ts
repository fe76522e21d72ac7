/**
 * Typed relations between documents, each an active/passive pair: A "Thay thế" B, so B "Bị thay thế bởi" A.
 * An editor records the relation on one side; the other side shows the passive label and, for thay thế, bãi bỏ
 * and sửa đổi, its validity changes. Pure data and functions, so tests load this file directly.
 */
import type { ValidityStatus } from './validity';

/** What a relation does to the validity of the document it acts on. */
export type ValidityEffect = Extract<ValidityStatus, 'het_hieu_luc_toan_bo' | 'het_hieu_luc_mot_phan'> | null;

export interface RelationType {
  /** Enumeration value of `type` in the legal.document-relation component: the relation as its source sees it. */
  readonly key: string;
  /** The same relation as its target sees it. */
  readonly inverseKey: string;
  readonly active: { readonly vi: string; readonly en: string };
  readonly passive: { readonly vi: string; readonly en: string };
  /** Effect on the target (the document replaced, repealed, amended). */
  readonly validityEffect: ValidityEffect;
}

export const RELATION_TYPES = [
  {
    key: 'thay_the',
    inverseKey: 'bi_thay_the',
    active: { vi: 'Thay thế', en: 'Replaces' },
    passive: { vi: 'Bị thay thế bởi', en: 'Replaced by' },
    validityEffect: 'het_hieu_luc_toan_bo',
  },
  {
    key: 'sua_doi_bo_sung',
    inverseKey: 'duoc_sua_doi_bo_sung',
    active: { vi: 'Sửa đổi, bổ sung', en: 'Amends' },
    passive: { vi: 'Được sửa đổi, bổ sung bởi', en: 'Amended by' },
    validityEffect: 'het_hieu_luc_mot_phan',
  },
  {
    key: 'bai_bo',
    inverseKey: 'bi_bai_bo',
    active: { vi: 'Bãi bỏ', en: 'Repeals' },
    passive: { vi: 'Bị bãi bỏ bởi', en: 'Repealed by' },
    validityEffect: 'het_hieu_luc_toan_bo',
  },
  {
    key: 'bai_bo_mot_phan',
    inverseKey: 'bi_bai_bo_mot_phan',
    active: { vi: 'Bãi bỏ một phần', en: 'Partly repeals' },
    passive: { vi: 'Bị bãi bỏ một phần bởi', en: 'Partly repealed by' },
    validityEffect: 'het_hieu_luc_mot_phan',
  },
  {
    key: 'huong_dan',
    inverseKey: 'duoc_huong_dan',
    active: { vi: 'Hướng dẫn', en: 'Guides' },
    passive: { vi: 'Được hướng dẫn bởi', en: 'Guided by' },
    validityEffect: null,
  },
  {
    key: 'quy_dinh_chi_tiet',
    inverseKey: 'duoc_quy_dinh_chi_tiet',
    active: { vi: 'Quy định chi tiết', en: 'Details' },
    passive: { vi: 'Được quy định chi tiết bởi', en: 'Detailed by' },
    validityEffect: null,
  },
  {
    // The source is issued on the basis of the target ("Căn cứ Luật …" in its preamble).
    key: 'can_cu',
    inverseKey: 'la_can_cu',
    active: { vi: 'Căn cứ ban hành', en: 'Issued on the basis of' },
    passive: { vi: 'Là căn cứ ban hành của', en: 'Basis for' },
    validityEffect: null,
  },
  {
    key: 'dinh_chinh',
    inverseKey: 'duoc_dinh_chinh',
    active: { vi: 'Đính chính', en: 'Corrects' },
    passive: { vi: 'Được đính chính bởi', en: 'Corrected by' },
    validityEffect: null,
  },
  {
    key: 'dan_chieu',
    inverseKey: 'duoc_dan_chieu',
    active: { vi: 'Dẫn chiếu', en: 'Refers to' },
    passive: { vi: 'Được dẫn chiếu bởi', en: 'Referred to by' },
    validityEffect: null,
  },
] as const satisfies readonly RelationType[];

type RelationEntry = (typeof RELATION_TYPES)[number];
/** A relation as its source records it. */
export type RelationTypeKey = RelationEntry['key'];
/** The same relation read from its target. */
export type InverseRelationKey = RelationEntry['inverseKey'];
export type RelationKey = RelationTypeKey | InverseRelationKey;
export type RelationDirection = 'active' | 'passive';
export type Locale = 'vi' | 'en';

function findPair(key: string): { entry: RelationEntry; direction: RelationDirection } | undefined {
  for (const entry of RELATION_TYPES) {
    if (entry.key === key) return { entry, direction: 'active' };
    if (entry.inverseKey === key) return { entry, direction: 'passive' };
  }
  return undefined;
}

export function isRelationKey(key: string): key is RelationKey {
  return findPair(key) !== undefined;
}

/**
 * The label of the pair that `key` belongs to, read in `direction`: relationLabel('thay_the', 'passive', 'vi')
 * and relationLabel('bi_thay_the', 'passive', 'vi') are both "Bị thay thế bởi".
 */
export function relationLabel(key: RelationKey, direction: RelationDirection, locale: Locale): string {
  const pair = findPair(key);
  if (!pair) throw new RangeError(`Unknown relation ${JSON.stringify(key)}`);
  return pair.entry[direction][locale];
}

/** The key the other document sees: 'thay_the' ↔ 'bi_thay_the'. */
export function inverseOf(key: RelationKey): RelationKey {
  const pair = findPair(key);
  if (!pair) throw new RangeError(`Unknown relation ${JSON.stringify(key)}`);
  return pair.direction === 'active' ? pair.entry.inverseKey : pair.entry.key;
}

/**
 * What the relation does to the validity of the document acted on: the target of an active key ('thay_the': the
 * replaced document), the holder of a passive key ('bi_thay_the': this document). Null when validity is untouched.
 */
export function validityEffect(key: RelationKey): ValidityEffect {
  const pair = findPair(key);
  if (!pair) throw new RangeError(`Unknown relation ${JSON.stringify(key)}`);
  return pair.entry.validityEffect;
}

export interface RelationInput {
  type: string;
  targetId: string | number | null | undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Vietnamese messages for an editor about a document's relation rows (active or passive keys), empty when valid:
 * unknown type, missing target, relation to itself, the same type and target twice. Ids compare as strings.
 */
export function validateRelations(sourceId: string | number, relations: readonly RelationInput[]): string[] {
  const messages: string[] = [];
  const seen = new Map<string, number>();

  relations.forEach((relation, index) => {
    const row = `Quan hệ văn bản thứ ${index + 1}`;
    const pair = findPair(relation.type);
    if (!pair) {
      messages.push(`${row}: loại quan hệ “${relation.type}” không có trong danh mục.`);
      return;
    }
    const label = pair.entry[pair.direction].vi;
    if (relation.targetId === null || relation.targetId === undefined || String(relation.targetId) === '') {
      messages.push(`${row} (${label}): chưa chọn văn bản liên quan.`);
      return;
    }
    const targetId = String(relation.targetId);
    if (targetId === String(sourceId)) {
      messages.push(`${row}: Văn bản không thể ${lowerFirst(label)} chính nó.`);
      return;
    }
    const signature = `${relation.type}\u0000${targetId}`;
    const first = seen.get(signature);
    if (first !== undefined) {
      messages.push(`${row} trùng với quan hệ thứ ${first + 1}: cùng loại “${label}” và cùng văn bản liên quan.`);
      return;
    }
    seen.set(signature, index);
  });
  return messages;
}
