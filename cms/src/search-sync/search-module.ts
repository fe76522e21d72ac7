/**
 * The CMS's handle on @portal/search. That package is ESM TypeScript run by Node's type stripping,
 * while the CMS is compiled to CommonJS: Node 22.12+ `require()`s an ES module that has no top-level
 * await, and TypeScript's `node20` module setting (cms/tsconfig.json) type-checks that require against
 * the package's own sources, so the types below are search's, not a copy. The package is loaded on
 * first use, when Strapi registers the CMS, not when this file is read.
 */
import type * as Search from '@portal/search';

export type { IndexChange, IndexWriter, SearchIndex } from '@portal/search';

export function loadSearchModule(): typeof Search {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@portal/search') as typeof Search;
}
