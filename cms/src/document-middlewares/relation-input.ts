/**
 * Strapi accepts a relation in several shapes (an id, a documentId, `{ documentId }`, `{ connect, set }`,
 * arrays of these). Validation needs the targets whatever the shape; pure so it is tested directly.
 */
export type RelationRef = string | number;

export function relationRefs(value: unknown): RelationRef[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => relationRefs(item) ?? []);
  if (typeof value === 'object') {
    const [documentId, id, set, connect] = (['documentId', 'id', 'set', 'connect'] as const).map((key) =>
      fieldOf(value, key),
    );
    if (typeof documentId === 'string') return [documentId];
    if (typeof id === 'number' || typeof id === 'string') return [id];
    // `set` replaces everything; `connect` adds (the caller merges with what is stored).
    if (set !== undefined) return relationRefs(set) ?? [];
    if (connect !== undefined) return relationRefs(connect) ?? [];
    return [];
  }
  return [];
}

/** Whether a value that came in as JSON is an object with named fields (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One property of a value that came in as JSON, or undefined when it is not an object or lacks it. */
export function fieldOf(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

/** A field sent where text belongs, as text: '' when empty; an object or array stays visible as its JSON. */
export function inputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
