/**
 * Which built 404 page answers an unknown path: the English one below /en/ (a reader of the English
 * pages gets an English answer), the Vietnamese one elsewhere. Paths relative to the site's root,
 * most specific first; the server takes the first that exists.
 */
export function notFoundPages(pathname: string): string[] {
  const english = pathname === '/en' || pathname.startsWith('/en/');
  return english ? ['en/404/index.html', 'en/404.html', '404.html'] : ['404.html'];
}
