/**
 * The site build's bulk read: `GET /api/site-export/<kind>?after=<id>&limit=<n>`, every published
 * article, legal document or procedure with exactly what the site's pages show, a page at a time
 * in id order (keyset, so page 500 costs what page 1 costs).
 *
 * Why not GraphQL: its resolvers fetch each relation of each entry on its own (an article with a
 * category, a cover and two related lists is five queries), ~36 articles/s with bodies. The
 * Document Service's populate fetches a relation for the whole page in one query, so a page of 500
 * costs a handful of queries. The answer has the shape of the site's GraphQL fragments
 * (site/src/graphql/*.graphql): the site keeps its generated types, and a test compares this
 * answer with GraphQL's for the demo content (site/tests/site-export.test.ts).
 *
 * A publish build reads only what changed (site/src/lib/content-snapshot.ts): `?documentIds=a,b` answers
 * only those entries, `?shows=a,b` only the entries that show one of them (`shows` below), and
 * `GET /api/site-export/about` says which content types feed which kind, the export's version and
 * the database's id, so the build knows when its kept snapshot may be patched.
 *
 * Published only: the Document Service reads published versions (status: 'published'), whose
 * relations point at published versions. Only the listed fields leave the CMS: no private field
 * (editorial stage, review notes, schedule), no user, nothing of citizens.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { DocumentFields } from '../content-types';
import { timeOf } from '../text/dates';
import { queueState } from './outbox';

type Entry = Record<string, unknown>;

/** A sort key's text: strings and numbers as written, anything else (an empty field) as ''. */
const textOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Fields of media files (the upload plugin's file type), for covers and for attachments. */
const COVER: DocumentFields<'plugin::upload.file'> = ['url', 'alternativeText', 'width', 'height'];
const FILE: DocumentFields<'plugin::upload.file'> = ['url', 'name', 'ext', 'mime', 'size'];
/** Categories, agencies and fields: every named taxonomy has a name and a slug. */
const NAMED: { fields: Array<'name' | 'slug'> } = { fields: ['name', 'slug'] };

/**
 * The window every read takes: published versions, ids above a key, in id order (keyset paging);
 * for a publish build's delta read, also only the named entries or those that show one of them.
 */
interface PageWindow {
  status: 'published';
  filters: { id: { $gt: number }; $or?: Array<Record<string, unknown>> };
  sort: 'id:asc';
  limit: number;
}

interface ExportKind {
  /**
   * One page of entries with the fields and relations the site's fragment needs, read through the
   * Document Service of the kind's own content type (so the field names are checked by its schema).
   */
  read(strapi: Core.Strapi, page: PageWindow): Promise<Entry[]>;
  /** From the Document Service's entry to the fragment's shape. */
  shape(entry: Entry): Entry;
  /**
   * Filters for the entries whose shape shows one of the given entries (by documentId) of another
   * kind: a publish build re-reads them when those change (an article lists its related documents).
   */
  shows: (documentIds: string[]) => Array<Record<string, unknown>>;
}

/** A populated relation or component: an object (the Document Service's entries are plain objects). */
const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null;
const list = (value: unknown): Entry[] => (Array.isArray(value) ? value.filter(isEntry) : []);
const one = (value: unknown): Entry | null => (isEntry(value) ? value : null);
const pick = (entry: Entry | null, keys: readonly string[]): Entry | null =>
  entry ? Object.fromEntries(keys.map((key) => [key, entry[key] ?? null])) : null;
/** Dates as GraphQL's DateTime scalar writes them (ISO 8601 with milliseconds, UTC). */
const dateTime = (value: unknown): string | null => {
  const time = timeOf(value);
  return time === null ? null : new Date(time).toISOString();
};
const byText =
  (key: string, direction: 1 | -1) =>
  (a: Entry, b: Entry): number =>
    direction * textOf(a[key]).localeCompare(textOf(b[key]));

/** The related lists an article page shows (the ArticleFull fragment takes the first 10 of each). */
const RELATED_LIMIT = 10;

export const EXPORT_KINDS = {
  articles: {
    read: (strapi, page) =>
      strapi.documents('api::article.article').findMany({
        ...page,
        fields: [
          'id',
          'documentId',
          'title',
          'slug',
          'lead',
          'postedAt',
          'publishedAt',
          'updatedAt',
          'coverCaption',
          'kind',
          'body',
          'author',
          'source',
          'featured',
        ],
        populate: {
          category: NAMED,
          cover: { fields: COVER },
          relatedDocuments: { fields: ['documentId', 'slug', 'documentNumber', 'abstract', 'issueDate'] },
          relatedProcedures: { fields: ['documentId', 'slug', 'name'] },
        },
      }),
    shape: (e) => ({
      documentId: e.documentId,
      title: e.title,
      slug: e.slug ?? null,
      lead: e.lead ?? null,
      postedAt: dateTime(e.postedAt),
      publishedAt: dateTime(e.publishedAt),
      category: pick(one(e.category), ['name', 'slug']),
      cover: pick(one(e.cover), COVER),
      coverCaption: e.coverCaption ?? null,
      kind: e.kind,
      body: e.body ?? null,
      author: e.author ?? null,
      source: e.source ?? null,
      updatedAt: dateTime(e.updatedAt),
      relatedDocuments: list(e.relatedDocuments)
        .sort(byText('issueDate', -1))
        .slice(0, RELATED_LIMIT)
        .map((d) => pick(d, ['documentId', 'slug', 'documentNumber', 'abstract'])),
      relatedProcedures: list(e.relatedProcedures)
        .sort(byText('name', 1))
        .slice(0, RELATED_LIMIT)
        .map((p) => pick(p, ['documentId', 'slug', 'name'])),
      featured: e.featured ?? null,
    }),
    shows: (ids) => [
      { relatedDocuments: { documentId: { $in: ids } } },
      { relatedProcedures: { documentId: { $in: ids } } },
    ],
  },
  documents: {
    read: (strapi, page) =>
      strapi.documents('api::legal-document.legal-document').findMany({
        ...page,
        fields: [
          'id',
          'documentId',
          'slug',
          'documentNumber',
          'documentType',
          'abstract',
          'signer',
          'signerTitle',
          'issueDate',
          'effectiveDate',
          'expiryDate',
          'validityStatus',
          'publishedAt',
          'updatedAt',
          'body',
        ],
        populate: {
          issuingAgency: NAMED,
          fields: NAMED,
          attachments: { fields: FILE },
          relations: { populate: { target: { fields: ['documentId'] } } },
          validityChanges: { fields: ['date', 'status', 'note'], populate: { cause: { fields: ['documentId'] } } },
        },
      }),
    shape: (e) => ({
      documentId: e.documentId,
      slug: e.slug ?? null,
      documentNumber: e.documentNumber,
      documentType: e.documentType,
      abstract: e.abstract,
      signer: e.signer ?? null,
      signerTitle: e.signerTitle ?? null,
      issueDate: e.issueDate,
      effectiveDate: e.effectiveDate ?? null,
      expiryDate: e.expiryDate ?? null,
      validityStatus: e.validityStatus ?? null,
      publishedAt: dateTime(e.publishedAt),
      updatedAt: dateTime(e.updatedAt),
      issuingAgency: pick(one(e.issuingAgency), ['name', 'slug']),
      fields: list(e.fields).map((f) => pick(f, ['name', 'slug'])),
      attachments: list(e.attachments).map((f) => pick(f, FILE)),
      relations: list(e.relations).map((r) => ({
        type: r.type,
        note: r.note ?? null,
        target: pick(one(r.target), ['documentId']),
      })),
      validityChanges: list(e.validityChanges)
        .sort(byText('date', 1))
        .map((c) => ({
          date: c.date,
          status: c.status,
          note: c.note ?? null,
          cause: pick(one(c.cause), ['documentId']),
        })),
      body: e.body ?? null,
    }),
    shows: (ids) => [
      { relations: { target: { documentId: { $in: ids } } } },
      { validityChanges: { cause: { documentId: { $in: ids } } } },
    ],
  },
  procedures: {
    read: (strapi, page) =>
      strapi.documents('api::procedure.procedure').findMany({
        ...page,
        fields: [
          'id',
          'documentId',
          'code',
          'name',
          'slug',
          'decisionNumber',
          'level',
          'procedureType',
          'serviceLevel',
          'onlineUrl',
          'keywords',
          'subjects',
          'receivingAddress',
          'result',
          'requirements',
          'publishedAt',
          'updatedAt',
        ],
        populate: {
          fields: NAMED,
          implementingAgency: NAMED,
          competentAgency: NAMED,
          coordinatingAgencies: NAMED,
          steps: true,
          methods: true,
          dossier: { populate: { form: { fields: FILE } } },
          legalBasis: { fields: ['documentId', 'issueDate'] },
        },
      }),
    shape: (e) => ({
      documentId: e.documentId,
      code: e.code,
      name: e.name,
      slug: e.slug ?? null,
      decisionNumber: e.decisionNumber ?? null,
      level: e.level ?? null,
      procedureType: e.procedureType ?? null,
      serviceLevel: e.serviceLevel ?? null,
      onlineUrl: e.onlineUrl ?? null,
      keywords: e.keywords ?? null,
      subjects: e.subjects ?? null,
      receivingAddress: e.receivingAddress ?? null,
      result: e.result ?? null,
      requirements: e.requirements ?? null,
      publishedAt: dateTime(e.publishedAt),
      updatedAt: dateTime(e.updatedAt),
      fields: list(e.fields).map((f) => pick(f, ['name', 'slug'])),
      implementingAgency: pick(one(e.implementingAgency), ['name', 'slug']),
      competentAgency: pick(one(e.competentAgency), ['name', 'slug']),
      coordinatingAgencies: list(e.coordinatingAgencies).map((a) => pick(a, ['name', 'slug'])),
      steps: list(e.steps).map((s) => pick(s, ['title', 'description'])),
      methods: list(e.methods).map((m) => pick(m, ['channel', 'duration', 'fee', 'description'])),
      dossier: list(e.dossier).map((d) => ({
        ...pick(d, ['name', 'originals', 'copies']),
        form: pick(one(d.form), FILE),
      })),
      legalBasis: list(e.legalBasis)
        .sort(byText('issueDate', -1))
        .map((d) => pick(d, ['documentId'])),
    }),
    shows: (ids) => [{ legalBasis: { documentId: { $in: ids } } }],
  },
} satisfies Record<string, ExportKind>;

export type ExportKindName = keyof typeof EXPORT_KINDS;

const isExportKind = (kind: string): kind is ExportKindName => Object.hasOwn(EXPORT_KINDS, kind);

/**
 * What a change to an entry of each content type means for the export: the kind it is an entry of
 * (re-read that entry and the entries that show it), `null` for a type some shape shows a part of
 * (categories, agencies, fields: rare edits, the build reads everything again; an entry of a validity
 * history is recorded as a change of its document, capture.ts, and reaches here only without one), and
 * a type not listed changes no exported entry. Kept beside the shapes above: a shape that starts to
 * show another type lists it here.
 */
export const EXPORT_SOURCES: Readonly<Record<string, ExportKindName | null>> = {
  'api::article.article': 'articles',
  'api::legal-document.legal-document': 'documents',
  'api::procedure.procedure': 'procedures',
  'api::category.category': null,
  'api::agency.agency': null,
  'api::field.field': null,
  'api::validity-change.validity-change': null,
};

/**
 * The export's version: a hash of the code that reads and shapes the entries and of the list above.
 * A snapshot a build keeps is only brought up to date by a delta read when it was written by an
 * export of the same version; any change here makes the next build read everything.
 */
export const EXPORT_VERSION = createHash('sha256')
  .update(
    JSON.stringify([
      Object.entries(EXPORT_KINDS).map(([kind, d]: [string, ExportKind]) => [
        kind,
        d.read.toString(),
        d.shape.toString(),
        d.shows.toString(),
      ]),
      EXPORT_SOURCES,
      String(pick),
      String(dateTime),
      String(byText),
      RELATED_LIMIT,
    ]),
  )
  .digest('hex')
  .slice(0, 16);

/** Entries named in one delta request: a URL of 200 ids of ~24 characters stays well under 8 KB. */
export const MAX_DELTA_IDS = 200;
const DocumentIdList = z
  .string()
  .max(MAX_DELTA_IDS * 65)
  .transform((text) => text.split(',').filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9]{1,64}$/, 'documentIds and shows are lists of documentIds, comma-separated'))
      .max(MAX_DELTA_IDS, `at most ${MAX_DELTA_IDS} documentIds a request`),
  );

