import { z } from 'zod';
import { populateParams, type SearchIndex } from './indexes/define.ts';

export interface CmsConnection {
  url: string;
  /** A read-only API token: the public API returns published entries only, which is what may be indexed. */
  token: string;
}

const PageSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});

/**
 * Every published entry of a content type, page by page, through Strapi's REST API; every locale
 * of a localized type (each locale is its own document), ignored by the others.
 */
export async function* publishedEntries(
  cms: CmsConnection,
  index: SearchIndex,
  pageSize = 100,
): AsyncGenerator<unknown> {
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      ...populateParams(index.populate),
      status: 'published',
      locale: '*',
      'pagination[page]': String(page),
      'pagination[pageSize]': String(pageSize),
      'sort[0]': 'id:asc',
    });
    const response = await fetch(`${cms.url}/api/${index.collection}?${query.toString()}`, {
      headers: { Authorization: `Bearer ${cms.token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(
        `The CMS answered ${response.status} for /api/${index.collection}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    const body = PageSchema.parse(await response.json());
    yield* body.data;
    if (page >= body.meta.pagination.pageCount) return;
  }
}
