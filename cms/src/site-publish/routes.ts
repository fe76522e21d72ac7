import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { isSiteType } from './capture';
import { claimChanges, completeBuild, entryPublicState, queueState } from './outbox';

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
  })
  .strict();
export type PublisherStatus = z.infer<typeof StatusSchema>;
const STATUS_KEY = { type: 'core', name: 'portal-publisher', key: 'status' } as const;

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
          ctx.body = { claimed: await claimChanges(strapi, parsed.data.build) };
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

  // For the editor: is this entry on the portal yet? Needs an admin session like the content manager.
  const EntrySchema = z.object({ uid: z.string().max(120), documentId: z.string().regex(/^[a-z0-9]{1,64}$/) });
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
          const { uid, documentId } = parsed.data;
          if (!isSiteType(strapi, uid)) {
            ctx.status = 400;
            ctx.body = { error: { status: 400, name: 'ValidationError', message: 'Not a public content type' } };
            return;
          }
          const state = await entryPublicState(strapi, uid, documentId);
          const notice = publisherNotice(await readStatus(strapi));
          const published = await isPublished(strapi, uid, documentId);
          ctx.body = { data: { ...state, published, label: publicStateLabel({ ...state, published }), notice } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { type: 'admin' },
      },
    ],
  });
}

const TIME = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** Whether any version of the entry is published (types without drafts: whether it exists). */
async function isPublished(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<boolean> {
  const draftAndPublish = Boolean(strapi.contentType(uid).options?.draftAndPublish);
  const where = draftAndPublish ? { documentId, publishedAt: { $notNull: true } } : { documentId };
  return (await strapi.db.query(uid).count({ where })) > 0;
}

/**
 * What the editor reads next to the entry. A withdrawn (unpublished or deleted) entry whose last
 * change is live has left the portal at that time.
 */
export function publicStateLabel(state: { state: string; liveAt: number | null; published: boolean }): string {
  if (state.state === 'pending') return 'Đang chờ cập nhật lên cổng';
  const at = state.liveAt ? TIME.format(new Date(state.liveAt)) : undefined;
  if (!state.published) return state.state === 'live' && at ? `Đã gỡ khỏi cổng lúc ${at}` : 'Chưa đăng trên cổng';
  if (state.state === 'live' && at) return `Đã lên cổng lúc ${at}`;
  return 'Chưa có thông tin cập nhật lên cổng';
}

/** A line for the editor when the last build failed (the site still shows the previous version). */
export function publisherNotice(status: PublisherStatus | null): string | null {
  if (!status?.lastFailureAt || (status.lastSuccessAt && status.lastSuccessAt > status.lastFailureAt)) return null;
  const retry = status.nextRetryAt ? `; hệ thống tự thử lại lúc ${TIME.format(new Date(status.nextRetryAt))}` : '';
  return `Lần cập nhật cổng gần nhất bị lỗi lúc ${TIME.format(new Date(status.lastFailureAt))}, cổng vẫn hiển thị phiên bản trước${retry}.`;
}
