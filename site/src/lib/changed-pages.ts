/**
 * Publish builds visit only the pages whose data changed. Astro's incremental build (page-keys.ts) copies
 * an unchanged page from its cache instead of rendering it, but it still walks every path of the site to
 * find out: at 50k entries (61k pages) that walk was ~3 s of CPU of every publish build (a URL, an exists
 * check, a link and two log lines a page), for the 15-60 pages that did change.
 *
 * This integration hands the paths Astro is about to generate to the portal's build preload
 * (scripts/src/services/astro-unchanged-pages.ts, loaded with `node --import` by the publisher), which
 * returns the ones to visit: those whose cache key differs from the last build's, new ones, and one per
 * route (its code must still be the code the other pages were made with). The preload puts the others
 * into the release from the cache itself. Without the preload (a manual `astro build`) nothing changes:
 * every path is visited.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';

/** Where the preload leaves its path selector for this integration (a registered symbol: one per process). */
export const SELECT_PATHS = Symbol.for('portal.site.selectPaths');
/**
 * Set to true when this integration has put the selector in Astro's way for the build that starts: only then
 * may the preload link unchanged pages into the release before the selector runs (astro-hard-links.ts), since
 * the selector is what removes those links from the pages Astro then renders.
 */
export const SELECTOR_IN_USE = Symbol.for('portal.site.selectorInUse');

export type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
/** The preload's selector: the paths Astro should visit, from all the paths of the build. */
export type SelectPaths = (paths: PathWithRoute[]) => PathWithRoute[];

export function changedPagesOnly(): AstroIntegration {
  return {
    name: 'portal-changed-pages-only',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        const select = (globalThis as Record<symbol, unknown>)[SELECT_PATHS];
        if (typeof select !== 'function') return;
        (globalThis as Record<symbol, unknown>)[SELECTOR_IN_USE] = true;
        // The default prerenderer with its path list filtered; setup and render are its own.
        setPrerenderer((prerenderer) =>
          Object.assign(Object.create(prerenderer) as AstroPrerenderer, {
            name: 'portal-changed-pages-only',
            getStaticPaths: async () => (select as SelectPaths)(await prerenderer.getStaticPaths()),
            teardown: async () => {
              await prerenderer.teardown?.();
              // The publisher's long-lived build process (scripts/src/services/site-builder.ts) keeps each
              // build's bundle loaded (Node keeps the modules it imported): the app's route cache, every page's
              // props, would stay reachable with it.
              (prerenderer as { app?: { routeCache?: { clearAll?: () => void } } }).app?.routeCache?.clearAll?.();
            },
          }),
        );
      },
    },
  };
}
