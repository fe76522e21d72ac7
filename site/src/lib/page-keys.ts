/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild, on when the publisher gives
 * the build a cache folder, SITE_CACHE_DIR): a page is copied from the last build instead of rendered
 * when its key and its code are unchanged. A key must therefore cover exactly the data the page
 * shows: its own props, what its components read (related and latest articles), and what every page
 * shows (the portal's settings, the menu and footer pages, the link to the other language).
 */
import { createHash } from 'node:crypto';
import { portalSettings, staticPages } from './cms-portal.ts';
import { keyReplacer } from './part-digests.ts';
import { translations } from './translations.ts';

/**
 * A short stable digest of JSON-serialisable parts. The large parts of the content snapshot's entries
 * (bodies, steps) enter as the digests the snapshot keeps for them (part-digests.ts), not re-serialised.
 */
export function cacheKeyOf(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(JSON.stringify(part, keyReplacer) ?? 'undefined').update('\n');
  return hash.digest('base64url');
}

let shared: Promise<string> | undefined;
/** What the layout shows on every page (header, menu, footer), as one digest per build. */
export function layoutKey(): Promise<string> {
  shared ??= (async () => cacheKeyOf(await portalSettings(), await staticPages('vi'), await staticPages('en')))();
  return shared;
}

/**
 * A one-file route (a feed, a data file) keyed by its own bytes: the body is made in getStaticPaths,
 * which costs little for such files, and the key cannot miss anything the file holds.
 */
export function keyedFile<P extends Record<string, string | undefined>>(
  params: P,
  body: string,
): { params: P; props: { body: string }; cacheKey: string } {
  return { params, props: { body }, cacheKey: cacheKeyOf(body) };
}

/**
 * The one path of a section's index page (co-quan/[...index].astro: undefined, the folder itself),
 * a rest route only so that it can give a cache key: Astro keys the paths of getStaticPaths. The page
 * shows `props` (and the layout) and nothing else.
 */
export async function keyedIndex<P extends Record<string, unknown>>(
  pathname: string,
  props: P,
): Promise<Array<{ params: { index: undefined }; props: P; cacheKey: string }>> {
  return [{ params: { index: undefined }, props, cacheKey: await pageKey(pathname, props) }];
}

/** The key of one page: the layout's, the language link of its path, and the page's own data. */
export async function pageKey(pathname: string, ...data: unknown[]): Promise<string> {
  return cacheKeyOf(await layoutKey(), (await translations()).get(pathname) ?? null, ...data);
}
