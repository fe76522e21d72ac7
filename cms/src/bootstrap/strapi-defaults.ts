import type { Core } from '@strapi/strapi';
import { findRow, findRows } from '../content-types';
import { adminService } from '../strapi-services';

/**
 * What Strapi creates on a fresh install and this portal does not use: the "Read Only" and "Full Access"
 * API tokens (a full-access token writes past the editorial chain, and both list the whole media library
 * including draft attachments) and the "Editor" and "Author" admin roles (Editor reads the audit trail,
 * deletes anyone's entries and edits site settings). Matched by Strapi's own names and codes, so the
 * portal's site token and editorial roles are never touched.
 */
export const DEFAULT_TOKENS = [
  { name: 'Read Only', type: 'read-only' },
  { name: 'Full Access', type: 'full-access' },
] as const;
export const DEFAULT_ROLE_CODES = ['strapi-editor', 'strapi-author'] as const;

/**
 * Removes Strapi's default tokens and roles on every start (idempotent: nothing left, nothing done).
 * A default role still held by someone cannot be deleted without leaving them roleless: it is emptied
 * instead (no permission at all) and the operator is told to move those users to an editorial role.
 */
export async function removeStrapiDefaults(strapi: Core.Strapi): Promise<void> {
  const tokens = adminService(strapi, 'api-token-content-api');
  for (const { name, type } of DEFAULT_TOKENS) {
    const found = await findRows(strapi, 'admin::api-token', { where: { name, type }, select: ['id'] });
    for (const token of found) {
      await tokens.revoke(token.id);
      strapi.log.info(`[portal] removed Strapi's default API token "${name}"`);
    }
  }

  const roles = adminService(strapi, 'role');
  for (const code of DEFAULT_ROLE_CODES) {
    const role = await findRow(strapi, 'admin::role', {
      where: { code },
      select: ['id', 'name'],
      populate: { users: { select: ['id'] } },
    });
    if (!role) continue;
    if ((role.users ?? []).length === 0) {
      await roles.deleteByIds([role.id]);
      strapi.log.info(`[portal] removed Strapi's default admin role "${role.name}"`);
    } else {
      await roles.assignPermissions(role.id, []);
      strapi.log.warn(
        `[portal] Strapi's default admin role "${role.name}" is held by ${role.users?.length} user(s): ` +
          'its permissions were removed; give them an editorial role, then the role is deleted on the next start',
      );
    }
  }
}
