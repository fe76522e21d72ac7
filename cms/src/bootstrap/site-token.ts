import type { Core, UID } from '@strapi/strapi';
import { findSomeRow, isContentType } from '../content-types';
import { adminService } from '../strapi-services';

const TOKEN_NAME = 'site-build';

/**
 * What the site may read: find and findOne of the project's own content types, nothing else.
 * Strapi's built-in "read-only" type would also open plugin routes (the media library's file list,
 * user accounts), so the token is a custom one with this allow-list, recomputed on every start so a
 * new content type is readable without anyone editing the token. Only actions the content API really
 * has are kept: a type without a controller (the audit trail) has none, and the token must not name it.
 * Fields marked private stay hidden by Strapi's content API sanitiser.
 */
export function sitePermissions(strapi: Core.Strapi): string[] {
  const existing = new Set<string>(strapi.contentAPI.permissions.providers.action.keys());
  return (
    Object.keys(strapi.contentTypes)
      .filter((uid): uid is UID.ContentType => uid.startsWith('api::') && isContentType(strapi, uid))
      .sort((a, b) => a.localeCompare(b))
      // A single type has no findOne: its find returns the one entry.
      .flatMap((uid) =>
        strapi.contentType(uid).kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`],
      )
      .filter((action) => existing.has(action))
  );
}

/**
 * The site build reads the CMS with this token. Its value is generated with the other secrets outside
 * Strapi (so the build can use it without an admin login) and Strapi is kept in step with it. Strapi
 * stores only an HMAC of the key plus an encrypted copy for the admin panel.
 */
/** The stored token as read here (Strapi's api-token row with its permissions). */
interface TokenRow {
  id: number;
  type: string;
  accessKey: string;
  permissions?: Array<{ action: string }> | null;
}

export async function ensureSiteToken(strapi: Core.Strapi, accessKey: string | undefined): Promise<void> {
  if (!accessKey) return;
  const tokens = adminService(strapi, 'api-token-content-api');
  const permissions = sitePermissions(strapi);
  const rows = strapi.db.query('admin::api-token');
  const find = () =>
    findSomeRow<TokenRow>(strapi, 'admin::api-token', { where: { name: TOKEN_NAME }, populate: ['permissions'] });

  let token = await find();
  if (!token) {
    await tokens.create({
      name: TOKEN_NAME,
      description: 'Site build: reads published content only (managed by the portal; do not edit)',
      type: 'custom',
      permissions,
      lifespan: null,
    });
    strapi.log.info(`[portal] created API token "${TOKEN_NAME}" (${permissions.length} read permissions)`);
    token = await find();
    if (!token) throw new Error(`Strapi did not store the API token "${TOKEN_NAME}"`);
  }
  const current = (token.permissions ?? []).map((p) => p.action).sort();
  if (token.type !== 'custom' || current.join() !== permissions.join()) {
    await tokens.update(token.id, { type: 'custom', permissions });
  }
  const hashed = tokens.hash(accessKey);
  if (token.accessKey !== hashed) {
    await rows.update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: adminService(strapi, 'encryption').encrypt(accessKey) },
    });
  }
}
