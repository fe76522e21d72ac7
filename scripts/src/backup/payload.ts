/**
 * What goes inside a backup archive: the files (database snapshot, uploads, secrets) as records and the
 * manifest last. Writing streams each file through sha256, gzip and the archive encoder into a `.partial`
 * file renamed into place at the end; reading checks every chunk, every file's size and sha256 and the
 * manifest before it reports success, so the caller can write into a staging folder and only then swap.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import {
  ArchiveError,
  decodeChunks,
  encodeArchive,
  FORMAT_VERSION,
  readHeader,
  RECORD_FILE,
  RECORD_MANIFEST,
  recordHeader,
} from './archive.ts';
import { ByteReader } from './byte-reader.ts';

const PartSchema = z.object({
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Part = z.infer<typeof PartSchema>;

export const ManifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  portal: z.object({ version: z.string(), commit: z.string().optional() }),
  database: z.object({ client: z.enum(['sqlite', 'postgres']), part: z.string() }),
  /** Per content type (collection table): entries (documents) and how many of them have a published version. */
  counts: z.record(z.string(), z.object({ entries: z.number().int(), published: z.number().int() })),
  uploads: z.object({ files: z.number().int(), bytes: z.number().int() }),
  /** Secrets the archive does not hold because they were set in the environment: keep them elsewhere. */
  secrets: z.object({ included: z.boolean(), fromEnvironment: z.array(z.string()) }),
  parts: z.array(PartSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Paths inside an archive: relative, forward slashes, under one of the known roots, never `..`. */
export function isSafeArchivePath(name: string): boolean {
  if (name.length === 0 || name.length > 1024 || name.includes('\\') || name.includes('\0')) return false;
  const segments = name.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return false;
  return (
    (segments[0] === 'database' && segments.length === 2) ||
    (segments[0] === 'uploads' && segments.length >= 2) ||
    name === 'secrets.json'
  );
}

/** Re-throws a stream's error mapped through `map` (a message for the operator instead of a raw errno). */
async function* withErrors(source: AsyncIterable<unknown>, map: (error: unknown) => unknown): AsyncGenerator<unknown> {
  try {
    yield* source;
  } catch (error) {
    throw map(error);
  }
}

export interface Progress {
  /** Bytes of the files read (writing) or written (reading) so far, and their total when known. */
  bytes: number;
  totalBytes?: number;
  files: number;
  totalFiles?: number;
  current: string;
}

export interface SourcePart {
  /** Path inside the archive. */
  path: string;
  /** File on disk. */
  file: string;
}

/**
 * Writes the archive to `target` (through `target.partial`, renamed at the end; mode 0600).
 * The manifest is `describe` plus the list of parts with their sha256, computed while streaming.
 */
export async function writeArchive(
  target: string,
  sources: SourcePart[],
  describe: Omit<Manifest, 'parts' | 'format'>,
  options: { key?: string; onProgress?: (progress: Progress) => void; gzipLevel?: number },
): Promise<{ manifest: Manifest; bytes: number }> {
  for (const source of sources) {
    if (!isSafeArchivePath(source.path)) throw new Error(`Refusing to archive under the path ${source.path}`);
  }
  if (new Set(sources.map((s) => s.path)).size !== sources.length) throw new Error('Two files with one archive path');
  const sizes = await Promise.all(
    sources.map(async (s) =>
      stat(s.file).then(
        (info) => info.size,
        (error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          throw new Error(`${s.file} was deleted while it was being backed up: run the backup again`);
        },
      ),
    ),
  );
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const parts: Part[] = [];
  let manifest: Manifest | undefined;
  const progress: Progress = { bytes: 0, totalBytes, files: 0, totalFiles: sources.length, current: '' };

  async function* records(): AsyncGenerator<Buffer> {
    for (const [i, source] of sources.entries()) {
      const size = sizes[i]!;
      progress.current = source.path;
      yield recordHeader(RECORD_FILE, { path: source.path, size });
      const hash = createHash('sha256');
      let read = 0;
      // A file that grows meanwhile is cut at the size announced; one that shrinks is an error.
      if (size > 0) {
        const stream = createReadStream(source.file, { start: 0, end: size - 1, highWaterMark: 256 * 1024 });
        const gone = (error: unknown) =>
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new Error(`${source.file} was deleted while it was being backed up: run the backup again`)
            : error;
        for await (const piece of withErrors(stream, gone)) {
          const buffer = piece as Buffer;
          hash.update(buffer);
          read += buffer.length;
          progress.bytes += buffer.length;
          options.onProgress?.(progress);
          yield buffer;
        }
      }
      if (read !== size) throw new Error(`${source.file} changed size while it was being backed up`);
      parts.push({ path: source.path, size, sha256: hash.digest('hex') });
      progress.files += 1;
      options.onProgress?.(progress);
    }
    manifest = { format: FORMAT_VERSION, ...describe, parts };
    yield recordHeader(RECORD_MANIFEST, manifest);
  }

  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  let bytes = 0;
  try {
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    await pipeline(
      Readable.from(records()),
      createGzip({ level: options.gzipLevel ?? 3 }),
      (source: AsyncIterable<Buffer>) => encodeArchive(source, { key: options.key, createdAt: describe.createdAt }),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const piece of source) {
          bytes += piece.length;
          yield piece;
        }
      },
      out,
    );
    const handle = await open(partial, 'r');
    await handle.sync();
    await handle.close();
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { manifest: manifest!, bytes };
}

