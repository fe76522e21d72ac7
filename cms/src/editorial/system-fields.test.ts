import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemFieldRules, type SystemFieldContext } from './system-fields.ts';

const context = (overrides: Partial<SystemFieldContext> = {}): SystemFieldContext => ({
  action: 'update',
  documentId: 'abc123',
  storedId: 7,
  locale: undefined,
  localized: false,
  userId: 42,
  ...overrides,
});

describe('system fields of an admin write', () => {
  const refused: Array<[string, Record<string, unknown>, Partial<SystemFieldContext>, string]> = [
    ['a rewritten documentId', { documentId: 'x'.repeat(70) }, {}, 'documentId'],
    ["another entry's documentId", { documentId: 'other' }, {}, 'documentId'],
    ['a documentId on create', { documentId: 'mine' }, { action: 'create' }, 'documentId'],
    ['a documentId on clone', { documentId: 'mine' }, { action: 'clone' }, 'documentId'],
    ['a chosen id on create', { id: 1 }, { action: 'create' }, 'id'],
    ['another row id on update', { id: 8 }, {}, 'id'],
    ['a locale on a type without translations', { locale: 'xx' }, {}, 'locale'],
    ['a locale other than the one the call names', { locale: 'xx' }, { localized: true, locale: 'vi' }, 'locale'],
  ];
  for (const [what, data, overrides, field] of refused) {
    it(`refuses ${what}, naming the field in Vietnamese`, () => {
      const { problem } = systemFieldRules(data, context(overrides));
      assert.equal(problem?.field, field);
      assert.match(problem?.message ?? '', /^(Trường hệ thống|Ngôn ngữ)/);
      assert.equal(problem?.message, problem?.message.normalize('NFC'));
    });
  }

  it('drops the stored values the admin panel sends back, and the timestamps', () => {
    const sent = {
      id: 7,
      documentId: 'abc123',
      locale: null,
      createdAt: '2020-01-01',
      updatedAt: '2020-01-01',
      publishedAt: '2020-01-01',
      firstPublishedAt: '2020-01-01',
      title: 'Tin',
    };
    const { data, problem } = systemFieldRules(sent, context());
    assert.equal(problem, null);
    assert.deepEqual(data, { title: 'Tin', updatedBy: 42 });
  });

  it('makes the writer the author of a new entry or a clone, and only the last editor of an update', () => {
    for (const action of ['create', 'clone'] as const) {
      const { data } = systemFieldRules({ createdBy: 1, updatedBy: 1 }, context({ action }));
      assert.deepEqual(data, { createdBy: 42, updatedBy: 42 });
    }
    const { data } = systemFieldRules({ createdBy: 1, updatedBy: 1 }, context());
    assert.deepEqual(data, { updatedBy: 42 });
  });
});
