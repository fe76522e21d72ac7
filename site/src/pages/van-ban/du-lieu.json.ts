/**
 * The documents finder's index (/van-ban/du-lieu.json): the labels and one data file per issue year
 * (du-lieu/[year].json.ts), so a phone's first filter reads a few kilobytes, not every document.
 */
import type { APIRoute } from 'astro';
import { splitFinderData } from '../../lib/finder.ts';
import { legalContent } from '../../lib/legal-content.ts';
import { finderData } from '../../lib/legal-lists.ts';
import { routes } from '../../lib/routes.ts';

export const GET: APIRoute = async () => {
  const { documents } = await legalContent();
  const { index } = splitFinderData(finderData(documents), routes.documentsDataYear);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
