import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logLine } from './request-log.ts';

describe('request log line', () => {
  it('keeps the method, path, time and status', () => {
    assert.equal(logLine('GET', '/api/articles', '', 12, 200), 'GET /api/articles (12 ms) 200');
  });

  it('never writes the query string (a citizen e-mail in an admin filter or an export request)', () => {
    const line = logLine('GET', '/portal/personal-data', 'email=an.nguyen%40example.vn&phone=0912345678', 5, 200);
    assert.equal(line, 'GET /portal/personal-data?… (5 ms) 200');
    assert.doesNotMatch(line, /example|0912/);
  });
});
