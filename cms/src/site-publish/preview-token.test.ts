import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PREVIEW_PARAMS, PREVIEW_TTL_SECONDS, signPreview, verifyPreview } from './preview-token.ts';

const secret = 'a'.repeat(96);
const target = { uid: 'api::article.article', documentId: 'abc123', locale: 'vi' };

describe('draft preview token', () => {
  it('accepts what the CMS signed, for that entry, until it expires', () => {
    const now = Date.UTC(2026, 11, 2, 10);
    const query = signPreview(secret, target, now);
    assert.deepEqual(verifyPreview(secret, query, now + 60_000), { ok: true, target });
    const late = verifyPreview(secret, query, now + (PREVIEW_TTL_SECONDS + 1) * 1000);
    assert.equal(late.ok, false);
    assert.equal(!late.ok && late.status, 403);
  });

  it('answers 401 without a token and 403 for another entry, another key or a changed expiry', () => {
    const query = signPreview(secret, target);
    const without = new URLSearchParams(query);
    without.delete(PREVIEW_PARAMS.signature);
    assert.equal((verifyPreview(secret, without) as { status: number }).status, 401);
    const other = new URLSearchParams(query);
    other.set(PREVIEW_PARAMS.documentId, 'xyz789');
    assert.equal((verifyPreview(secret, other) as { status: number }).status, 403);
    assert.equal((verifyPreview('b'.repeat(96), query) as { status: number }).status, 403);
    const longer = new URLSearchParams(query);
    longer.set(PREVIEW_PARAMS.expires, String(Number(query.get(PREVIEW_PARAMS.expires)) + 3600));
    assert.equal((verifyPreview(secret, longer) as { status: number }).status, 403);
    const garbage = new URLSearchParams(query);
    garbage.set(PREVIEW_PARAMS.signature, 'zz');
    assert.equal((verifyPreview(secret, garbage) as { status: number }).status, 403);
  });
});
