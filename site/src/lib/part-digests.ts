/**
 * Digests of the large parts of an entry (an article's or a document's body, a procedure's steps),
 * computed once when the entry is read and kept with the content snapshot, so that a page's cache key
 * (page-keys.ts) does not serialise and hash every body of the site again on every publish build: at
 * 50k entries that was ~2 s of a build that renders a few dozen pages. An entry a delta read carries
 * over from the kept snapshot is the same object with the same parts, so its kept digests still hold;
 * an entry read again is a new object and gets new digests (content-snapshot.ts).
 *
 * A digest stands for its part by object identity (a WeakMap): the joined entries the pages use
 * (`{ ...node, slug }` and the like) share the node's parts, so a key made from them finds the digests.
 * Whole objects derived from an entry (an article as the site joins it, its card, its headline) stand
 * for their digests too (keyAsDigest, keptDerivation): in the publisher's build process they are the
 * same objects from build to build while their entry is unchanged, so keys serialise only what changed.
 */
import { createHash } from 'node:crypto';
import { freezeDeep, keptWeakMap } from './build-memory.ts';

/** A part serialised to at least this many characters gets a digest; smaller ones are hashed in place. */
export const DIGEST_MIN_LENGTH = 512;

/** A field's digest, by field name: what the snapshot keeps for one entry. */
export type PartDigests = Record<string, string>;

/** Marked by keyAsDigest, its digest not made yet. */
const PENDING = Symbol('digest pending');
/**
 * What stands for an object in keys: a part's digest, or PENDING for a whole object keyAsDigest marked.
 * Kept across the builds of the publisher's build process, like the snapshot's parts and the objects
 * derived from them (keptDerivation) that it holds.
 */
const known = keptWeakMap<object, string | typeof PENDING>('part-digests', import.meta.url);
/** The object whose own digest is being made (it is serialised, not replaced by itself). */
let digesting: object | undefined;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The digests of an entry's large object-valued fields. */
export function digestParts(entry: Readonly<Record<string, unknown>>): PartDigests {
  const digests: PartDigests = {};
  for (const [field, value] of Object.entries(entry)) {
    if (typeof value !== 'object' || value === null) continue;
    const text = JSON.stringify(value);
    if (text.length >= DIGEST_MIN_LENGTH) digests[field] = sha256(text);
  }
  return digests;
}

/** Makes the entry's parts stand for their digests in cache keys (keyReplacer) from now on. */
export function rememberParts(entry: Readonly<Record<string, unknown>>, digests: Readonly<PartDigests>): void {
  for (const [field, digest] of Object.entries(digests)) {
    const value = entry[field];
    if (typeof value === 'object' && value !== null) known.set(value, digest);
  }
}

/** Well-formed kept digests: one record of strings per entry. */
export function isPartDigestsList(value: unknown, length: number): value is PartDigests[] {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every(
      (digests) =>
        typeof digests === 'object' &&
        digests !== null &&
        Object.values(digests as object).every((digest) => typeof digest === 'string'),
    )
  );
}

/**
 * Has `value` stand for its digest in cache keys as a whole, made when a key first meets it: a key that
 * holds it (a list page's twenty articles, an article's neighbours) then serialises a digest instead of its
 * fields, once per object rather than once per page and build. `value` is frozen here, through (a digest
 * made once must go on describing it, so nothing in it may change afterwards).
 */
export function keyAsDigest<T extends object>(value: T): T {
  freezeDeep(value);
  if (!known.has(value)) known.set(value, PENDING);
  return value;
}

/**
 * `derive`, computed once per source object, its result standing for its digest in keys (keyAsDigest).
 * In the publisher's build process the results are kept from build to build (keptWeakMap): an unchanged
 * entry of the kept snapshot is the same object in the next build, which then neither derives it again
 * nor serialises it for its pages' keys. `derive` must be a function of its source alone; `version` is
 * the calling module's import.meta.url.
 */
export function keptDerivation<S extends object, R extends object>(
  name: string,
  version: string,
  derive: (source: S) => R,
): (source: S) => R {
  const results = keptWeakMap<S, R>(name, version);
  return (source) => {
    let result = results.get(source);
    if (result === undefined) {
      result = keyAsDigest(derive(source));
      results.set(source, result);
    }
    return result;
  };
}

/** For JSON.stringify: a remembered part or marked object is written as its digest, anything else as it is. */
export function keyReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value === digesting) return value;
  let digest = known.get(value);
  if (digest === undefined) return value;
  if (digest === PENDING) {
    const outer = digesting;
    digesting = value;
    try {
      digest = sha256(JSON.stringify(value, keyReplacer));
    } finally {
      digesting = outer;
    }
    known.set(value, digest);
  }
  return { '#sha256': digest };
}
