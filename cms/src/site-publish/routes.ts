import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { findSomeRow, isLocalized } from '../content-types';
import { isSiteType } from './capture';
import { claimChanges, claimedChanges, completeBuild, entryPublicState, queueState } from './outbox';
import { PREVIEW_TYPES } from './preview-token';
import { publicUrl } from './public-url';
import { formatDateTime } from '../text/dates';

/** A build id as the publisher makes it (a release folder name): short, no path characters. */
const BuildSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'build must be 1-64 letters, digits, _ or -');
const ClaimSchema = z.object({ build: BuildSchema }).strict();
const DoneSchema = z.object({ build: BuildSchema, liveAt: z.number().int().positive() }).strict();
/** The publisher's own health, for the editors (the admin panel) as `npm run site:status` shows it. */
const StatusSchema = z
  .object({
    lastSuccessAt: z.number().int().positive().nullable(),
    lastFailureAt: z.number().int().positive().nullable(),
    nextRetryAt: z.number().int().positive().nullable(),
    /** The last `npm run site:rollback`: when, and the releases it went from and back to. */
    rollback: z
      .object({
        at: z.number().int().positive(),
        from: BuildSchema,
        to: BuildSchema,
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type PublisherStatus = z.infer<typeof StatusSchema>;
const STATUS_KEY = { type: 'core', name: 'portal-publisher', key: 'status' } as const;
/** One entry named in a query: the editor's panel asks for its public state, the preview for its draft. */
const EntrySchema = z.object({
  uid: z.string().max(120),
  documentId: z.string().regex(/^[a-z0-9]{1,64}$/),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
const DraftSchema = EntrySchema.strict();
/** What the draft preview shows of each type it can show (the fields of the site's ArticleFull fragment). */
const DRAFT_POPULATE: Readonly<Record<string, Record<string, unknown>>> = {
  'api::article.article': {
    category: { select: ['name', 'slug'] },
    cover: { select: ['url', 'alternativeText', 'width', 'height'] },
    relatedDocuments: { select: ['documentId', 'slug', 'documentNumber', 'abstract'] },
    relatedProcedures: { select: ['documentId', 'slug', 'name'] },
  },
};

async function readStatus(strapi: Core.Strapi): Promise<PublisherStatus | null> {
  const parsed = StatusSchema.safeParse(await strapi.store.get(STATUS_KEY));
  return parsed.success ? parsed.data : null;
}

interface Context {
  request: { headers: Record<string, string | string[] | undefined>; body?: unknown };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The publisher's side door: `/api/portal-publisher/*`, for the one process that builds the site
 * (scripts/src/publisher/). Not a Strapi API token: it must claim and clear outbox rows, which no
 * content-API permission expresses, and it is a shared secret the orchestrator generates
 * (PORTAL_PUBLISHER_TOKEN). Without that setting the routes answer 404, as if absent.
 */
export function registerPublisherRoutes(strapi: Core.Strapi, token: string | undefined): void {
  const authorised = (ctx: Context): boolean => {
    if (!token) {
      ctx.status = 404;
      ctx.body = { error: { status: 404, name: 'NotFoundError', message: 'Not Found' } };
      return false;
    }
    const header = String(ctx.request.headers.authorization ?? '');
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      ctx.status = 401;
      ctx.body = { error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } };
      return false;
    }
    return true;
  };
  const invalid = (ctx: Context, error: z.ZodError) => {
    ctx.status = 400;
    ctx.body = {
      error: { status: 400, name: 'ValidationError', message: error.issues.map((i) => i.message).join('; ') },
    };
  };

  strapi.server.routes({
    type: 'content-api',
    prefix: '/portal-publisher',
    routes: [
      {
        method: 'GET',
        path: '/queue',
        handler: async (ctx: Context) => {
          if (!authorised(ctx)) return;
          ctx.body = await queueState(strapi);
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
      {
        method: 'POST',
        path: '/claim',
        handler: async (ctx: Context) => {
          if (!authorised(ctx)) return;
          const parsed = ClaimSchema.safeParse(ctx.request.body);
          if (!parsed.success) return invalid(ctx, parsed.error);
          const claimed = await claimChanges(strapi, parsed.data.build);
          // The entries themselves, so the build re-reads only them (site/src/lib/content-snapshot.ts).
          ctx.body = { claimed, changes: await claimedChanges(strapi, parsed.data.build) };
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
      {
        method: 'POST',
        path: '/done',
        handler: async (ctx: Context) => {
          if (!authorised(ctx)) return;
          const parsed = DoneSchema.safeParse(ctx.request.body);
          if (!parsed.success) return invalid(ctx, parsed.error);
          ctx.body = { done: await completeBuild(strapi, parsed.data.build, parsed.data.liveAt) };
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
      {
        // The draft preview (scripts/src/preview/) reads the draft here, after it checked the editor's
        // signed preview token: the site's own token never reads drafts.
        method: 'GET',
        path: '/draft',
        handler: async (ctx: Context) => {
          if (!authorised(ctx)) return;
          const parsed = DraftSchema.safeParse(ctx.query);
          if (!parsed.success) return invalid(ctx, parsed.error);
          const { uid, documentId, locale } = parsed.data;
          if (!isSiteType(strapi, uid) || !PREVIEW_TYPES.has(uid) || !DRAFT_POPULATE[uid]) {
            ctx.status = 400;
            ctx.body = { error: { status: 400, name: 'ValidationError', message: 'No preview for this type' } };
            return;
          }
          // Below the Document Service on purpose: its reads outside the admin are forced to published
          // versions (documents/published-only.ts), and this is the one server-side reader of drafts.
          const draft = await findSomeRow<Record<string, unknown>>(strapi, uid, {
            where: {
              documentId,
              publishedAt: null,
              ...(locale && isLocalized(strapi, uid) ? { locale } : {}),
            },
            populate: DRAFT_POPULATE[uid],
          });
          if (!draft) {
            ctx.status = 404;
            ctx.body = { error: { status: 404, name: 'NotFoundError', message: 'No draft' } };
            return;
          }
          ctx.body = { data: draft };
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
      {
        method: 'PUT',
        path: '/status',
        handler: async (ctx: Context) => {
          if (!authorised(ctx)) return;
          const parsed = StatusSchema.safeParse(ctx.request.body);
          if (!parsed.success) return invalid(ctx, parsed.error);
          await strapi.store.set({ ...STATUS_KEY, value: parsed.data });
          ctx.body = { ok: true };
        },
        config: { auth: false },
        info: { type: 'content-api' },
      },
    ],
  });

  // For the editor: is this entry on the portal yet, and where? Needs an admin session like the content manager.
  strapi.server.routes({
    type: 'admin',
    prefix: '/portal-publisher',
    routes: [
      {
        method: 'GET',
        path: '/entry-state',
        handler: async (ctx: Context) => {
          const parsed = EntrySchema.safeParse(ctx.query);
          if (!parsed.success) return invalid(ctx, parsed.error);
          const { uid, documentId, locale } = parsed.data;
          if (!isSiteType(strapi, uid)) {
            ctx.status = 400;
            ctx.body = { error: { status: 400, name: 'ValidationError', message: 'Not a public content type' } };
            return;
          }
          const state = await entryPublicState(strapi, uid, documentId);
          const status = await readStatus(strapi);
          const live = await publishedVersion(strapi, uid, documentId, locale);
          const published = live !== null;
          const rolledBack = rolledBackEntry(state, status);
          const label = rolledBack
            ? rolledBackLabel(status?.rollback?.at ?? 0)
            : publicStateLabel({ ...state, published });
          // The link is shown once the entry's page is on the portal (not while its first publish waits).
          const url =
            published && !rolledBack && state.liveAt !== null
              ? publicUrl(process.env.PUBLIC_SITE_URL, uid, live)
              : null;
          const notice = [publisherNotice(status), rollbackNotice(status)].filter(Boolean).join(' ') || null;
          ctx.body = {
            data: {
              state: rolledBack ? 'rolled-back' : state.state,
              liveAt: state.liveAt,
              published,
              label,
              url,
              notice,
            },
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { type: 'admin' },
      },
    ],
  });
}

/** The published version's slug and locale; null when no version is published. */
async function publishedVersion(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string | undefined,
): Promise<{ slug: string | null; locale: string | null } | null> {
  const type = strapi.contentType(uid);
  const draftAndPublish = Boolean(type.options?.draftAndPublish);
  const localized = isLocalized(strapi, uid);
  const where: Record<string, unknown> = { documentId };
  if (draftAndPublish) where.publishedAt = { $notNull: true };
  if (localized && locale) where.locale = locale;
  const row = await findSomeRow<Record<string, unknown>>(strapi, uid, { where });
  if (!row) return null;
  return {
    slug: typeof row.slug === 'string' ? row.slug : null,
    locale: typeof row.locale === 'string' ? row.locale : null,
  };
}

/** The time a release started building, from its name (releases.ts: 2026-12-02T13-25-01-123Z[-N]). */
export function releaseTime(name: string): number {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/.exec(name);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : Number.NaN;
}

/** A rollback still in force: no build has gone live since the operator went back. */
function activeRollback(status: PublisherStatus | null): NonNullable<PublisherStatus['rollback']> | null {
  const rollback = status?.rollback;
  if (!rollback) return null;
  return (status.lastSuccessAt ?? 0) < rollback.at ? rollback : null;
}

/**
 * Whether a rollback took this entry's last change off the portal: it went live with a build newer
 * than the release now served.
 */
export function rolledBackEntry(
  state: { state: string; build?: string | null },
  status: PublisherStatus | null,
): boolean {
  const rollback = activeRollback(status);
  if (!rollback || state.state !== 'live' || !state.build) return false;
  return releaseTime(state.build) > releaseTime(rollback.to);
}

/** A moment the editor reads, to the second, in Vietnam's time: '10:42:07 02/12/2026'. */
const time = (at: number | string): string => formatDateTime(new Date(at).toISOString(), { seconds: true });

/**
 * What the editor reads next to the entry. A withdrawn (unpublished or deleted) entry whose last
 * change is live has left the portal at that time.
 */
export function publicStateLabel(state: { state: string; liveAt: number | null; published: boolean }): string {
  if (state.state === 'pending') return 'Đang chờ cập nhật lên cổng';
  const at = state.liveAt ? time(state.liveAt) : undefined;
  if (!state.published) return state.state === 'live' && at ? `Đã gỡ khỏi cổng lúc ${at}` : 'Chưa đăng trên cổng';
  if (state.state === 'live' && at) return `Đã lên cổng lúc ${at}`;
  return 'Chưa có thông tin cập nhật lên cổng';
}

export function rolledBackLabel(at: number): string {
  return `Cổng đã quay về phiên bản trước lúc ${time(at)}: thay đổi này tạm chưa hiển thị`;
}

/** A line for the editor while a rollback is in force (`npm run site:rollback`). */
export function rollbackNotice(status: PublisherStatus | null): string | null {
  const rollback = activeRollback(status);
  if (!rollback) return null;
  const to = releaseTime(rollback.to);
  const version = Number.isNaN(to) ? rollback.to : `dựng lúc ${time(to)}`;
  return `Quản trị đã quay cổng về phiên bản ${version} (lúc ${time(rollback.at)}); các thay đổi sau đó sẽ hiển thị lại ở lần cập nhật cổng tới.`;
}

/** A line for the editor when the last build failed (the site still shows the previous version). */
export function publisherNotice(status: PublisherStatus | null): string | null {
  if (!status?.lastFailureAt || (status.lastSuccessAt && status.lastSuccessAt > status.lastFailureAt)) return null;
  const retry = status.nextRetryAt ? `; hệ thống tự thử lại lúc ${time(status.nextRetryAt)}` : '';
  return `Lần cập nhật cổng gần nhất bị lỗi lúc ${time(status.lastFailureAt)}, cổng vẫn hiển thị phiên bản trước${retry}.`;
}
