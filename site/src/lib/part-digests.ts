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
 */
import { createHash } from 'node:crypto';
import { forgetAfterBuild } from './build-memory.ts';

/** A part serialised to at least this many characters gets a digest; smaller ones are hashed in place. */
export const DIGEST_MIN_LENGTH = 512;

/** A field's digest, by field name: what the snapshot keeps for one entry. */
export type PartDigests = Record<string, string>;

let known = new WeakMap<object, string>();
// Its keys (the kept snapshot's parts) outlive the build in the publisher's build process.
forgetAfterBuild(() => (known = new WeakMap()));

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

/** For JSON.stringify: a remembered part is written as its digest, anything else as it is. */
export function keyReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const digest = known.get(value);
  return digest === undefined ? value : { '#sha256': digest };
}
