/**
 * All published articles, legal documents and procedures, read ONCE per build from the CMS's bulk
 * export (cms/src/site-publish/export.ts: keyset pages of 500 through the Document Service) and kept
 * in memory: every detail page, list page, feed, finder file and sitemap of the build takes its
 * content from here, so the build makes a few dozen requests in all, not one per list page.
 *
 * A publish build reads only what changed: with a cache folder (SITE_CACHE_DIR) the build keeps the
 * snapshot on disk (content-snapshot.v8, written whole then renamed into place), and with the list of
 * changed entries the publisher claimed (SITE_CONTENT_CHANGES, a JSON file) it loads the kept
 * snapshot and re-reads only those entries and the entries that show them (content-delta.ts). The
 * kept file is not written again for a few dozen entries: the changes a publish build applied go to a
 * small journal beside it (content-snapshot.changes.json, every change since the file was written), and
 * the next build re-reads the journalled entries with its own (the export reads ~4,500 entries a second).
 * Past MAX_JOURNAL_CHANGES the build writes the whole file again and empties the journal. In the
 * publisher's long-lived build process (build-memory.ts) the kept file's content stays in memory from one
 * build to the next, frozen, and is read from disk again only when the file is no longer the one it was. It
 * reads everything instead whenever the patch could be wrong: no list, no kept snapshot or one it
 * cannot read, one written by another export version or from another CMS database, a change to a
 * type it cannot follow precisely (a category, an agency…), too many changes, or a kept snapshot whose
 * last full read is older than FULL_READ_MAX_AGE_MS (a safety net for writes no change records, such
 * as an edit straight in the database: the media library cannot change a file a public page shows,
 * cms/src/document-middlewares/media-lock.ts). SITE_CONTENT_VERIFY=1 (the publisher's tests) reads
 * everything after a delta read too and fails the build if the two differ.
 *
 * The export answers in the shape of the site's GraphQL fragments, so the entries keep the generated
 * types (site/tests/site-export.test.ts checks the export against GraphQL's answer). What the CMS
 * sends is published only and has no private field; the token stays in this module's headers.
 */
import type {
  ArticleFullFragment,
  DocumentBodyQuery,
  DocumentsPageQuery,
  ProceduresPageQuery,
} from '../graphql/generated/graphql.ts';
import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { buildMemory, forgetAfterBuild, freezeDeep, type BuildMemory } from './build-memory.ts';
import { cmsFetch } from './cms-fetch.ts';
import {
  dependentsIn,
  differences,
  isKindRows,
  KINDS,
  mergeKind,
  planDelta,
  type Entry,
  type Kind,
  type KindRows,
} from './content-delta.ts';
import { siteEnv } from './env.ts';
import { digestParts, isPartDigestsList, rememberParts, type PartDigests } from './part-digests.ts';

export type ArticleNode = ArticleFullFragment;
export type DocumentNode = NonNullable<DocumentsPageQuery['legalDocuments_connection']>['nodes'][number] &
  Pick<NonNullable<DocumentBodyQuery['legalDocuments'][number]>, 'body'>;
export type ProcedureNode = NonNullable<ProceduresPageQuery['procedures_connection']>['nodes'][number];

export interface ContentSnapshot {
  articles: ArticleNode[];
  documents: DocumentNode[];
  procedures: ProcedureNode[];
  /** How long the read took, in ms (the build prints it; the benchmark reads it). */
  readMs: number;
  /** A delta read (the kept snapshot patched with the changed entries) or a full read. */
  path: 'delta' | 'full';
}

/** Entries per export request: large enough that a request's fixed cost is noise. */
export const EXPORT_PAGE_SIZE = 500;

interface ExportOptions {
  cmsUrl: string;
  token: string;
  pageSize?: number;
  progress?: (count: number) => void;
  /** Only these entries, or only the entries that show one of these (a delta read). */
  only?: { documentIds?: readonly string[]; shows?: readonly string[] };
}

