import type { Core } from '@strapi/strapi';

/**
 * Plugin collections that the public GraphQL API has no reason to list. Their types stay (an
 * article's cover is an upload file) but their top-level queries go: the media library's file list
 * would reveal files uploaded for drafts.
 */
const HIDDEN_QUERIES = [
  'plugin::upload.file',
  'plugin::review-workflows.workflow',
  'plugin::review-workflows.workflow-stage',
];

export function restrictPublicSchema(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of HIDDEN_QUERIES) extension.shadowCRUD(uid).disableQueries();
}
