/**
 * Which pages exist in both languages, by path: the home pages, the agency directories, and every
 * static page and agency whose CMS entry has both a Vietnamese and an English localisation (the same
 * documentId). The layout uses it for the "English" / "Tiếng Việt" link and hreflang, both ways.
 */
import { agencies, staticPages } from './cms-portal.ts';
import { routes } from './routes.ts';
import { forgetAfterBuild } from './build-memory.ts';

interface Localised {
  documentId: string;
  slug: string;
}

/** Pairs of paths (vi, en) of entries published in both languages. Pure, for the tests. */
export function translationPairs(
  vi: readonly Localised[],
  en: readonly Localised[],
  viPath: (slug: string) => string,
  enPath: (slug: string) => string,
): Array<[string, string]> {
  const english = new Map(en.map((entry) => [entry.documentId, entry.slug]));
  return vi.flatMap((entry) => {
    const slug = english.get(entry.documentId);
    return slug ? [[viPath(entry.slug), enPath(slug)] as [string, string]] : [];
  });
}

let cached: Promise<ReadonlyMap<string, string>> | undefined;
forgetAfterBuild(() => (cached = undefined));

/** Path → the same page in the other language. */
export function translations(): Promise<ReadonlyMap<string, string>> {
  cached ??= (async () => {
    const pairs: Array<[string, string]> = [
      [routes.home(), routes.englishHome()],
      [routes.agencies(), routes.englishAgencies()],
      ...translationPairs(await staticPages('vi'), await staticPages('en'), routes.page, routes.englishPage),
      ...translationPairs(await agencies('vi'), await agencies('en'), routes.agency, routes.englishAgency),
    ];
    return new Map(pairs.flatMap(([vi, en]) => [[vi, en] as const, [en, vi] as const]));
  })();
  return cached;
}
