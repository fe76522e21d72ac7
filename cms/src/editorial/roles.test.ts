/**
 * The role table against the content model: every draft-and-publish type of the project goes through the
 * editorial chain, and the table keeps the board's separation of duties.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AGENCY_OFFICER_ROLE,
  AUDIT_ENTRY,
  EDITORIAL_ROLES,
  OFFICER_ANSWER_FIELDS,
  PORTAL_ROLES,
  QUESTION,
  grants,
  TAXONOMY_TYPES,
  WORKFLOW_FIELDS,
  WORKFLOW_TYPES,
  type EditorialRole,
} from './roles.ts';
import { STAGES } from './stages.ts';
import { enumerations } from '../enumerations.ts';

const api = path.join(path.dirname(new URL(import.meta.url).pathname), '../api');
const schemas = readdirSync(api).map((name) => ({
  uid: `api::${name}.${name}`,
  schema: JSON.parse(readFileSync(path.join(api, name, 'content-types', name, 'schema.json'), 'utf8')) as {
    options?: { draftAndPublish?: boolean };
    attributes: Record<string, { enum?: string[]; private?: boolean }>;
  },
}));
const role = (actor: EditorialRole['actor']) => EDITORIAL_ROLES.find((r) => r.actor === actor)!;

describe('editorial roles table', () => {
  it('covers exactly the draft-and-publish types of the content model', () => {
    const drafted = schemas.filter((s) => s.schema.options?.draftAndPublish).map((s) => s.uid);
    assert.deepEqual([...WORKFLOW_TYPES].sort(), drafted.sort());
  });

  it('gives every workflow type exactly the private stage and schedule fields', () => {
    for (const uid of WORKFLOW_TYPES) {
      const { attributes } = schemas.find((s) => s.uid === uid)!.schema;
      const bookkeeping = Object.keys(attributes).filter((name) => /^(editorial|review|scheduled)/.test(name));
      assert.deepEqual(bookkeeping.sort(), [...WORKFLOW_FIELDS].sort(), uid);
      // The stages are written once, in stages.ts; the CMS fills the schema's enumeration from it.
      assert.deepEqual(attributes.editorialStage?.enum, [], uid);
      const filled = enumerations().find((e) => e.uid === uid && e.attribute === 'editorialStage');
      assert.deepEqual(filled?.values, [...STAGES], uid);
      for (const field of WORKFLOW_FIELDS) assert.equal(attributes[field]?.private, true, `${uid}.${field} is private`);
    }
  });

  it('lets only the chief publish, delete and read the audit trail', () => {
    for (const uid of WORKFLOW_TYPES) {
      assert.deepEqual(
        EDITORIAL_ROLES.map((r) => [r.actor, grants(r, 'publish', uid), grants(r, 'delete', uid)]),
        [
          ['editor', 'none', 'none'],
          ['reviewer', 'none', 'none'],
          ['chief', 'all', 'all'],
        ],
      );
    }
    assert.deepEqual(
      EDITORIAL_ROLES.map((r) => grants(r, 'read', AUDIT_ENTRY)),
      ['none', 'none', 'all'],
    );
  });

  it('lets editors change only their own entries and reviewers any', () => {
    for (const uid of WORKFLOW_TYPES) {
      assert.equal(grants(role('editor'), 'update', uid), 'own');
      assert.equal(grants(role('reviewer'), 'update', uid), 'all');
    }
  });

  it('lets every role create, read and update the taxonomies but nobody delete them', () => {
    for (const r of EDITORIAL_ROLES)
      for (const uid of TAXONOMY_TYPES) {
        assert.deepEqual(
          (['create', 'read', 'update', 'delete'] as const).map((action) => grants(r, action, uid)),
          ['all', 'all', 'all', 'none'],
        );
      }
  });

  it('gives nobody any write on the audit trail', () => {
    for (const r of EDITORIAL_ROLES)
      for (const action of ['create', 'update', 'delete', 'publish'] as const)
        assert.equal(grants(r, action, AUDIT_ENTRY), 'none');
  });
});

describe('agency officer role', () => {
  const officer = AGENCY_OFFICER_ROLE;
  it('reads and updates questions only under the agency condition, and never creates, publishes or deletes', () => {
    for (const action of ['read', 'update'] as const) {
      const grant = officer.grants.find((g) => g.action === action && g.subjects.includes(QUESTION));
      assert.equal(grant?.agency, true, action);
    }
    for (const uid of [...WORKFLOW_TYPES, ...TAXONOMY_TYPES, AUDIT_ENTRY])
      for (const action of ['create', 'delete', 'publish'] as const) assert.equal(grants(officer, action, uid), 'none');
    for (const uid of WORKFLOW_TYPES.filter((uid) => uid !== QUESTION))
      assert.equal(grants(officer, 'update', uid), 'none');
  });
  it('writes only the answer fields: never the question, its asker or where it was routed', () => {
    const update = officer.grants.find((g) => g.action === 'update')!;
    for (const field of ['title', 'question', 'agency', 'askerName', 'askerEmail', 'trackingCode', 'answerDueDate'])
      assert.equal(update.fields?.includes(field), false, field);
    assert.deepEqual(update.fields, OFFICER_ANSWER_FIELDS);
  });
  it('is set up with the editorial roles, under its own code', () => {
    assert.deepEqual(
      PORTAL_ROLES.map((r) => r.code),
      [...EDITORIAL_ROLES.map((r) => r.code), 'portal-can-bo-tra-loi'],
    );
  });
});
