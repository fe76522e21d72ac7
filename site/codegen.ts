import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the site's GraphQL documents, generated from the committed schema (no network): the
 * build must not depend on a running CMS just to type-check, and a schema change shows up in review.
 */
const config: CodegenConfig = {
  schema: 'src/graphql/schema.graphql',
  documents: ['src/graphql/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain string unions instead of TS enums: erasable syntax only, like the rest of site/src/lib.
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        // Strapi sends Date as YYYY-MM-DD, Time as HH:mm:ss.SSS, DateTime as ISO 8601.
        scalars: { DateTime: 'string', Date: 'string', Time: 'string', JSON: 'unknown', I18NLocaleCode: 'string' },
        avoidOptionals: false,
      },
    },
  },
};

export default config;
