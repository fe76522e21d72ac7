/**
 * Which paths a publish build visits (site/src/lib/changed-pages.ts hands them over; astro-hard-links.ts
 * puts the others into the release). Astro's incremental build copies a page from its cache when the page's
 * cacheKey and its route's code (dependency hash) are those of the last build, but it still walks every path
 * to find out. A path whose cacheKey is the one the last build's manifest recorded for it needs no visit as
 * long as its route's code is unchanged, and that is checked on one visited path per route: the first keyed
 * path of every route is visited whatever its key (Astro passes its route's dependency hash to canSkip), and
 * if a route's code changed the build fails before anything is released (checkRoutes).
 *
 * Only for builds whose manifest Astro itself accepted (same cache version, config and lockfile hashes, not
 * forced) and only for paths Astro could skip the same way: keyed, recorded with the same key, no content
 * collection entries or headers to track. Everything else is visited as before.
 */

/** A path as Astro's prerenderer lists it (astro/dist/types/public/integrations.d.ts, PathWithRoute). */
export interface PathLike {
  pathname: string;
  route: { component: string };
  cacheKey?: string | undefined;
}

/** One path of Astro's incremental-build.json (astro/dist/core/build/incremental.js, record()). */
export interface ManifestPath {
  cacheKey?: string;
  outputFile: string;
  contentHashes?: Record<string, string>;
  staticImages?: unknown[];
  referencedImages?: string[];
  headers?: unknown[];
}

export interface CacheManifest {
  version?: number;
  configHash?: string;
  lockfileHash?: string;
  routes?: Record<string, { dependencyHash?: string; paths?: Record<string, ManifestPath> }>;
}

/** A path left out of the visit: what the last build recorded for it is carried into this one. */
export interface Unvisited {
  component: string;
  pathname: string;
  dependencyHash: string;
  entry: ManifestPath;
}

export interface VisitPlan<P extends PathLike> {
  visit: P[];
  unvisited: Unvisited[];
}

/** Astro's manifest version this was written for (CACHE_VERSION in incremental.js). */
export const MANIFEST_VERSION = 1;

/** Whether Astro loads `manifest` as the previous build for a build with these hashes (readManifest). */
export function manifestAccepted(
  manifest: CacheManifest | undefined,
  hashes: { configHash: unknown; lockfileHash: unknown; force: unknown },
): manifest is CacheManifest {
  return (
    manifest !== undefined &&
    manifest.version === MANIFEST_VERSION &&
    manifest.configHash === hashes.configHash &&
    manifest.lockfileHash === hashes.lockfileHash &&
    !hashes.force
  );
}

/** Splits the build's paths into those Astro visits and those carried over unvisited (see the file comment). */
export function planVisit<P extends PathLike>(previous: CacheManifest, paths: readonly P[]): VisitPlan<P> {
  // A pathname two routes give is left to Astro's own conflict handling: both visited.
  const seen = new Map<string, number>();
  for (const { pathname } of paths) seen.set(pathname, (seen.get(pathname) ?? 0) + 1);
  const checked = new Set<string>();
  const visit: P[] = [];
  const unvisited: Unvisited[] = [];
  for (const path of paths) {
    const component = path.route.component;
    const route = previous.routes?.[component];
    const dependencyHash = route?.dependencyHash;
    const entry = route?.paths?.[path.pathname];
    const unchanged =
      path.cacheKey !== undefined &&
      dependencyHash !== undefined &&
      entry !== undefined &&
      entry.cacheKey === path.cacheKey &&
      typeof entry.outputFile === 'string' &&
      entry.contentHashes === undefined &&
      !entry.headers?.length &&
      seen.get(path.pathname) === 1;
    if (unchanged && checked.has(component)) {
      unvisited.push({ component, pathname: path.pathname, dependencyHash, entry });
      continue;
    }
    visit.push(path);
    if (path.cacheKey !== undefined) checked.add(component);
  }
  return { visit, unvisited };
}

/**
 * Throws unless every route with unvisited paths had a path visited with the dependency hash the last build
 * recorded (`observed`: route → the hash Astro passed for it in this build). A route whose code changed since
 * (the site's code edited while the portal runs; a restart builds everything anyway) would otherwise keep
 * pages made by its old code: the build fails, and the next one, finding it unfinished, renders everything.
 */
export function checkRoutes(unvisited: readonly Unvisited[], observed: ReadonlyMap<string, string>): void {
  const stale = new Set<string>();
  for (const page of unvisited) if (observed.get(page.component) !== page.dependencyHash) stale.add(page.component);
  if (stale.size)
    throw new Error(
      `The code of ${[...stale].join(', ')} changed since the last build, whose unchanged pages this build ` +
        'was to keep; the next build renders every page again.',
    );
}
