/**
 * Every field of every content type and component has a Vietnamese label and help text in the table next to
 * its schema, so a new field cannot reach the panel as a raw attribute name; every enumeration value has a
 * Vietnamese label in the panel's translations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { COMPONENT_LABELS } from './components/admin-labels.ts';
import { EDITORIAL_FIELD_LABELS, SYSTEM_FIELD_LABELS, type FieldLabels } from './editorial/field-labels.ts';
import { WORKFLOW_TYPES } from './editorial/roles.ts';
import { TRANSLATIONS } from './admin/translations.ts';
import { STRAPI_VI } from './admin/strapi-vi.ts';
import { enumerations } from './enumerations.ts';

const here = import.meta.dirname;
interface Schema {
  info: { singularName?: string; displayName: string };
  attributes: Record<string, { type: string; enum?: string[] }>;
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Schema;

const types = readdirSync(path.join(here, 'api')).flatMap((api) => {
  const dir = path.join(here, 'api', api, 'content-types');
  return existsSync(dir)
    ? readdirSync(dir).map((name) => ({ uid: `api::${api}.${name}`, dir: path.join(dir, name) }))
    : [];
});
const components = readdirSync(path.join(here, 'components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((category) =>
    readdirSync(path.join(here, 'components', category.name))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        uid: `${category.name}.${file.replace(/\.json$/, '')}`,
        schema: read(path.join(here, 'components', category.name, file)),
      })),
  );

function assertLabelled(uid: string, schema: Schema, labels: FieldLabels) {
  for (const name of Object.keys(schema.attributes)) {
    const label = labels[name];
    assert.ok(label, `${uid}: field ${name} has no Vietnamese label`);
    for (const text of [label.label, label.description]) {
      assert.ok(text.trim().length > 0, `${uid}.${name}: empty label or help text`);
      assert.equal(text, text.normalize('NFC'), `${uid}.${name}: not NFC`);
      assert.match(text.normalize('NFD'), /[\u0300-\u036f]|đ/i, `${uid}.${name}: “${text}” has no diacritics`);
    }
  }
  for (const name of Object.keys(labels))
    assert.ok(name in schema.attributes, `${uid}: label for ${name}, which the schema does not have`);
}

describe('admin labels', () => {
  it('finds the content types and components', () => {
    assert.ok(types.length >= 13, String(types.length));
    assert.ok(components.length >= 4, String(components.length));
  });

  for (const { uid, dir } of types) {
    it(`labels every field of ${uid} and lists real columns`, async () => {
      const schema = read(path.join(dir, 'schema.json'));
      const table = (await import(path.join(dir, 'admin-labels.ts'))) as { default: FieldLabels; LIST: string[] };
      const workflow = (WORKFLOW_TYPES as readonly string[]).includes(uid);
      assertLabelled(uid, schema, workflow ? { ...table.default, ...EDITORIAL_FIELD_LABELS } : table.default);
      assert.ok(table.LIST.length > 0);
      for (const column of table.LIST)
        assert.ok(column in schema.attributes || column in SYSTEM_FIELD_LABELS, `${uid}: no column ${column}`);
      if (workflow) assert.ok(table.LIST.includes('editorialStage'), `${uid}: the stage is not a list column`);
    });
  }

  for (const { uid, schema } of components) {
    it(`labels every field of the component ${uid}`, () => {
      const labels = COMPONENT_LABELS[uid];
      assert.ok(labels, `${uid} has no table in components/admin-labels.ts`);
      assertLabelled(uid, schema, labels);
    });
  }

  it('gives every enumeration value a Vietnamese label in the panel', () => {
    const schemas = [
      ...types.map(({ dir }) => read(path.join(dir, 'schema.json'))),
      ...components.map((c) => c.schema),
    ];
    // Enumerations left in the schemas, and those the CMS fills at start from their lists (enumerations.ts).
    const values = [
      ...schemas.flatMap((schema) => Object.values(schema.attributes).flatMap((a) => a.enum ?? [])),
      ...enumerations().flatMap((enumeration) => enumeration.values),
    ];
    assert.ok(values.length > 40);
    const vi: Record<string, string> = TRANSLATIONS.vi;
    const en: Record<string, string> = TRANSLATIONS.en;
    for (const value of values) {
      assert.ok(vi[value] && vi[value] !== value, `no Vietnamese label for the value ${value}`);
      assert.ok(en[value], `no English label for the value ${value}`);
    }
    assert.equal(vi.cho_duyet, 'Chờ duyệt');
    assert.equal(vi.publish_unreviewed, 'Xuất bản không qua duyệt');
  });

  it("translates only strings Strapi's panel uses, the media library's included", () => {
    const strapi = path.join(here, '..', '..', 'node_modules', '@strapi');
    /** The message ids a Strapi package's panel uses: its English translation and the ids in its code. */
    const messageIds = (dir: string) => {
      const ids = new Set<string | undefined>();
      for (const file of readdirSync(path.join(strapi, dir), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.mjs')) continue;
        const text = readFileSync(path.join(strapi, dir, file), 'utf8');
        for (const match of text.matchAll(/["'`]([^"'`\n]{1,120})["'`]/g)) ids.add(match[1]);
      }
      return ids;
    };
    const packages: Array<[prefix: string, ids: Set<string | undefined>]> = [
      ['content-manager.', messageIds('content-manager/dist/admin')],
      ['upload.', messageIds('upload/dist/admin')],
      ['', messageIds('admin/dist/admin')],
    ];
    for (const key of Object.keys(STRAPI_VI)) {
      const [prefix, ids] = packages.find(([prefix]) => key.startsWith(prefix))!;
      assert.ok(
        ids.has(key.slice(prefix.length)) || ids.has(key),
        `${key} is not a string of Strapi's panel (renamed?)`,
      );
    }
    // What an editor meets adding a cover image or an attachment (Strapi has no Vietnamese for the library).
    for (const key of ['mediaLibraryInput.placeholder', 'header.actions.add-assets', 'modal.upload-list.footer.button'])
      assert.match(STRAPI_VI[`upload.${key}`] ?? '', /tệp/, key);
  });
});
