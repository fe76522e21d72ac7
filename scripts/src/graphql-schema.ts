/**
 * The CMS's GraphQL schema as the site's code generator sees it. The site's types are generated from
 * a committed copy (site/src/graphql/schema.graphql) so the site type-checks without a running CMS;
 * `npm run schema` refreshes the copy, and an integration test fails when it drifts from the CMS.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { REPO_ROOT } from './config.ts';

export const COMMITTED_SCHEMA = path.join(REPO_ROOT, 'site', 'src', 'graphql', 'schema.graphql');

export async function fetchPrintedSchema(cmsUrl: string, token: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!response.ok || !body.data)
    throw new Error(`Introspection failed (HTTP ${response.status}): ${JSON.stringify(body.errors)}`);
  return `${printSchema(lexicographicSortSchema(buildClientSchema(body.data)))}\n`;
}

export async function writeCommittedSchema(cmsUrl: string, token: string): Promise<void> {
  await writeFile(COMMITTED_SCHEMA, await fetchPrintedSchema(cmsUrl, token));
}
