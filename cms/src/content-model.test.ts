/**
 * The content model's controlled lists are written twice by necessity: as enumerations in the
 * schemas Strapi reads, and as data with labels in code. These tests fail when the two disagree.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPES } from './legal/document-types.ts';
import { RELATION_TYPES } from './legal/relations.ts';
import { VALIDITY_STATUSES } from './legal/validity.ts';
import { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_CHANNELS } from './procedures/procedure-code.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const schema = (file: string) =>
  JSON.parse(readFileSync(path.join(here, file), 'utf8')) as { attributes: Record<string, { enum?: string[] }> };
const enumOf = (file: string, attribute: string) => [...(schema(file).attributes[attribute]?.enum ?? [])].sort();
const keys = (list: ReadonlyArray<{ key: string }>) => list.map((item) => item.key).sort();

const LEGAL = 'api/legal-document/content-types/legal-document/schema.json';
const PROCEDURE = 'api/procedure/content-types/procedure/schema.json';

describe('content model lists', () => {
  it('offers exactly the document types of the controlled list', () => {
    assert.deepEqual(enumOf(LEGAL, 'documentType'), keys(DOCUMENT_TYPES));
  });
  it('stores exactly the validity statuses the derivation produces', () => {
    assert.deepEqual(enumOf(LEGAL, 'validityStatus'), [...VALIDITY_STATUSES].sort());
    assert.deepEqual(
      enumOf('api/validity-change/content-types/validity-change/schema.json', 'status'),
      [...VALIDITY_STATUSES].sort(),
    );
  });
  it('offers exactly the active relation types', () => {
    assert.deepEqual(enumOf('components/legal/document-relation.json', 'type'), keys(RELATION_TYPES));
  });
  it('offers exactly the procedure levels, service levels and submission channels', () => {
    assert.deepEqual(enumOf(PROCEDURE, 'level'), keys(PROCEDURE_LEVELS));
    assert.deepEqual(enumOf(PROCEDURE, 'serviceLevel'), keys(SERVICE_LEVELS));
    assert.deepEqual(enumOf('components/procedure/method.json', 'channel'), keys(SUBMISSION_CHANNELS));
  });
});
