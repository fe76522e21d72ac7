import type { Core } from '@strapi/strapi';
import { AUDIT_ENTRY, CITIZEN_INPUT_TYPES, WORKFLOW_FIELDS, WORKFLOW_TYPES } from '../editorial/roles';
import { PERSONAL_FIELDS, QUESTION_PRIVATE_FIELDS, QUESTION_UID } from '../questions/questions';

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

/**
 * Project types that have no place in the public API at all: the audit trail names editors, the officer
 * assignments name admin users, the days off are back-office rules, citizens' comments name citizens.
 */
const HIDDEN_TYPES = [
  AUDIT_ENTRY,
  'api::officer-assignment.officer-assignment',
  'api::holiday.holiday',
  ...CITIZEN_INPUT_TYPES,
];

/** Private site settings (editorial rules, not portal text): kept out of the public schema like the bookkeeping. */
const PRIVATE_SETTINGS = ['separateApproval'];

/** The part of the GraphQL plugin's extension service used here: hiding types, queries and fields. */
type ExtensionService = {
  shadowCRUD(uid: string): { disable(): void; disableQueries(): void; field(name: string): { disable(): void } };
};

export function restrictPublicSchema(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service<ExtensionService>('extension');
  for (const uid of HIDDEN_QUERIES) extension.shadowCRUD(uid).disableQueries();
  for (const uid of HIDDEN_TYPES) extension.shadowCRUD(uid).disable();
  // The editorial bookkeeping is private (not in outputs), but the plugin would still offer it in input
  // and filter types; the public schema should not even name it.
  for (const uid of WORKFLOW_TYPES)
    for (const field of WORKFLOW_FIELDS) extension.shadowCRUD(uid).field(field).disable();
  // A citizen's personal data and the question's internal handling are not even named in the public schema.
  for (const field of [...PERSONAL_FIELDS, ...QUESTION_PRIVATE_FIELDS])
    extension.shadowCRUD(QUESTION_UID).field(field).disable();
  for (const field of PRIVATE_SETTINGS) extension.shadowCRUD('api::site-setting.site-setting').field(field).disable();
}
