/**
 * The portal's own settings for the CMS process (Strapi's own settings live in config/).
 * Parsed once at bootstrap so a wrong value stops the start with a message instead of failing later.
 */
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const PortalEnvSchema = z.object({
  /** Super admin created on first start when no admin exists yet. */
  PORTAL_ADMIN_EMAIL: optional.pipe(z.email('PORTAL_ADMIN_EMAIL must be an email address').optional()),
  PORTAL_ADMIN_PASSWORD: optional.pipe(
    z
      .string()
      .min(8, 'PORTAL_ADMIN_PASSWORD must have at least 8 characters')
      .regex(/[a-z]/, 'PORTAL_ADMIN_PASSWORD needs a lowercase letter')
      .regex(/[A-Z]/, 'PORTAL_ADMIN_PASSWORD needs an uppercase letter')
      .regex(/\d/, 'PORTAL_ADMIN_PASSWORD needs a digit')
      .optional(),
  ),
  /**
   * A file (written by npm start, owner-only) holding the first super admin's {"email","password"};
   * read once and deleted once the admin exists, so the password stays in no environment or log.
   */
  PORTAL_ADMIN_FILE: optional,
  /** Value of the read-only API token the site build uses; kept in step on every start. */
  PORTAL_SITE_TOKEN: optional.pipe(z.string().min(32, 'PORTAL_SITE_TOKEN must have at least 32 characters').optional()),
  /**
   * Shared secret of the site publisher (scripts/src/publisher/), which claims and clears the site
   * outbox through /api/portal-publisher/*. Unset: those routes do not exist; changes are still recorded.
   */
  PORTAL_PUBLISHER_TOKEN: optional.pipe(
    z.string().min(32, 'PORTAL_PUBLISHER_TOKEN must have at least 32 characters').optional(),
  ),
  /** Folder with categories.json and articles.json; loaded once into an empty database. Unset: no demo content. */
  PORTAL_DEMO_CONTENT_DIR: optional,
});
export type PortalEnv = z.infer<typeof PortalEnvSchema>;

export function readPortalEnv(env: NodeJS.ProcessEnv = process.env): PortalEnv {
  const parsed = PortalEnvSchema.safeParse(env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid portal settings:\n  ${messages.join('\n  ')}`);
  }
  if (Boolean(parsed.data.PORTAL_ADMIN_EMAIL) !== Boolean(parsed.data.PORTAL_ADMIN_PASSWORD)) {
    throw new Error('Invalid portal settings: set both PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD, or neither');
  }
  return parsed.data;
}
