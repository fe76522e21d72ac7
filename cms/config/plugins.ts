import type { Core } from '@strapi/strapi';
import { QUERY_LIMITS, queryLimitsRule } from '../src/graphql/query-limits';
import { httpSettings } from '../src/http/settings';

/** @koa/cors origin function: the request's origin when allowed, otherwise no CORS header. */
const corsOrigin =
  (allowed: string[]) =>
  (ctx: { get(name: string): string }): string => {
    const origin = ctx.get('Origin');
    return allowed.includes(origin) ? origin : '';
  };

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: {
    config: {
      // Uploaded file names carry a content hash, so they never change: let browsers and the site
      // build (astro:assets caches optimised images by these headers) keep them for a year. Files no
      // published entry links to are served `private, no-cache` instead (src/middlewares/upload-cache.ts).
      providerOptions: { localServer: { maxAge: 365 * 24 * 60 * 60 * 1000 } },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The plugin ships without caps (maxLimit -1); an unbounded public query is a denial of service.
      defaultLimit: QUERY_LIMITS.defaultListSize,
      maxLimit: QUERY_LIMITS.maxListSize,
      depthLimit: QUERY_LIMITS.maxDepth,
      landingPage: env.bool('GRAPHQL_LANDING_PAGE', false),
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        // Added to the plugin's depth rule: alias and cost limits, so a bulk query is refused with 400
        // before any resolver runs.
        validationRules: [queryLimitsRule()],
        // The GraphQL route has its own CORS handler: the same origins as the rest of the CMS.
        cors: { origin: corsOrigin(httpSettings().origins), credentials: true },
      },
    },
  },
});
