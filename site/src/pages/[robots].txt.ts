/**
 * robots.txt: crawl everything; the sitemap lists the pages. A one-path dynamic route only so that it
 * can give a cache key (page-keys.ts): the file's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';
import { keyedFile } from '../lib/page-keys.ts';
import { routeParams, routes } from '../lib/routes.ts';

export const getStaticPaths = (() => [
  keyedFile(routeParams.robots(), robotsTxt(new URL(routes.sitemap(), import.meta.env.SITE).href)),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