export const ExportQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    /** Only these entries (published ones: an unpublished or deleted entry is simply not in the answer). */
    documentIds: DocumentIdList.optional(),
    /** Only the entries that show one of these entries (of another kind: an article's related documents). */
    shows: DocumentIdList.optional(),
  })
  .strict();

/**
 * One page of published entries with an id above `after`, in id order; `next` is null after the last.
 * `ids` are the entries' ids (the published versions' row ids, the order of a full read), so a build
 * that merges re-read entries into its kept snapshot keeps that order.
 */
export async function exportPage(
  strapi: Core.Strapi,
  kind: ExportKindName,
  after: number,
  limit: number,
  only: { documentIds?: string[]; shows?: string[] } = {},
): Promise<{ data: Entry[]; ids: number[]; next: number | null }> {
  const definition: ExportKind = EXPORT_KINDS[kind];
  const $or = [
    ...(only.documentIds ? [{ documentId: { $in: only.documentIds } }] : []),
    ...(only.shows ? definition.shows(only.shows) : []),
  ];
  // Asked for none (an empty list): none, rather than everything.
  if ((only.documentIds || only.shows) && (only.documentIds?.length ?? 0) + (only.shows?.length ?? 0) === 0)
    return { data: [], ids: [], next: null };
  const rows = await definition.read(strapi, {
    status: 'published',
    filters: { id: { $gt: after }, ...($or.length > 0 ? { $or } : {}) },
    sort: 'id:asc',
    limit,
  });
  const last = rows.at(-1);
  return {
    data: rows.map((row) => definition.shape(row)),
    ids: rows.map((row) => Number(row.id)),
    next: rows.length === limit && last ? Number(last.id) : null,
  };
}

