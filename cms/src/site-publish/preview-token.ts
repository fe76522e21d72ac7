/**
 * The draft preview's token: the CMS signs, for an editor signed in to the admin, a short-lived
 * URL naming one entry; the portal's server (scripts/src/preview/) checks it before it renders the
 * draft. Both sides hold PORTAL_PUBLISHER_TOKEN (the publisher's key to the CMS); the signing key
 * is derived from it, so the token itself never leaves the servers. Pure (node:crypto only): loaded
 * by the portal as @portal/cms/model/preview-token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a preview link works: long enough to read a draft, short enough not to be passed around. */
export const PREVIEW_TTL_SECONDS = 15 * 60;

/** The types the portal can show a draft of (site/src/preview/DraftPage.astro renders them). */
export const PREVIEW_TYPES: ReadonlySet<string> = new Set(['api::article.article']);

/** Query parameters of the preview URL. */
export const PREVIEW_PARAMS = {
  type: 'loai',
  documentId: 'ma',
  locale: 'ngon-ngu',
  expires: 'het-han',
  signature: 'chu-ky',
} as const;

export interface PreviewTarget {
  uid: string;
  documentId: string;
  locale: string;
}

const key = (secret: string) => createHmac('sha256', secret).update('portal-draft-preview-v1').digest();

function sign(secret: string, target: PreviewTarget, expires: number): string {
  return createHmac('sha256', key(secret))
    .update([target.uid, target.documentId, target.locale, String(expires)].join('\n'))
    .digest('hex');
}

/** The query string of a preview URL for `target`, valid until now + PREVIEW_TTL_SECONDS. */
export function signPreview(secret: string, target: PreviewTarget, now = Date.now()): URLSearchParams {
  if (!secret) throw new Error('No signing secret (PORTAL_PUBLISHER_TOKEN) for the draft preview');
  const expires = Math.floor(now / 1000) + PREVIEW_TTL_SECONDS;
  return new URLSearchParams({
    [PREVIEW_PARAMS.type]: target.uid,
    [PREVIEW_PARAMS.documentId]: target.documentId,
    [PREVIEW_PARAMS.locale]: target.locale,
    [PREVIEW_PARAMS.expires]: String(expires),
    [PREVIEW_PARAMS.signature]: sign(secret, target, expires),
  });
}

export type PreviewCheck = { ok: true; target: PreviewTarget } | { ok: false; status: 401 | 403; reason: string };

/** 401 without a token, 403 with a wrong, altered or expired one. */
export function verifyPreview(secret: string, query: URLSearchParams, now = Date.now()): PreviewCheck {
  const signature = query.get(PREVIEW_PARAMS.signature);
  if (!signature) return { ok: false, status: 401, reason: 'missing token' };
  const uid = query.get(PREVIEW_PARAMS.type) ?? '';
  const documentId = query.get(PREVIEW_PARAMS.documentId) ?? '';
  const locale = query.get(PREVIEW_PARAMS.locale) ?? '';
  const expires = Number(query.get(PREVIEW_PARAMS.expires));
  if (!secret || !/^api::[a-z-]+\.[a-z-]+$/.test(uid) || !/^[a-z0-9]{1,64}$/.test(documentId))
    return { ok: false, status: 403, reason: 'malformed token' };
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) return { ok: false, status: 403, reason: 'malformed token' };
  const expected = Buffer.from(sign(secret, { uid, documentId, locale }, expires), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (!Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, status: 403, reason: 'bad signature' };
  const seconds = Math.floor(now / 1000);
  if (expires < seconds || expires > seconds + PREVIEW_TTL_SECONDS + 60)
    return { ok: false, status: 403, reason: 'expired' };
  return { ok: true, target: { uid, documentId, locale } };
}
