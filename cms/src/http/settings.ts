/**
 * How the CMS meets the network, from settings: which browser origins may call it with credentials,
 * how many reverse proxies in front of it to believe about the client's address, and whether the
 * admin's login cookie is sent over HTTPS only. Read by config/server.ts, admin.ts and middlewares.ts.
 */
import { z } from 'zod';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const httpUrl = z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional());

export const HttpSettingsSchema = z.object({
  HOST: z.preprocess(blankAsUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(65535).default(1337)),
  /** Public URL of the CMS (and so of its admin), when it runs behind a proxy. */
  CMS_PUBLIC_URL: httpUrl,
  /** Canonical URL of the public site: its pages may call the CMS from the browser. */
  PUBLIC_SITE_URL: httpUrl,
  /** Reverse proxies in front of the CMS whose X-Forwarded-For/-Proto to believe (0: none). */
  PROXY_TRUSTED_HOPS: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: 'PROXY_TRUSTED_HOPS must be a whole number of proxies (0 for none)' })
      .int({ error: 'PROXY_TRUSTED_HOPS must be a whole number of proxies (0 for none)' })
      .min(0)
      .max(10)
      .default(0),
  ),
  /** true | false; unset: Secure exactly when CMS_PUBLIC_URL is https. */
  ADMIN_COOKIE_SECURE: z.preprocess(blankAsUndefined, z.enum(['true', 'false']).optional()),
});

export interface HttpSettings {
  /** Origins allowed to call the CMS from a browser (CORS); every other origin gets no CORS header. */
  origins: string[];
  proxy: { koa: boolean; maxIpsCount: number };
  adminCookieSecure: boolean;
}

export function httpSettings(env: NodeJS.ProcessEnv = process.env): HttpSettings {
  const parsed = HttpSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid CMS network settings:\n  ${messages.join('\n  ')}`);
  }
  const settings = parsed.data;
  const admin = settings.CMS_PUBLIC_URL
    ? [new URL(settings.CMS_PUBLIC_URL).origin]
    : // Without a public URL the admin is opened on the address it listens on.
      [`http://${settings.HOST}:${settings.PORT}`, `http://localhost:${settings.PORT}`];
  const site = settings.PUBLIC_SITE_URL ? [new URL(settings.PUBLIC_SITE_URL).origin] : [];
  const hops = settings.PROXY_TRUSTED_HOPS;
  const adminCookieSecure =
    settings.ADMIN_COOKIE_SECURE === undefined
      ? settings.CMS_PUBLIC_URL?.startsWith('https:') === true
      : settings.ADMIN_COOKIE_SECURE === 'true';
  // Koa refuses to send a Secure cookie on a request it does not see as HTTPS: behind a TLS proxy it
  // only does when it trusts that proxy's X-Forwarded-Proto. Say so now rather than fail every login.
  if (adminCookieSecure && hops === 0) {
    throw new Error(
      'Invalid CMS network settings:\n  The admin login cookie is Secure (CMS_PUBLIC_URL is https or ADMIN_COOKIE_SECURE=true), ' +
        'so the CMS must trust the HTTPS proxy in front of it: set PROXY_TRUSTED_HOPS=1 (or the number of proxies).',
    );
  }
  return {
    origins: [...new Set([...admin, ...site])],
    proxy: { koa: hops > 0, maxIpsCount: hops },
    adminCookieSecure,
  };
}
