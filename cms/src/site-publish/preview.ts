/**
 * Strapi's preview (config/admin.ts `preview`): the content manager asks this handler for the URL of
 * an entry's preview and shows it in a frame beside the form. The URL is the portal's /xem-truoc/
 * route with a token signed here for the entry (preview-token.ts): only an editor signed in to the
 * admin gets one (the content manager's preview route needs an admin session), and only for types
 * the editor may read.
 */
import { PREVIEW } from '../url-words.ts';
import { PREVIEW_TYPES, signPreview } from './preview-token.ts';

interface StrapiLike {
  requestContext?: {
    get(): { state?: { userAbility?: { can(action: string, subject: string): boolean } } } | undefined;
  };
}

/** The site's origin the preview frame may show (CSP frame-src of the admin). */
export function previewOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    return env.PUBLIC_SITE_URL ? [new URL(env.PUBLIC_SITE_URL).origin] : [];
  } catch {
    return [];
  }
}

export function previewHandler(env: NodeJS.ProcessEnv = process.env) {
  return (uid: string, params: { documentId?: string; locale?: string | null; status?: string }): string | null => {
    const siteUrl = env.PUBLIC_SITE_URL;
    const secret = env.PORTAL_PUBLISHER_TOKEN;
    if (!siteUrl || !secret || !params.documentId || !PREVIEW_TYPES.has(uid)) return null;
    // The content manager only asks for an authenticated admin; reading the type is needed too.
    const ability = (globalThis as { strapi?: StrapiLike }).strapi?.requestContext?.get()?.state?.userAbility;
    if (ability && !ability.can('plugin::content-manager.explorer.read', uid)) return null;
    const query = signPreview(secret, { uid, documentId: params.documentId, locale: params.locale || 'vi' });
    return new URL(`/${PREVIEW}/?${query.toString()}`, siteUrl).href;
  };
}