const get = async <T>(url: string, token: string, what: string): Promise<T> => {
  const response = await cmsFetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok)
    throw new Error(
      `The CMS export of ${what} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  return (await response.json()) as T;
};

/** One kind, page after page (keyset: `after` is the last id of the previous page), with each entry's id. */
export async function readExportRows<T extends Entry>(kind: Kind, options: ExportOptions): Promise<KindRows<T>> {
  const rows: KindRows<T> = { ids: [], entries: [] };
  const filter = [
    ...(options.only?.documentIds ? [`&documentIds=${options.only.documentIds.join(',')}`] : []),
    ...(options.only?.shows ? [`&shows=${options.only.shows.join(',')}`] : []),
  ].join('');
  let after: number | null = 0;
  while (after !== null) {
    const url: string = `${options.cmsUrl}/api/site-export/${kind}?after=${after}&limit=${options.pageSize ?? EXPORT_PAGE_SIZE}${filter}`;
    const page: { data: T[]; ids?: number[]; next: number | null } = await get(url, options.token, kind);
    if (!Array.isArray(page.ids) || page.ids.length !== page.data.length)
      throw new Error(`The CMS export of ${kind} gave no id for each entry: is the CMS older than the site?`);
    rows.ids.push(...page.ids);
    rows.entries.push(...page.data);
    options.progress?.(rows.entries.length);
    after = page.next;
  }
  return rows;
}

/** One kind, page after page, the entries only. */
export async function readExport<T>(kind: Kind, options: ExportOptions): Promise<T[]> {
  return (await readExportRows<Entry>(kind, options)).entries as T[];
}

/** What the CMS says about its export before a build patches its kept snapshot (GET /api/site-export/about). */
const AboutSchema = z.object({
  version: z.string().min(1),
  database: z.string().min(1),
  sources: z.record(z.string(), z.enum(KINDS).nullable()),
  maxIds: z.number().int().positive(),
  unclaimedChanges: z.number().int().min(0),
});
type About = z.infer<typeof AboutSchema>;

const ChangesSchema = z.object({
  changes: z.array(z.object({ uid: z.string(), documentId: z.string().regex(/^[a-z0-9]{1,64}$/) })),
});

/** The format of the kept file itself (this module's); the export's shape has its own version. */
const SNAPSHOT_FORMAT = 3;
export const SNAPSHOT_FILE = 'content-snapshot.v8';
/** Past this many entries to read again, one full read costs less than the many small ones. */
export const MAX_DELTA_ENTRIES = 2000;
/** A kept snapshot is patched for at most this long after its last full read; then the build reads everything. */
export const FULL_READ_MAX_AGE_MS = 6 * 3600_000;
/** The changes applied since the kept file was written: a publish build writes this, not the ~320 MB file. */
export const JOURNAL_FILE = 'content-snapshot.changes.json';
/**
 * Past this many journalled changes a build writes the kept file again (~0.5-2 s for 50k entries on this
 * machine) and empties the journal; below it, each build re-reads the journalled entries (~0.1 s for 500).
 */
export const MAX_JOURNAL_CHANGES = 500;

const JournalSchema = z.object({
  format: z.literal(1),
  /** The kept file it applies to (its readStartedAt). */
  base: z.number(),
  /** When the read that wrote it began: an older read never replaces a newer journal. */
  readStartedAt: z.number(),
  changes: ChangesSchema.shape.changes,
});
type Journal = z.infer<typeof JournalSchema>;

interface Kept {
  format: number;
  exportVersion: string;
  database: string;
  /** When the read that made it began (ms since the epoch): an older read never replaces a newer file. */
  readStartedAt: number;
  /** When the last full read it descends from began. */
  fullReadAt: number;
  kinds: Record<Kind, KindRows>;
  /** Each entry's part digests (part-digests.ts), in the order of `kinds`' entries. */
  digests: Record<Kind, PartDigests[]>;
  /**
   * The bytes each loaded entry was read from (not itself kept): a save writes them again as they are
   * and serialises only the entries read since, so a publish build no longer serialises ~320 MB
   * (50k entries: 2.5-4.8 s of a publish build on a loaded 2-core machine) to patch a few dozen.
   */
  raw?: Map<Entry, Buffer>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The kept file: a 4-byte length, a JSON header (everything but the entries); a 4-byte length, an index
 * (each kind's ids and each entry's size in bytes, and the part digests); then each entry as V8
 * serialises it, one after another (V8 reads back ~3x faster than JSON.parse at 50k entries; see the
 * README). One serialisation per entry, so that an entry a build did not read again is written back
 * from the bytes it was loaded from.
 */
type KeptHeader = Omit<Kept, 'kinds' | 'digests' | 'raw'>;

interface KeptIndex {
  kinds: Record<Kind, { ids: number[]; sizes: number[] }>;
  digests: Record<Kind, PartDigests[]>;
}

const isIndex = (value: unknown): value is KeptIndex => {
  const index = value as Partial<KeptIndex> | null;
  return (
    !!index?.kinds &&
    !!index.digests &&
    KINDS.every((kind) => {
      const rows = index.kinds?.[kind];
      return (
        !!rows &&
        Array.isArray(rows.ids) &&
        Array.isArray(rows.sizes) &&
        rows.ids.length === rows.sizes.length &&
        rows.ids.every((id) => Number.isInteger(id)) &&
        rows.sizes.every((size) => Number.isInteger(size) && size > 0) &&
        isPartDigestsList(index.digests?.[kind], rows.ids.length)
      );
    })
  );
};

const isHeader = (value: unknown): value is KeptHeader => {
  const header = value as Partial<KeptHeader> | null;
  return (
    !!header &&
    header.format === SNAPSHOT_FORMAT &&
    typeof header.exportVersion === 'string' &&
    typeof header.database === 'string' &&
    typeof header.readStartedAt === 'number' &&
    typeof header.fullReadAt === 'number'
  );
};

async function readHeader(file: string): Promise<KeptHeader | undefined> {
  try {
    const handle = await open(file, 'r');
    try {
      const length = Buffer.alloc(4);
      await handle.read(length, 0, 4, 0);
      const header = Buffer.alloc(Math.min(length.readUInt32BE(0), 64 * 1024));
      await handle.read(header, 0, header.length, 4);
      const value: unknown = JSON.parse(header.toString('utf8'));
      return isHeader(value) ? value : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function loadKept(file: string): Promise<Kept | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no kept snapshot'
      : `the kept snapshot is unreadable (${message(error)})`;
  }
  try {
    const length = bytes.readUInt32BE(0);
    const header: unknown = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8'));
    if (!isHeader(header)) return 'the kept snapshot has another format';
    let offset = 4 + length;
    const indexLength = bytes.readUInt32BE(offset);
    const index: unknown = deserialize(bytes.subarray(offset + 4, offset + 4 + indexLength));
    if (!isIndex(index)) return 'the kept snapshot has another format';
    offset += 4 + indexLength;
    const raw = new Map<Entry, Buffer>();
    const kinds = {} as Record<Kind, KindRows>;
    for (const kind of KINDS) {
      const { ids, sizes } = index.kinds[kind];
      const entries = sizes.map((size) => {
        const bytesOfEntry = bytes.subarray(offset, offset + size);
        offset += size;
        const entry = deserialize(bytesOfEntry) as Entry;
        raw.set(entry, bytesOfEntry);
        return entry;
      });
      kinds[kind] = { ids, entries };
      if (!isKindRows(kinds[kind])) return 'the kept snapshot has another format';
    }
    if (offset !== bytes.length) return 'the kept snapshot has another format';
    return { ...header, kinds, digests: index.digests, raw };
  } catch (error) {
    return `the kept snapshot is unreadable (${message(error)})`;
  }
}

/** What a build leaves in its process's memory (build-memory.ts): the kept file's content, as loaded or saved. */
interface Remembered {
  file: string;
  kept: Kept;
}

/**
 * Remembers `kept` as the content of `file` for the process's next build. Its entries are frozen: a page
 * that changed one in place (harmless when every build loaded its own copy) now fails its build loudly
 * instead of leaving a snapshot that differs from the file. Only the bytes of entries it still holds are kept.
 */
function remember(memory: BuildMemory, file: string, kept: Kept): void {
  // Frozen: the next build of the process must find each entry as the file has it.
  for (const kind of KINDS) for (const entry of kept.kinds[kind].entries) freezeDeep(entry);
  const raw = new Map<Entry, Buffer>();
  if (kept.raw)
    for (const kind of KINDS)
      for (const entry of kept.kinds[kind].entries) {
        const bytes = kept.raw.get(entry);
        if (bytes) raw.set(entry, bytes);
      }
  memory.keptSnapshot = { file, kept: { ...kept, raw } } satisfies Remembered;
}

/**
 * The kept snapshot: the one the process's last build left in memory while the file on disk is still that
 * one (its header names the same read), else the file, read and deserialised.
 */
async function keptSnapshot(file: string, memory: BuildMemory | undefined): Promise<Kept | string> {
  const remembered = memory?.keptSnapshot as Remembered | undefined;
  if (memory && remembered?.file === file) {
    const header = await readHeader(file);
    const { kept } = remembered;
    if (
      header?.readStartedAt === kept.readStartedAt &&
      header.fullReadAt === kept.fullReadAt &&
      header.exportVersion === kept.exportVersion &&
      header.database === kept.database
    ) {
      console.log('[site] content snapshot: the kept one, still in memory from the last build');
      return kept;
    }
  }
  // Released before the file is read: two snapshots at once would double the build's memory.
  if (memory) memory.keptSnapshot = undefined;
  const kept = await loadKept(file);
  if (memory && typeof kept !== 'string') remember(memory, file, kept);
  return kept;
}

/**
 * Writes the snapshot whole, then renames it into place and removes the journal of the file it replaces,
 * unless a newer read already did. Whether it wrote it.
 */
async function saveKept(file: string, kept: Kept): Promise<boolean> {
  const started = performance.now();
  const current = await readHeader(file);
  if (current && current.readStartedAt > kept.readStartedAt) {
    console.log('[site] content snapshot: a newer read already replaced the kept one; kept as it is');
    return false;
  }
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  // A build killed while writing left its temporary file: gone after an hour (no build writes that long).
  for (const name of await readdir(path.dirname(file)).catch(() => [])) {
    if (!name.startsWith(`${path.basename(file)}.`) || !name.endsWith('.tmp')) continue;
    const stale = path.join(path.dirname(file), name);
    const info = await stat(stale).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 3600_000) await rm(stale, { force: true });
  }
  try {
    const { kinds, digests, raw, ...rest } = kept;
    const header = Buffer.from(JSON.stringify(rest), 'utf8');
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32BE(header.length, 0);
    // Entries loaded from the kept file are written back from their bytes; runs of them that lay side by
    // side in it go as one buffer. Only the entries read since are serialised.
    const parts: Buffer[] = [];
    let serialised = 0;
    const add = (bytes: Buffer) => {
      const last = parts.at(-1);
      if (last && last.buffer === bytes.buffer && last.byteOffset + last.length === bytes.byteOffset)
        parts[parts.length - 1] = Buffer.from(last.buffer, last.byteOffset, last.length + bytes.length);
      else parts.push(bytes);
    };
    const index: KeptIndex = { kinds: {} as KeptIndex['kinds'], digests };
    for (const kind of KINDS) {
      const sizes = kinds[kind].entries.map((entry) => {
        let bytes = raw?.get(entry);
        if (!bytes) {
          bytes = serialize(entry);
          serialised += 1;
        }
        add(bytes);
        return bytes.length;
      });
      index.kinds[kind] = { ids: kinds[kind].ids, sizes };
    }
    const indexBytes = serialize(index);
    const indexLength = Buffer.alloc(4);
    indexLength.writeUInt32BE(indexBytes.length, 0);
    const buffers = [headerLength, header, indexLength, indexBytes, ...parts];
    const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    // Not concatenated: copying ~350 MB into a new buffer cost 0.55 s of a 50k-entry publish build.
    const handle = await open(temporary, 'w', 0o600);
    try {
      // A few hundred buffers per call (IOV_MAX is 1024), each call checked: a short write must not
      // leave a truncated snapshot behind.
      for (let i = 0; i < buffers.length; i += 256) {
        const batch = buffers.slice(i, i + 256);
        const { bytesWritten } = await handle.writev(batch);
        const expected = batch.reduce((sum, buffer) => sum + buffer.length, 0);
        if (bytesWritten !== expected) throw new Error(`content snapshot: wrote ${bytesWritten} bytes of ${expected}`);
      }
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    // Its changes are in the file now (a journal left behind by a crash here names another file: unused).
    await rm(path.join(path.dirname(file), JOURNAL_FILE), { force: true });
    console.log(
      `[site] content snapshot saved: ${(total / 1e6).toFixed(1)} MB (${serialised} entries serialised, ${parts.length} runs) in ${Math.round(performance.now() - started)} ms`,
    );
    return true;
  } catch (error) {
    await rm(temporary, { force: true });
    // The build's changes are deleted from the outbox once it is live: a kept snapshot without them
    // must not be patched by the next build. Without the file, the next build reads everything.
    await rm(file, { force: true });
    console.log(`[site] content snapshot not saved (${message(error)}); the next build reads everything`);
    return false;
  }
}

const journalOf = (text: string): Journal | undefined => {
  try {
    return JournalSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return undefined;
  }
};

/**
 * The journal of the kept snapshot: its changes, none (no journal, or one left from a file written
 * since, which holds its changes), or why it cannot be used (then the build reads everything).
 */
async function readJournal(file: string, kept: Kept): Promise<Journal['changes'] | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : `the journal is unreadable (${message(error)})`;
  }
  const journal = journalOf(text);
  if (!journal) return 'the journal is unreadable';
  // Written for an older kept file: the kept file was written since by a read that carried these changes.
  return journal.base === kept.readStartedAt ? journal.changes : [];
}

/** Writes the journal whole, then renames it into place, unless a newer read already did. */
async function saveJournal(file: string, journal: Journal): Promise<void> {
  const current = journalOf(await readFile(file, 'utf8').catch(() => ''));
  if (current && current.readStartedAt > journal.readStartedAt) {
    console.log('[site] content journal: a newer read already replaced it; kept as it is');
    return;
  }
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(journal), { mode: 0o600 });
    await rename(temporary, file);
    console.log(`[site] content journal saved: ${journal.changes.length} change(s) since the kept snapshot`);
  } catch (error) {
    await rm(temporary, { force: true });
    // Without the journal the kept file lacks these changes: without the file, the next build reads everything.
    await rm(path.join(path.dirname(file), SNAPSHOT_FILE), { force: true });
    await rm(file, { force: true });
    console.log(`[site] content journal not saved (${message(error)}); the next build reads everything`);
  }
}

/** The changes of both lists, each once. */
const unionOfChanges = (...lists: ReadonlyArray<ReadonlyArray<{ uid: string; documentId: string }>>) => {
  const seen = new Map<string, { uid: string; documentId: string }>();
  for (const change of lists.flat()) seen.set(`${change.uid}\n${change.documentId}`, change);
  return [...seen.values()];
};

async function readChanges(file: string | undefined): Promise<Array<{ uid: string; documentId: string }> | string> {
  if (!file) return 'no list of changes (not a publish build)';
  try {
    return ChangesSchema.parse(JSON.parse(await readFile(file, 'utf8'))).changes;
  } catch (error) {
    return `the list of changes is unreadable (${message(error)})`;
  }
}

const inBatches = <T>(items: readonly T[], size: number): T[][] => {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
};

type Reader = (kind: Kind, options?: Pick<ExportOptions, 'only' | 'progress'>) => Promise<KindRows>;

/** The kept snapshot patched with the changes, or why the build must read everything. */
async function deltaRead(
  kept: Kept | string,
  changes: ReadonlyArray<{ uid: string; documentId: string }> | string,
  about: About,
  readKind: Reader,
  now: number,
  /** How many of `changes` only the journal names (applied by earlier builds, read again). */
  journalled = 0,
): Promise<{ kinds: Record<Kind, KindRows>; detail: string; unchanged: boolean } | string> {
  if (typeof changes === 'string') return changes;
  if (typeof kept === 'string') return kept;
  if (kept.exportVersion !== about.version) return 'the kept snapshot was read by another export version';
  if (kept.database !== about.database) return 'the kept snapshot was read from another CMS database';
  if (now - kept.fullReadAt > FULL_READ_MAX_AGE_MS) return 'the last full read is older than 6 hours';
  const plan = planDelta(changes, about.sources);
  if (plan.full !== undefined) return plan.full;
  // Entries of any kind can be shown by another (documentIds are unique across types).
  const changedIds = new Set(KINDS.flatMap((kind) => plan.changed[kind]));
  const dependents = dependentsIn(kept.kinds, changedIds);
  const named = KINDS.map((kind) => [...new Set([...plan.changed[kind], ...dependents[kind]])]);
  const total = named.reduce((sum, ids) => sum + ids.length, 0);
  if (total > MAX_DELTA_ENTRIES) return `${total} entries to read again (more than ${MAX_DELTA_ENTRIES})`;
  const shown = [...plan.changed.documents, ...plan.changed.procedures];
  const kinds = { ...kept.kinds };
  let reread = 0;
  for (const [k, kind] of KINDS.entries()) {
    const documentIds = named[k] ?? [];
    const rows: KindRows = { ids: [], entries: [] };
    const add = (page: KindRows) => {
      rows.ids.push(...page.ids);
      rows.entries.push(...page.entries);
    };
    for (const batch of inBatches(documentIds, about.maxIds))
      add(await readKind(kind, { only: { documentIds: batch } }));
    for (const batch of inBatches(shown, about.maxIds)) add(await readKind(kind, { only: { shows: batch } }));
    reread += rows.entries.length;
    kinds[kind] = mergeKind(kept.kinds[kind], new Set(documentIds), rows);
  }
  return {
    kinds,
    unchanged: total === 0 && shown.length === 0,
    detail: `${changes.length - journalled} change(s)${journalled ? ` + ${journalled} from the journal` : ''}, ${total} named + ${shown.length} shown looked up, ${reread} re-read, ${plan.ignored} of other types`,
  };
}

async function read(): Promise<ContentSnapshot> {
  const env = siteEnv();
  const { CMS_URL, CMS_TOKEN, SITE_CACHE_DIR } = env;
  const started = performance.now();
  const startedAt = Date.now();
  const progress = (kind: string) => {
    let reported = 0;
    return (count: number) => {
      if (count - reported < 5000) return;
      reported = count;
      console.log(`[site] content read: ${count} ${kind}…`);
    };
  };
  const options = { cmsUrl: CMS_URL, token: CMS_TOKEN };
  const readKind: Reader = (kind, extra = {}) => readExportRows(kind, { ...options, ...extra });
  const readAll = async () => {
    const kinds = {} as Record<Kind, KindRows>;
    // One kind after another: the CMS answers one request at a time anyway, and the progress stays readable.
    for (const kind of KINDS) kinds[kind] = await readKind(kind, { progress: progress(kind) });
    return kinds;
  };
  const about = AboutSchema.parse(await get<unknown>(`${CMS_URL}/api/site-export/about`, CMS_TOKEN, 'about'));
  const file = SITE_CACHE_DIR ? path.join(SITE_CACHE_DIR, SNAPSHOT_FILE) : undefined;
  const journalFile = file ? path.join(path.dirname(file), JOURNAL_FILE) : undefined;
  const memory = buildMemory();
  const kept = file ? await keptSnapshot(file, memory) : 'no cache folder';
  const claimed = await readChanges(env.SITE_CONTENT_CHANGES);
  const journal = journalFile && typeof kept !== 'string' ? await readJournal(journalFile, kept) : [];
  // The claimed changes on top of those applied since the kept file was written (their entries are read again).
  const changes =
    typeof claimed === 'string' ? claimed : typeof journal === 'string' ? journal : unionOfChanges(journal, claimed);
  const journalled = typeof changes === 'string' || typeof claimed === 'string' ? 0 : changes.length - claimed.length;
  const delta = file ? await deltaRead(kept, changes, about, readKind, startedAt, journalled) : 'no cache folder';
  const kinds = typeof delta === 'string' ? await readAll() : delta.kinds;
  const readMs = Math.round(performance.now() - started);
  const counts = `${kinds.articles.entries.length} articles, ${kinds.documents.entries.length} documents, ${kinds.procedures.entries.length} procedures`;
  // scripts/bench/build-phases.ts and site-publish.ts read this line ("… in N ms").
  console.log(
    typeof delta === 'string'
      ? `[site] content read: full (${delta}): ${counts} in ${readMs} ms`
      : `[site] content read: delta (${delta.detail}): ${counts} in ${readMs} ms`,
  );
  const digests = partDigests(kinds, typeof delta === 'string' || typeof kept === 'string' ? undefined : kept);
  if (typeof delta !== 'string' && env.SITE_CONTENT_VERIFY) {
    try {
      verifyDigests(kinds, digests);
      await verify(kinds, await readAll(), CMS_URL, CMS_TOKEN);
    } catch (error) {
      // The retry reads everything.
      if (file) await rm(file, { force: true });
      if (journalFile) await rm(journalFile, { force: true });
      throw error;
    }
  }
  // Nothing read again (only changes of types no export shows): the kept file is already this snapshot.
  // A few changes: the journal says which (next to the kept file, which stays as it is).
  if (
    journalFile &&
    typeof delta !== 'string' &&
    !delta.unchanged &&
    typeof kept !== 'string' &&
    typeof changes !== 'string' &&
    changes.length <= MAX_JOURNAL_CHANGES
  ) {
    await saveJournal(journalFile, { format: 1, base: kept.readStartedAt, readStartedAt: startedAt, changes });
  } else if (file && (typeof delta === 'string' || !delta.unchanged)) {
    // Forgotten first: a failed save removes the file, and the memory must not outlive it.
    if (memory) memory.keptSnapshot = undefined;
    const saved: Kept = {
      format: SNAPSHOT_FORMAT,
      exportVersion: about.version,
      database: about.database,
      readStartedAt: startedAt,
      fullReadAt: typeof delta === 'string' || typeof kept === 'string' ? startedAt : kept.fullReadAt,
      kinds,
      digests,
      ...(typeof delta !== 'string' && typeof kept !== 'string' && kept.raw ? { raw: kept.raw } : {}),
    };
    if ((await saveKept(file, saved)) && memory) remember(memory, file, saved);
  }
  return {
    articles: kinds.articles.entries as unknown as ArticleNode[],
    documents: kinds.documents.entries as unknown as DocumentNode[],
    procedures: kinds.procedures.entries as unknown as ProcedureNode[],
    readMs,
    path: typeof delta === 'string' ? 'full' : 'delta',
  };
}

/**
 * Each entry's part digests: kept ones for the entries a delta read carried over from the kept snapshot
 * (the same objects), new ones for the entries read now. Remembered for the pages' cache keys.
 */
function partDigests(kinds: Record<Kind, KindRows>, kept: Kept | undefined): Record<Kind, PartDigests[]> {
  const started = performance.now();
  let made = 0;
  const digests = {} as Record<Kind, PartDigests[]>;
  for (const kind of KINDS) {
    const carried = new Map<object, PartDigests>();
    kept?.kinds[kind].entries.forEach((entry, i) => {
      const found = kept.digests[kind][i];
      if (found) carried.set(entry, found);
    });
    digests[kind] = kinds[kind].entries.map((entry) => {
      let found = carried.get(entry);
      if (!found) {
        found = digestParts(entry);
        made += 1;
      }
      rememberParts(entry, found);
      return found;
    });
  }
  console.log(`[site] content digests: ${made} entries digested in ${Math.round(performance.now() - started)} ms`);
  return digests;
}

/** SITE_CONTENT_VERIFY: every kept digest must still be the digest of its part. */
function verifyDigests(kinds: Record<Kind, KindRows>, digests: Record<Kind, PartDigests[]>): void {
  for (const kind of KINDS)
    kinds[kind].entries.forEach((entry, i) => {
      if (JSON.stringify(digestParts(entry)) !== JSON.stringify(digests[kind][i]))
        throw new Error(`The kept part digests of ${kind} ${entry.documentId} differ from its parts`);
    });
}

/**
 * SITE_CONTENT_VERIFY: the delta read must equal a full read. A difference fails the build, unless
 * changes arrived after this build's claim (the CMS still has unclaimed ones): then the full read may
 * be the newer one, and the next build carries those changes.
 */
async function verify(delta: Record<Kind, KindRows>, full: Record<Kind, KindRows>, cmsUrl: string, token: string) {
  const found = KINDS.flatMap((kind) => differences(kind, delta[kind], full[kind]));
  if (found.length === 0) {
    console.log('[site] content check: the delta read equals a full read');
    return;
  }
  const about = AboutSchema.parse(await get<unknown>(`${cmsUrl}/api/site-export/about`, token, 'about'));
  if (about.unclaimedChanges > 0) {
    console.log(
      `[site] content check: inconclusive, ${about.unclaimedChanges} change(s) arrived during the build (${found.join('; ')})`,
    );
    return;
  }
  throw new Error(`The delta read differs from a full read: ${found.join('; ')}`);
}

let cached: Promise<ContentSnapshot> | undefined;
forgetAfterBuild(() => (cached = undefined));
/** The build's one read of the CMS's content (the first caller starts it; everyone shares it). */
export function contentSnapshot(): Promise<ContentSnapshot> {
  cached ??= read();
  return cached;
}
