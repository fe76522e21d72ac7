import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_TYPES } from '../../../cms/src/legal/document-types.ts';
import { VALIDITY_LABELS as CMS_VALIDITY } from '../../../cms/src/legal/validity.ts';
import { PROCEDURE_LEVELS, SERVICE_LEVELS } from '../../../cms/src/procedures/procedure-code.ts';
import { QUESTION_STATUSES } from '../../../cms/src/questions/questions.ts';
import { CONSENT } from '../../../cms/src/questions/submission.ts';
import {
  DOCUMENT_TYPE_LABELS,
  LEVEL_LABELS,
  QUESTION_CONSENT,
  QUESTION_STATUS_LABELS,
  SERVICE_LEVEL_LABELS,
  VALIDITY_LABELS,
} from './labels.ts';

// Search may not import the CMS at run time; this test keeps its copies of the CMS lists equal to them.
describe('facet labels copied from the CMS', () => {
  it('document types', () =>
    assert.deepEqual(DOCUMENT_TYPE_LABELS, Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.key, t.name]))));
  it('validity statuses', () =>
    assert.deepEqual(VALIDITY_LABELS, Object.fromEntries(Object.entries(CMS_VALIDITY).map(([k, v]) => [k, v.vi]))));
  it('procedure levels and service levels', () => {
    assert.deepEqual(LEVEL_LABELS, Object.fromEntries(PROCEDURE_LEVELS.map((l) => [l.key, l.vi])));
    assert.deepEqual(SERVICE_LEVEL_LABELS, Object.fromEntries(SERVICE_LEVELS.map((l) => [l.key, l.vi])));
  });
  it('question statuses', () =>
    assert.deepEqual(QUESTION_STATUS_LABELS, Object.fromEntries(QUESTION_STATUSES.map((s) => [s.key, s.vi]))));
  it('the consent text of the question form', () => assert.deepEqual(QUESTION_CONSENT, CONSENT));
});
