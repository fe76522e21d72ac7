/**
 * The documents finder's index (/van-ban/du-lieu.json): the labels and one data file per issue year
 * (du-lieu/[year].json.ts), so a phone's first filter reads a few kilobytes, not every document.
 * A one-path dynamic route only so that it can give a cache key (page-keys.ts): the file's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { splitFinderData } from '../../lib/finder.ts';
import { legalContent } from '../../lib/legal-content.ts';
import { finderData } from '../../lib/legal-lists.ts';
import { keyedFile } from '../../lib/page-keys.ts';
import { routeParams, routes } from '../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { documents } = await legalContent();
  const { index } = splitFinderData(finderData(documents), routes.documentsDataYear);
  return [keyedFile(routeParams.documentsData(), JSON.stringify(index))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
