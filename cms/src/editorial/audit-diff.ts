/**
 * What changed between two stored versions of an entry, for the audit trail. Pure, so it is tested
 * directly. Bookkeeping fields change on every write and say nothing an auditor needs.
 */
export const NOISY_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

export type Changes = Record<string, { before: unknown; after: unknown }>;
type Row = Record<string, unknown> | null | undefined;

/** Dates may come back as Date objects or ISO strings depending on the database driver. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

/** What the trail shows instead of a personal-data value: that it changed, never what it was or became. */
export const REDACTED = '[dữ liệu cá nhân]';

/**
 * `personal` fields (a citizen's name, e-mail, phone…) are recorded as changed with both values redacted:
 * the trail says who touched them and when, and is not a second copy of the data.
 */
export function diffFields(
  before: Row,
  after: Row,
  fields: readonly string[],
  personal: ReadonlySet<string> = new Set(),
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (NOISY_FIELDS.has(field)) continue;
    const was = comparable(before?.[field]);
    const now = comparable(after?.[field]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[field] = personal.has(field)
      ? { before: was === null ? null : REDACTED, after: now === null ? null : REDACTED }
      : { before: was, after: now };
  }
  return changes;
}

/** A human label for the entry: its number, title or name, in that order. */
export function entryTitle(row: Row): string | null {
  for (const field of ['documentNumber', 'title', 'name', 'code', 'content']) {
    const value = row?.[field];
    if (typeof value === 'string' && value.trim()) return value.slice(0, 300);
  }
  return null;
}
