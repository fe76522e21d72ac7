/**
 * Where each enumeration of the content model gets its values: the schemas leave `"enum": []` and the CMS
 * fills them at register time from the lists that own them (with their labels, in cms/src/legal,
 * cms/src/procedures and cms/src/editorial). A new value is added in its list and nowhere else: validation,
 * the admin, the GraphQL enum, the index labels and the site's finder all read that list.
 */
import type { Core } from '@strapi/strapi';
import { isComponent, isContentType } from './content-types.ts';
import { DOCUMENT_TYPES } from './legal/document-types.ts';
import { RELATION_TYPES } from './legal/relations.ts';
import { VALIDITY_STATUSES } from './legal/validity.ts';
import { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_CHANNELS } from './procedures/procedure-code.ts';
import { WORKFLOW_TYPES } from './editorial/roles.ts';
import { STAGES } from './editorial/stages.ts';
import { QUESTION_STATUSES } from './questions/questions.ts';
import { COMMENT_STATUSES, COMMENT_UID } from './consultations/consultations.ts';

/** A schema attribute of type enumeration (its values are what this file fills in). */
const isEnumeration = (attr: unknown): attr is { type: 'enumeration'; enum?: string[] } =>
  typeof attr === 'object' && attr !== null && 'type' in attr && attr.type === 'enumeration';

const keys = (list: ReadonlyArray<{ readonly key: string }>): string[] => list.map((item) => item.key);

/** Content type or component uid → attribute → its values, in the order editors see them. */
export const ENUMERATIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'api::legal-document.legal-document': {
    documentType: keys(DOCUMENT_TYPES),
    validityStatus: [...VALIDITY_STATUSES],
  },
  'api::validity-change.validity-change': { status: [...VALIDITY_STATUSES] },
  'legal.document-relation': { type: keys(RELATION_TYPES) },
  'api::procedure.procedure': { level: keys(PROCEDURE_LEVELS), serviceLevel: keys(SERVICE_LEVELS) },
  'procedure.method': { channel: keys(SUBMISSION_CHANNELS) },
  'api::question.question': { processingStatus: keys(QUESTION_STATUSES) },
  [COMMENT_UID]: { moderationStatus: keys(COMMENT_STATUSES) },
};

/** Every enumeration with its values: the ones above and editorialStage on each workflow type. */
export function enumerations(): Array<{ uid: string; attribute: string; values: readonly string[] }> {
  const all = Object.entries(ENUMERATIONS).flatMap(([uid, attributes]) =>
    Object.entries(attributes).map(([attribute, values]) => ({ uid, attribute, values })),
  );
  for (const uid of WORKFLOW_TYPES) all.push({ uid, attribute: 'editorialStage', values: [...STAGES] });
  return all;
}

/** Fills the schemas' enumerations from their lists; an attribute that is missing or not an enumeration fails the start. */
export function fillEnumerations(strapi: Core.Strapi): void {
  for (const { uid, attribute, values } of enumerations()) {
    const attributes: Record<string, unknown> | undefined = isContentType(strapi, uid)
      ? strapi.contentTypes[uid]?.attributes
      : isComponent(strapi, uid)
        ? strapi.components[uid]?.attributes
        : undefined;
    const attr = attributes?.[attribute];
    if (!isEnumeration(attr)) throw new Error(`${uid}.${attribute} is not an enumeration attribute`);
    attr.enum = [...values];
  }
}
