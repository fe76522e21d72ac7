/** robots.txt: crawl everything; the sitemap lists the pages. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';
import { routes } from '../lib/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL(routes.sitemap(), site).href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
