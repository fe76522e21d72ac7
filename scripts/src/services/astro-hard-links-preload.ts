/**
 * `node --import` preload of the site build (services/site.ts): Astro's incremental build restores
 * unchanged pages by hard links instead of copies, and never writes a linked file in place
 * (astro-hard-links.ts says why and how). Loads the same module instance Astro's build imports.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkIncrementalCache, linkSummary, type IncrementalCacheClass } from './astro-hard-links.ts';
import { packageDir } from './resolve.ts';

const file = path.join(packageDir('astro', process.cwd()), 'dist', 'core', 'build', 'incremental.js');
const astro = (await import(pathToFileURL(file).href)) as { IncrementalBuildCache?: IncrementalCacheClass };
const stats = astro.IncrementalBuildCache ? linkIncrementalCache(astro.IncrementalBuildCache) : undefined;
if (stats) {
  process.once('exit', () => {
    if (stats.linked + stats.copied + stats.cached > 0) console.log(linkSummary(stats));
  });
} else {
  console.warn(
    `[portal] ${file} has no IncrementalBuildCache with restoreOutputFile/writeOutputFile (a new Astro?): ` +
      'unchanged pages are copied, not hard-linked (scripts/src/services/astro-hard-links.ts).',
  );
}
