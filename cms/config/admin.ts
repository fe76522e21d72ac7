import type { Core } from '@strapi/strapi';
import { httpSettings } from '../src/http/settings';
import { previewHandler, previewOrigins } from '../src/site-publish/preview';

// Missing secrets are left empty so that Strapi's own start-up check names them.
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
    // Secure whenever the admin is served over HTTPS (CMS_PUBLIC_URL). Otherwise left to Strapi, which
    // makes it Secure on each request that arrived over HTTPS (through a trusted proxy).
    cookie: { secure: httpSettings().adminCookieSecure || undefined, sameSite: 'lax' },
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', ''),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', ''),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', ''),
  },
  // "Xem trước": a draft as the portal will show it, on the portal's /xem-truoc/ route (src/site-publish/preview.ts).
  preview: {
    enabled: previewOrigins().length > 0,
    config: { allowedOrigins: previewOrigins(), handler: previewHandler() },
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
