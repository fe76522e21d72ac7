import { readFileSync, rmSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { adminService } from '../strapi-services';

const FirstAdminSchema = z.object({ email: z.email(), password: z.string().min(8) });

/**
 * The first admin's login: from the file npm start hands over (PORTAL_ADMIN_FILE), else from
 * PORTAL_ADMIN_EMAIL/PORTAL_ADMIN_PASSWORD set by an operator running the CMS alone. The password is
 * then removed from this process's environment so nothing later (a crash report, a child process)
 * carries it.
 */
export function firstAdminLogin(env: {
  PORTAL_ADMIN_FILE?: string;
  PORTAL_ADMIN_EMAIL?: string;
  PORTAL_ADMIN_PASSWORD?: string;
}): { email: string; password: string } | undefined {
  delete process.env.PORTAL_ADMIN_PASSWORD;
  if (env.PORTAL_ADMIN_FILE) {
    let text: string;
    try {
      text = readFileSync(env.PORTAL_ADMIN_FILE, 'utf8');
    } catch {
      // Already handed over and deleted (a restart): the admin exists.
      return undefined;
    }
    const parsed = FirstAdminSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(`${env.PORTAL_ADMIN_FILE} does not hold {"email", "password"} of the first admin`);
    return parsed.data;
  }
  return env.PORTAL_ADMIN_EMAIL && env.PORTAL_ADMIN_PASSWORD
    ? { email: env.PORTAL_ADMIN_EMAIL, password: env.PORTAL_ADMIN_PASSWORD }
    : undefined;
}

/** Deletes the hand-over file once the admin exists. */
export function forgetFirstAdminFile(file: string | undefined): void {
  if (file) rmSync(file, { force: true });
}

/**
 * Creates the first super admin from settings so a fresh install needs no browser step.
 * Does nothing once any admin exists: the password is then the editors' to change, not ours to reset.
 */
export async function ensureSuperAdmin(
  strapi: Core.Strapi,
  credentials: { email: string; password: string } | undefined,
): Promise<'created' | 'exists' | 'skipped'> {
  if (!credentials) return 'skipped';
  const users = adminService(strapi, 'user');
  if (await users.exists()) return 'exists';

  const superAdminRole = await adminService(strapi, 'role').getSuperAdmin();
  if (!superAdminRole) throw new Error('The super admin role is missing; Strapi did not finish its own bootstrap');

  await users.create({
    email: credentials.email.toLowerCase(),
    firstname: 'Quản trị',
    lastname: 'hệ thống',
    password: credentials.password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`[portal] created super admin ${credentials.email}`);
  return 'created';
}
