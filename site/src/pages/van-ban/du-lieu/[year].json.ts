/**
 * One issue year of the documents finder's data (/van-ban/du-lieu/2026.json): published documents, listed
 * fields only. Keyed by the file's own text (page-keys.ts): a new document re-renders its year's file only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { splitFinderData } from '../../../lib/finder.ts';
import { legalContent } from '../../../lib/legal-content.ts';
import { finderData } from '../../../lib/legal-lists.ts';
import { keyedFile } from '../../../lib/page-keys.ts';
import { routes } from '../../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { documents } = await legalContent();
  return splitFinderData(finderData(documents), routes.documentsDataYear).shards.map((shard) =>
    keyedFile({ year: shard.year }, JSON.stringify(shard)),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
