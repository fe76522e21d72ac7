import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: {
    config: {
      // Uploaded file names carry a content hash, so they never change: let browsers and the site
      // build (astro:assets caches optimised images by these headers) keep them for a year.
      providerOptions: { localServer: { maxAge: 365 * 24 * 60 * 60 * 1000 } },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The plugin ships without caps (maxLimit -1); an unbounded public query is a denial of service.
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
      landingPage: env.bool('GRAPHQL_LANDING_PAGE', false),
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
      },
    },
  },
});