const DATABASE_KEY = { type: 'core', name: 'portal-site', key: 'database-id' } as const;
let databaseId: Promise<string> | undefined;
/** A random id kept in this CMS's database: a snapshot read from another database is never patched. */
function exportDatabaseId(strapi: Core.Strapi): Promise<string> {
  databaseId ??= (async () => {
    const stored = await strapi.store.get(DATABASE_KEY);
    if (typeof stored === 'string' && stored) return stored;
    const made = randomUUID();
    await strapi.store.set({ ...DATABASE_KEY, value: made });
    return made;
  })().catch((error: unknown) => {
    databaseId = undefined;
    throw error;
  });
  return databaseId;
}

/**
 * What a build needs to know before it patches its kept snapshot: the export's version, this
 * database's id, which content types feed which kind, and how many site changes no build has
 * claimed yet (a build that checks its delta against a full read knows that a difference may be a
 * change made during the build, not an error).
 */
export async function exportAbout(strapi: Core.Strapi, unclaimed: () => Promise<number>) {
  return {
    version: EXPORT_VERSION,
    database: await exportDatabaseId(strapi),
    sources: EXPORT_SOURCES,
    maxIds: MAX_DELTA_IDS,
    unclaimedChanges: await unclaimed(),
  };
}

interface Context {
  request: { headers: Record<string, string | string[] | undefined> };
  params?: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Registers the export for the site build, readable with the site token (PORTAL_SITE_TOKEN, the
 * same secret the build's GraphQL reads use). Without that setting the route answers 404.
 */
export function registerSiteExportRoutes(strapi: Core.Strapi, siteToken: string | undefined): void {
  const error = (ctx: Context, status: number, name: string, message: string) => {
    ctx.status = status;
    ctx.body = { error: { status, name, message } };
  };
  strapi.server.routes({
    type: 'content-api',
    prefix: '/site-export',
    routes: [
      {
        method: 'GET',
        path: '/:kind',
        handler: async (ctx: Context) => {
          if (!siteToken) return error(ctx, 404, 'NotFoundError', 'Not Found');
          const header = String(ctx.request.headers.authorization ?? '');
          const given = header.startsWith('Bearer ') ? header.slice(7) : '';
          if (!timingSafeEqual(digest(given), digest(siteToken)))
            return error(ctx, 401, 'UnauthorizedError', 'Missing or invalid credentials');
          const kind = ctx.params?.kind ?? '';
          if (kind === 'about') {
            ctx.body = await exportAbout(strapi, async () => (await queueState(strapi)).unclaimed);
            return;
          }
          if (!isExportKind(kind)) return error(ctx, 404, 'NotFoundError', 'Not Found');
          const parsed = ExportQuerySchema.safeParse(ctx.query);
          if (!parsed.success)
            return error(ctx, 400, 'ValidationError', parsed.error.issues.map((i) => i.message).join('; '));
          const { after, limit, documentIds, shows } = parsed.data;
          ctx.body = await exportPage(strapi, kind, after, limit, { documentIds, shows });
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
    ],
  });
}
