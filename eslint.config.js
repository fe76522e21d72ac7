// Lints TypeScript and JavaScript with typescript-eslint's type-checked rules: each file is checked against the
// program of its own tsconfig (projectService finds it); the CMS's tests have their own tsconfig.tests.json, and
// the site's GraphQL types are generated before linting (`npm run lint` runs the codegen). Plain JavaScript
// (configs, the Node-version guard) is linted without types. .astro files go through eslint-plugin-astro with the
// TypeScript parser (their frontmatter and <script>s get the same rules, without types; `astro check` types them).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      '**/.astro/',
      '.data/',
      '**/.tmp/',
      'cms/.strapi/',
      'cms/types/generated/',
      'site/src/graphql/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', fetch: 'readonly' },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] },
          ],
        },
      ],
    },
  },
  {
    // Not in cms/tsconfig.json (Strapi compiles that one into dist/), so the project service would not find them.
    files: ['cms/src/**/*.test.ts', 'cms/tests/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: './cms/tsconfig.tests.json' },
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // .astro components and their <script>s: the same rules without type information (their types are
    // `astro check`'s, which runs Astro's own TypeScript plugin; the project service cannot read them).
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
