/**
 * `node --import` preload of the site build (services/site.ts): Astro's incremental build restores
 * unchanged pages by hard links instead of copies, and never writes a linked file in place
 * (astro-hard-links.ts says why and how); a publish build (one given the publisher's changes,
 * SITE_CONTENT_CHANGES) visits only the pages whose data changed (astro-unchanged-pages.ts). Loads the
 * same module instances Astro's build imports.
 */
import { linkInstalledAstro, logLinkSummary } from './astro-hard-links.ts';

const linked = await linkInstalledAstro(process.cwd(), {
  unchangedPages: Boolean(process.env['SITE_CONTENT_CHANGES']),
});
if (linked) process.once('exit', () => logLinkSummary(linked.stats));
