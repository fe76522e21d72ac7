/**
 * The draft preview route of the preview server: `astro dev` with PORTAL_PREVIEW=1 (started on demand by
 * scripts/src/preview/, on 127.0.0.1, behind the portal's token check) gets one on-demand route that
 * renders an entry's draft with the site's own components. A build never has it: the integration does
 * nothing without the variable, and refuses to run in `astro build` with it.
 */
import type { AstroIntegration } from 'astro';

/** The route on the preview server (internal; the public path is /xem-truoc/ on the portal's server). */
export const DRAFT_ROUTE = '/ban-nhap-xem-truoc/[type]/[documentId]';

export function draftPreview(enabled: boolean): AstroIntegration {
  return {
    name: 'portal-draft-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (!enabled) return;
        if (command === 'build') throw new Error('PORTAL_PREVIEW is for the preview server (astro dev), never a build');
        injectRoute({
          pattern: DRAFT_ROUTE,
          entrypoint: new URL('./DraftPage.astro', import.meta.url),
          prerender: false,
        });
      },
    },
  };
}
