/**
 * The backup archive: one file, written and read as a stream.
 *
 *   "PORTALBK" · u8 format · u32 header length · header JSON      (plain: what is needed to read the rest)
 *   chunk*: u32 length · u8 flags (1 = final) · data [· 16-byte GCM tag]
 *
 * The chunks carry a gzip stream of records: each record is u8 kind ('F' file, 'M' manifest) · u32 JSON
 * length · JSON · the file's bytes. The manifest comes last and lists every file with its size and sha256.
 *
 * With a key, every chunk is AES-256-GCM with its own tag; the key comes from scrypt with a random salt,
 * the nonce is a random prefix and the chunk's number, and the additional data binds the header, the
 * number and the final flag: a changed, reordered, dropped or truncated chunk is refused. A separate
 * key-check value tells a wrong key from a damaged archive before anything is decrypted. Without a key,
 * the per-file sha256, gzip's CRC and the final flag catch damage and truncation (not forgery).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { ByteReader } from './byte-reader.ts';

export const MAGIC = Buffer.from('PORTALBK', 'ascii');
export const FORMAT_VERSION = 1;
export const CHUNK_SIZE = 1024 * 1024;
const TAG_BYTES = 16;
const FINAL = 1;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** Why an archive is refused; `reason` picks the message and the exit code. */
export type ArchiveRefusal = 'not-an-archive' | 'unsupported' | 'key-needed' | 'wrong-key' | 'damaged' | 'truncated';
export class ArchiveError extends Error {
  readonly reason: ArchiveRefusal;
  constructor(reason: ArchiveRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

const HeaderSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  compression: z.literal('gzip'),
  encryption: z
    .object({
      cipher: z.literal('aes-256-gcm'),
      kdf: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(1024)
        .max(2 ** 20),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.base64().min(16),
      noncePrefix: z.base64(),
      keyCheck: z.base64(),
    })
    .nullable(),
});
export type ArchiveHeader = z.infer<typeof HeaderSchema>;

interface Keys {
  cipherKey: Buffer;
  checkKey: Buffer;
}

async function deriveKeys(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Keys> {
  const bytes = await scryptAsync(password, salt, 64, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 });
  return { cipherKey: bytes.subarray(0, 32), checkKey: bytes.subarray(32) };
}

const keyCheckOf = (keys: Keys, salt: Buffer) =>
  createHmac('sha256', keys.checkKey).update('portal-backup-key-check').update(salt).digest();

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function aadOf(headerDigest: Buffer, index: number, flags: number): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(flags, 4);
  return Buffer.concat([headerDigest, tail]);
}

/** Collects a byte stream into pieces of exactly `size` (the last may be shorter), marking the last. */
async function* fixedPieces(
  source: AsyncIterable<Buffer>,
  size: number,
): AsyncGenerator<{ data: Buffer; final: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let ready: Buffer | undefined;
  for await (const piece of source) {
    pending.push(piece);
    pendingBytes += piece.length;
    while (pendingBytes > size) {
      const all = Buffer.concat(pending);
      if (ready) yield { data: ready, final: false };
      ready = all.subarray(0, size);
      pending = [all.subarray(size)];
      pendingBytes = pending[0]!.length;
    }
  }
  const rest = Buffer.concat(pending);
  if (ready && rest.length === 0) {
    yield { data: ready, final: true };
    return;
  }
  if (ready) yield { data: ready, final: false };
  yield { data: rest, final: true };
}