/**
 * Reads and checks a whole archive. With `into`, each file is written under that folder (which must
 * not exist yet; it is deleted again when anything fails); without, the archive is only verified.
 * Resolves with the manifest only when every chunk, file and checksum matched.
 */
export async function readArchive(
  file: string,
  options: { key?: string; into?: string; onProgress?: (progress: Progress) => void },
): Promise<Manifest> {
  const totalBytes = (await stat(file)).size;
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const progress: Progress = { bytes: 0, totalBytes, files: 0, current: '' };
  // Progress is measured on the archive file read so far (the unpacked size is only known at the end).
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const piece of input) {
      progress.bytes += (piece as Buffer).length;
      yield piece as Buffer;
    }
  }
  const reader = new ByteReader(counted());
  let opened: Awaited<ReturnType<typeof readHeader>>;
  try {
    opened = await readHeader(reader, options.key);
  } catch (error) {
    input.destroy();
    throw error;
  }
  if (options.into) await mkdir(options.into, { mode: 0o700 });
  const seen: Part[] = [];
  let manifest: Manifest | undefined;
  try {
    await pipeline(
      Readable.from(decodeChunks(reader, opened)),
      createGunzip(),
      async (source: AsyncIterable<Buffer>) => {
        const records = new ByteReader(source);
        for (;;) {
          const head = await records.read(5);
          if (head.length === 0) break;
          if (head.length < 5) throw new ArchiveError('damaged', 'The archive ends inside a record');
          if (manifest) throw new ArchiveError('damaged', 'The archive has records after its manifest');
          const kind = head.readUInt8(0);
          const length = head.readUInt32BE(1);
          if (length > 16 * 1024 * 1024) throw new ArchiveError('damaged', 'The archive has an impossible record');
          const json = await records.read(length);
          let meta: unknown;
          try {
            meta = JSON.parse(json.toString('utf8'));
          } catch {
            throw new ArchiveError('damaged', 'The archive has a damaged record');
          }
          if (kind === RECORD_MANIFEST) {
            const parsed = ManifestSchema.safeParse(meta);
            if (!parsed.success)
              throw new ArchiveError('damaged', 'The archive manifest is damaged or of an unknown form');
            manifest = parsed.data;
            continue;
          }
          if (kind !== RECORD_FILE) throw new ArchiveError('damaged', `The archive has an unknown record kind ${kind}`);
          const entry = z.object({ path: z.string(), size: z.number().int().min(0) }).safeParse(meta);
          if (!entry.success || !isSafeArchivePath(entry.data.path)) {
            throw new ArchiveError('damaged', 'The archive names a file outside the places a backup restores to');
          }
          progress.current = entry.data.path;
          const hash = createHash('sha256');
          const out = options.into ? path.join(options.into, ...entry.data.path.split('/')) : undefined;
          let handle: Awaited<ReturnType<typeof open>> | undefined;
          if (out) {
            await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
            handle = await open(out, 'wx', 0o600).catch((error: unknown) => {
              if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
              throw new ArchiveError('damaged', `The archive holds ${entry.data.path} twice`);
            });
          }
          try {
            let left = entry.data.size;
            while (left > 0) {
              const piece = await records.readSome(Math.min(left, 1024 * 1024));
              if (piece.length === 0) throw new ArchiveError('damaged', `The archive ends inside ${entry.data.path}`);
              hash.update(piece);
              if (handle) await handle.write(piece);
              left -= piece.length;
              options.onProgress?.(progress);
            }
            if (handle) await handle.sync();
          } finally {
            await handle?.close();
          }
          seen.push({ path: entry.data.path, size: entry.data.size, sha256: hash.digest('hex') });
          progress.files += 1;
          options.onProgress?.(progress);
        }
      },
    );
  } catch (error) {
    input.destroy();
    if (options.into) await rm(options.into, { recursive: true, force: true });
    if (error instanceof ArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new ArchiveError('damaged', `The archive is damaged (${(error as Error).message})`);
    }
    throw error;
  }
  try {
    if (!manifest) throw new ArchiveError('damaged', 'The archive has no manifest');
    const listed = new Map(manifest.parts.map((p) => [p.path, p]));
    if (listed.size !== seen.length) {
      throw new ArchiveError('damaged', 'The archive does not hold exactly the files its manifest lists');
    }
    for (const part of seen) {
      const expected = listed.get(part.path);
      if (!expected || expected.size !== part.size || expected.sha256 !== part.sha256) {
        throw new ArchiveError('damaged', `${part.path} does not match its checksum in the manifest`);
      }
    }
    if (!listed.has(manifest.database.part)) throw new ArchiveError('damaged', 'The archive holds no database');
  } catch (error) {
    if (options.into) await rm(options.into, { recursive: true, force: true });
    throw error;
  }
  return manifest;
}
