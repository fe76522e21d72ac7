/** The documents finder's data (/van-ban/du-lieu.json): published documents, listed fields only. */
import type { APIRoute } from 'astro';
import { legalContent } from '../../lib/legal-content.ts';
import { finderData } from '../../lib/legal-lists.ts';

export const GET: APIRoute = async () => {
  const { documents } = await legalContent();
  return new Response(JSON.stringify(finderData(documents)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
