/**
 * Which built 404 page answers an unknown path: the English one below /en/ (a reader of the English
 * pages gets an English answer), the Vietnamese one elsewhere. Paths relative to the site's root,
 * most specific first; the server takes the first that exists.
 */
import { pageFileCandidates } from '@portal/site/page-files';

/** The English 404 page (site/src/pages/en/404.astro), a page like any other: its file is en/404.html. */
export const ENGLISH_NOT_FOUND_PATH = '/en/404/';
/** The Vietnamese one, which Astro writes at the root as a status page, in either layout. */
export const NOT_FOUND_FILE = '404.html';

export function notFoundPages(pathname: string): string[] {
  const english = pathname === '/en' || pathname.startsWith('/en/');
  return english ? [...pageFileCandidates(ENGLISH_NOT_FOUND_PATH), NOT_FOUND_FILE] : [NOT_FOUND_FILE];
}
