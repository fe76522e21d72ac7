import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientStatus, jsonDepth, MAX_BODY_DEPTH } from './input-errors.ts';

describe('malformed input', () => {
  it('measures nesting without recursion, even far past the stack limit', () => {
    assert.equal(jsonDepth('text'), 0);
    assert.equal(jsonDepth({ a: [1, { b: 2 }] }), 3);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    assert.ok(jsonDepth(deep) > MAX_BODY_DEPTH);
  });

  it("takes a parser's client status and nothing else", () => {
    assert.equal(clientStatus(Object.assign(new Error('no multipart boundary'), { httpCode: 400 })), 400);
    assert.equal(clientStatus(Object.assign(new Error('too large'), { status: 413 })), 413);
    assert.equal(clientStatus(new TypeError('value.trim is not a function')), undefined);
    assert.equal(clientStatus(Object.assign(new Error('db down'), { status: 503 })), undefined);
  });
});
