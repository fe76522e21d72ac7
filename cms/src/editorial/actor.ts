import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { PORTAL_ROLES } from './roles';
import type { Actor } from './stages';

export interface AdminUser {
  id: number;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ code?: string | null }>;
}

/** Who the audit trail names: an admin user, the system, or the system acting for a user (schedules). */
export interface Acting {
  kind: Actor;
  user: AdminUser | null;
  name: string;
  onBehalfOf?: AdminUser | null;
}

const SUPER_ADMIN_CODE = 'strapi-super-admin';
const RANK = ['chief', 'reviewer', 'editor', 'officer'] as const;

/**
 * Work the system does for someone (the schedule runs a publish requested by a chief). Inside it, writes
 * are system writes, and the audit trail names both.
 */
export const systemActing = new AsyncLocalStorage<Acting>();

export function fullName(user: AdminUser): string {
  return [user.firstname, user.lastname].filter(Boolean).join(' ') || (user.email ?? `#${user.id}`);
}

/** The most capable editorial role of a user; unknown roles act as editors (least privilege); officers only as officers. */
export function actorOfUser(user: AdminUser): Actor {
  const codes = (user.roles ?? []).map((role) => role.code);
  if (codes.includes(SUPER_ADMIN_CODE)) return 'superAdmin';
  const actors = PORTAL_ROLES.filter((role) => codes.includes(role.code)).map((role) => role.actor);
  return RANK.find((actor) => actors.some((held) => held === actor)) ?? 'editor';
}

/**
 * The admin user of the current request (the admin auth strategy loads it with its roles). Requests
 * without one (content-API tokens, seed, cron) are system writes: the workflow does not restrict them.
 */
export function currentActing(strapi: Core.Strapi): Acting {
  const scheduled = systemActing.getStore();
  if (scheduled) return scheduled;
  const state = strapi.requestContext.get()?.state as { user?: AdminUser; auth?: { strategy?: { name?: string } } };
  const user = state?.auth?.strategy?.name === 'admin' ? state.user : undefined;
  if (!user) return { kind: 'system', user: null, name: 'Hệ thống' };
  return { kind: actorOfUser(user), user, name: fullName(user) };
}
