/**
 * The header's emblem (lib/emblem.ts): the operator's SVG from the site settings, or the default. A
 * one-path dynamic route only so that it can give a cache key (page-keys.ts): the file's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { portalSettings } from '../lib/cms-portal.ts';
import { emblemSvg } from '../lib/emblem.ts';
import { siteEnv } from '../lib/env.ts';
import { keyedFile } from '../lib/page-keys.ts';
import { routeParams } from '../lib/routes.ts';

export const getStaticPaths = (async () => [
  keyedFile(routeParams.emblem(), await emblemSvg((await portalSettings()).emblem, siteEnv().CMS_URL)),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
