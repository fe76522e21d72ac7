/** The header's emblem (lib/emblem.ts): the operator's SVG from the site settings, or the default. */
import type { APIRoute } from 'astro';
import { portalSettings } from '../lib/cms-portal.ts';
import { emblemSvg } from '../lib/emblem.ts';
import { siteEnv } from '../lib/env.ts';

export const GET: APIRoute = async () =>
  new Response(await emblemSvg((await portalSettings()).emblem, siteEnv().CMS_URL), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
