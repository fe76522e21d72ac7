/**
 * The one owner of the portal's security headers: the static server of `npm start` sends them on
 * every answer, the CMS sends the parts that apply to an API and its admin panel, and
 * docs/nginx.conf.example repeats them (a test keeps the three in step).
 *
 * Why each header is what it is:
 * - Content-Security-Policy: the built pages load scripts, styles, images and fonts from their own
 *   origin only, and talk to the search engine (its origin is added when it is not the site's own).
 *   Astro inlines small scripts and styles into each page (and the base layout has one `is:inline`
 *   script that must run before the first paint), so inline scripts and styles stay allowed; what the
 *   policy removes is every other origin, plugins, `<base>` hijacking, forms posting elsewhere and
 *   framing (clickjacking).
 * - Referrer-Policy: other sites learn the portal's origin, never the page a citizen read or searched.
 * - Permissions-Policy: a public portal needs no camera, microphone, location, payment or USB.
 * - Strict-Transport-Security only where the site is served over HTTPS (nginx), never on 127.0.0.1.
 */

/**
 * Sent by the site and the CMS alike. Framing is decided per server: the site refuses every frame;
 * the CMS keeps Strapi's same-origin rule (its admin may frame its own preview pages).
 */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export interface SiteHeaderOptions {
  /**
   * Origin browsers reach Meilisearch on when it is not the site's own (npm start: its own port).
   * Behind a reverse proxy that serves it under the site's origin, leave it out.
   */
  searchOrigin?: string;
  /** Served over HTTPS: browsers are then told to refuse plain HTTP to this host for a year. */
  https?: boolean;
}

/** The site's Content-Security-Policy, directive by directive. */
export function siteContentSecurityPolicy(options: SiteHeaderOptions = {}): string {
  const connect = ["'self'", ...(options.searchOrigin ? [new URL(options.searchOrigin).origin] : [])];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-inline'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Every security header of the public site. */
export function siteSecurityHeaders(options: SiteHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': siteContentSecurityPolicy(options),
    ...COMMON_SECURITY_HEADERS,
    'X-Frame-Options': 'DENY',
    ...(options.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/**
 * Cache-Control of the built site: hashed assets under /_astro/ never change, so browsers keep them
 * a year; everything else (pages, feeds, the favicon) is revalidated with its ETag on every visit so a
 * publish shows at once.
 */
export function siteCacheControl(pathname: string): string {
  return pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
