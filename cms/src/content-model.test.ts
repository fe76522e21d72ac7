/**
 * Each controlled list of the content model is written once, as data with its labels in code; the schemas
 * Strapi reads leave those enumerations empty and the CMS fills them at register time (enumerations.ts).
 * These tests fail when a schema carries a second copy, or when a filled attribute is not an enumeration.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPES } from './legal/document-types.ts';
import { enumerations } from './enumerations.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
type Schema = { attributes: Record<string, { type: string; enum?: string[] }> };
const schemaFile = (uid: string) => {
  const [scope, name] = uid.includes('::') ? [uid.split('::')[1]?.split('.')[0], ''] : uid.split('.');
  return uid.includes('::')
    ? path.join(here, 'api', scope ?? '', 'content-types', scope ?? '', 'schema.json')
    : path.join(here, 'components', scope ?? '', `${name}.json`);
};
const schema = (uid: string) => JSON.parse(readFileSync(schemaFile(uid), 'utf8')) as Schema;

describe('content model lists', () => {
  it('leaves every owned enumeration empty in the schema, for the CMS to fill from its list', () => {
    for (const { uid, attribute, values } of enumerations()) {
      const attr = schema(uid).attributes[attribute];
      assert.equal(attr?.type, 'enumeration', `${uid}.${attribute}`);
      assert.deepEqual(attr?.enum, [], `${uid}.${attribute} is written in its list, not in the schema`);
      assert.ok(values.length > 0, `${uid}.${attribute} has values`);
    }
  });

  it('fills the document types from the controlled list, in its order', () => {
    const filled = enumerations().find(
      (e) => e.uid === 'api::legal-document.legal-document' && e.attribute === 'documentType',
    );
    assert.deepEqual(
      filled?.values,
      DOCUMENT_TYPES.map((type) => type.key),
    );
  });
});