/** Turns the (already compressed) payload into the archive bytes: header, then chunks. */
export async function* encodeArchive(
  payload: AsyncIterable<Buffer>,
  options: { key?: string; createdAt: string },
): AsyncGenerator<Buffer> {
  let keys: Keys | undefined;
  let noncePrefix = Buffer.alloc(0);
  let encryption: ArchiveHeader['encryption'] = null;
  if (options.key) {
    const salt = randomBytes(16);
    noncePrefix = randomBytes(8);
    keys = await deriveKeys(options.key, salt, SCRYPT);
    encryption = {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      ...SCRYPT,
      salt: salt.toString('base64'),
      noncePrefix: noncePrefix.toString('base64'),
      keyCheck: keyCheckOf(keys, salt).toString('base64'),
    };
  }
  const header: ArchiveHeader = {
    format: FORMAT_VERSION,
    createdAt: options.createdAt,
    compression: 'gzip',
    encryption,
  };
  const headerJson = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(MAGIC.length + 5);
  MAGIC.copy(prefix);
  prefix.writeUInt8(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt32BE(headerJson.length, MAGIC.length + 1);
  const headerBytes = Buffer.concat([prefix, headerJson]);
  const headerDigest = createHash('sha256').update(headerBytes).digest();
  yield headerBytes;

  let index = 0;
  for await (const { data, final } of fixedPieces(payload, CHUNK_SIZE)) {
    const flags = final ? FINAL : 0;
    const frame = Buffer.alloc(5);
    frame.writeUInt32BE(data.length, 0);
    frame.writeUInt8(flags, 4);
    if (keys) {
      const cipher = createCipheriv('aes-256-gcm', keys.cipherKey, nonceOf(noncePrefix, index));
      cipher.setAAD(aadOf(headerDigest, index, flags));
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      yield Buffer.concat([frame, body, cipher.getAuthTag()]);
    } else {
      yield Buffer.concat([frame, data]);
    }
    index += 1;
  }
}

/** Reads and checks the header; with an encrypted archive, checks the key before anything else. */
export async function readHeader(
  reader: ByteReader,
  key: string | undefined,
): Promise<{ header: ArchiveHeader; headerDigest: Buffer; keys?: Keys }> {
  const prefix = await reader.read(MAGIC.length + 5);
  if (prefix.length < MAGIC.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ArchiveError('not-an-archive', 'This file is not a portal backup archive');
  }
  if (prefix.length < MAGIC.length + 5) throw new ArchiveError('truncated', 'The archive is truncated (in its header)');
  const format = prefix.readUInt8(MAGIC.length);
  if (format !== FORMAT_VERSION) {
    throw new ArchiveError(
      'unsupported',
      `The archive has format ${format}; this version of the portal reads format ${FORMAT_VERSION}`,
    );
  }
  const length = prefix.readUInt32BE(MAGIC.length + 1);
  if (length > 64 * 1024) throw new ArchiveError('damaged', 'The archive header is damaged');
  const json = await reader.read(length);
  if (json.length < length) throw new ArchiveError('truncated', 'The archive is truncated (in its header)');
  let header: ArchiveHeader;
  try {
    header = HeaderSchema.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw new ArchiveError('damaged', 'The archive header is damaged');
  }
  const headerDigest = createHash('sha256').update(prefix).update(json).digest();
  if (!header.encryption) return { header, headerDigest };
  if (!key) throw new ArchiveError('key-needed', 'The archive is encrypted: set PORTAL_BACKUP_KEY to its key');
  const salt = Buffer.from(header.encryption.salt, 'base64');
  const keys = await deriveKeys(key, salt, header.encryption);
  const expected = Buffer.from(header.encryption.keyCheck, 'base64');
  const actual = keyCheckOf(keys, salt);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new ArchiveError('wrong-key', 'PORTAL_BACKUP_KEY is not the key this archive was encrypted with');
  }
  return { header, headerDigest, keys };
}

/** The payload (still compressed) from the chunks, each checked before it is handed on. */
export async function* decodeChunks(
  reader: ByteReader,
  opened: { header: ArchiveHeader; headerDigest: Buffer; keys?: Keys },
): AsyncGenerator<Buffer> {
  const { keys, header, headerDigest } = opened;
  const noncePrefix = header.encryption ? Buffer.from(header.encryption.noncePrefix, 'base64') : Buffer.alloc(0);
  for (let index = 0; ; index += 1) {
    const frame = await reader.read(5);
    if (frame.length === 0) throw new ArchiveError('truncated', 'The archive is truncated: its last part is missing');
    if (frame.length < 5) throw new ArchiveError('truncated', 'The archive is truncated (inside a chunk header)');
    const length = frame.readUInt32BE(0);
    const flags = frame.readUInt8(4);
    if (length > CHUNK_SIZE || (flags & ~FINAL) !== 0) {
      throw new ArchiveError('damaged', `The archive is damaged (chunk ${index} has an impossible header)`);
    }
    const body = await reader.read(length + (keys ? TAG_BYTES : 0));
    if (body.length < length + (keys ? TAG_BYTES : 0)) {
      throw new ArchiveError('truncated', `The archive is truncated (inside chunk ${index})`);
    }
    if (keys) {
      const decipher = createDecipheriv('aes-256-gcm', keys.cipherKey, nonceOf(noncePrefix, index));
      decipher.setAAD(aadOf(headerDigest, index, flags));
      decipher.setAuthTag(body.subarray(length));
      try {
        yield Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw new ArchiveError('damaged', `The archive is damaged or was altered (chunk ${index} fails its check)`);
      }
    } else {
      yield body;
    }
    if (flags & FINAL) {
      if (!(await reader.atEnd())) throw new ArchiveError('damaged', 'The archive has extra bytes after its end');
      return;
    }
  }
}

export const RECORD_FILE = 0x46; // 'F'
export const RECORD_MANIFEST = 0x4d; // 'M'

/** A record's leading bytes: kind, JSON length, JSON. */
export function recordHeader(kind: number, meta: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const head = Buffer.alloc(5);
  head.writeUInt8(kind, 0);
  head.writeUInt32BE(json.length, 1);
  return Buffer.concat([head, json]);
}
