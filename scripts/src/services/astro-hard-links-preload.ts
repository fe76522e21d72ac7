/**
 * `node --import` preload of the site build (services/site.ts): Astro's incremental build restores
 * unchanged pages by hard links instead of copies, and never writes a linked file in place
 * (astro-hard-links.ts says why and how); a publish build (one given the publisher's changes,
 * SITE_CONTENT_CHANGES) visits only the pages whose data changed (astro-unchanged-pages.ts). Loads the
 * same module instances Astro's build imports.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkIncrementalCache, linkSummary, type AstroImages, type IncrementalCacheClass } from './astro-hard-links.ts';
import { packageDir } from './resolve.ts';

const dist = path.join(packageDir('astro', process.cwd()), 'dist');
const file = path.join(dist, 'core', 'build', 'incremental.js');
const astro = (await import(pathToFileURL(file).href)) as { IncrementalBuildCache?: IncrementalCacheClass };
const images = (await import(
  pathToFileURL(path.join(dist, 'assets', 'build', 'generate.js')).href
)) as Partial<AstroImages>;
const unchangedPages =
  process.env['SITE_CONTENT_CHANGES'] &&
  typeof images.restoreStaticImages === 'function' &&
  typeof images.restoreReferencedImages === 'function'
    ? { images: images as AstroImages }
    : undefined;
const linked = astro.IncrementalBuildCache
  ? linkIncrementalCache(astro.IncrementalBuildCache, undefined, unchangedPages)
  : undefined;
if (linked) {
  process.once('exit', () => {
    const { stats } = linked;
    if (stats.linked + stats.copied + stats.cached > 0) console.log(linkSummary(stats));
  });
} else {
  console.warn(
    `[portal] ${file} has no IncrementalBuildCache with restoreOutputFile/writeOutputFile (a new Astro?): ` +
      'unchanged pages are copied, not hard-linked (scripts/src/services/astro-hard-links.ts).',
  );
}
