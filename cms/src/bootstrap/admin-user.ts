import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from settings so a fresh install needs no browser step.
 * Does nothing once any admin exists: the password is then the editors' to change, not ours to reset.
 */
export async function ensureSuperAdmin(
  strapi: Core.Strapi,
  credentials: { email: string; password: string } | undefined,
): Promise<'created' | 'exists' | 'skipped'> {
  if (!credentials) return 'skipped';
  const users = strapi.service('admin::user');
  if (await users.exists()) return 'exists';

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
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
