/** One issue year of the documents finder's data (/van-ban/du-lieu/2026.json): published documents, listed fields only. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { splitFinderData, type FinderShard } from '../../../lib/finder.ts';
import { legalContent } from '../../../lib/legal-content.ts';
import { finderData } from '../../../lib/legal-lists.ts';
import { routes } from '../../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { documents } = await legalContent();
  return splitFinderData(finderData(documents), routes.documentsDataYear).shards.map((shard) => ({
    params: { year: shard.year },
    props: { shard },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['shard'] as FinderShard), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
