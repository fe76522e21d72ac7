import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inputTypeProblems } from './input-types.ts';

const ATTRIBUTES = {
  title: { type: 'string' },
  issueDate: { type: 'date' },
  featured: { type: 'boolean' },
  order: { type: 'integer' },
  body: { type: 'blocks' },
  steps: { type: 'component', repeatable: true },
};

describe('input types', () => {
  it('accept the JSON type each field needs, and null', () => {
    assert.deepEqual(
      inputTypeProblems(ATTRIBUTES, {
        title: 'Tiêu đề',
        issueDate: '2025-01-31',
        featured: false,
        order: 3,
        body: [],
        steps: [],
        unknown: 5,
      }),
      [],
    );
    assert.deepEqual(inputTypeProblems(ATTRIBUTES, { title: null, issueDate: null }), []);
  });

  it('refuse a number for a date, an object for text, a string for blocks, an object for a list', () => {
    const problems = inputTypeProblems(ATTRIBUTES, {
      issueDate: 123,
      title: { $ne: '' },
      body: 'văn bản',
      steps: {},
      featured: 'có',
    });
    assert.deepEqual(
      problems.map((p) => p.path[0]),
      ['issueDate', 'title', 'body', 'steps', 'featured'],
    );
    assert.match(problems[0]?.message ?? '', /issueDate.*ngày/);
  });
});
