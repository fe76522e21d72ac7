import type { Core } from '@strapi/strapi';

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
    Object.entries(strapi.contentTypes)
      .filter(([uid]) => uid.startsWith('api::'))
      .sort(([a], [b]) => a.localeCompare(b))
      // A single type has no findOne: its find returns the one entry.
      .flatMap(([uid, type]) => (type.kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`]))
      .filter((action) => existing.has(action))
  );
}

/**
 * The site build reads the CMS with this token. Its value is generated with the other secrets outside
 * Strapi (so the build can use it without an admin login) and Strapi is kept in step with it. Strapi
 * stores only an HMAC of the key plus an encrypted copy for the admin panel.
 */
export async function ensureSiteToken(strapi: Core.Strapi, accessKey: string | undefined): Promise<void> {
  if (!accessKey) return;
  const tokens = strapi.service('admin::api-token-content-api');
  const permissions = sitePermissions(strapi);
  const rows = strapi.db.query('admin::api-token');

  let token = await rows.findOne({ where: { name: TOKEN_NAME }, populate: ['permissions'] });
  if (!token) {
    await tokens.create({
      name: TOKEN_NAME,
      description: 'Site build: reads published content only (managed by the portal; do not edit)',
      type: 'custom',
      permissions,
      lifespan: null,
    });
    strapi.log.info(`[portal] created API token "${TOKEN_NAME}" (${permissions.length} read permissions)`);
    token = await rows.findOne({ where: { name: TOKEN_NAME }, populate: ['permissions'] });
  }
  const current = ((token.permissions ?? []) as Array<{ action: string }>).map((p) => p.action).sort();
  if (token.type !== 'custom' || current.join() !== permissions.join()) {
    await tokens.update(token.id, { type: 'custom', permissions });
  }
  const hashed: string = tokens.hash(accessKey);
  if (token.accessKey !== hashed) {
    await rows.update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: strapi.service('admin::encryption').encrypt(accessKey) },
    });
  }
}
