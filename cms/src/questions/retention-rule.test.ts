import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths,
  CLEARED_NAME,
  dueDocuments,
  hasContactDetails,
  RetentionEnvSchema,
  retentionDue,
  type RetentionRow,
} from './retention-rule.ts';

const row = (extra: Partial<RetentionRow> = {}): RetentionRow => ({
  documentId: 'q1',
  processingStatus: 'da_tra_loi',
  answeredAt: '2025-12-02',
  updatedAt: '2025-12-03T01:00:00.000Z',
  askerName: 'Nguyễn Văn A',
  askerEmail: 'a@example.vn',
  askerPhone: null,
  askerAddress: null,
  ...extra,
});

describe('clearing contact details after the retention period', () => {
  it('defaults to 12 months and accepts a whole number of months', () => {
    assert.equal(RetentionEnvSchema.parse({}).PORTAL_QUESTION_RETENTION_MONTHS, 12);
    assert.equal(
      RetentionEnvSchema.parse({ PORTAL_QUESTION_RETENTION_MONTHS: ' ' }).PORTAL_QUESTION_RETENTION_MONTHS,
      12,
    );
    assert.equal(
      RetentionEnvSchema.parse({ PORTAL_QUESTION_RETENTION_MONTHS: '6' }).PORTAL_QUESTION_RETENTION_MONTHS,
      6,
    );
    for (const bad of ['0', '-1', '1.5', 'mười hai'])
      assert.throws(() => RetentionEnvSchema.parse({ PORTAL_QUESTION_RETENTION_MONTHS: bad }), bad);
  });

  it('adds calendar months, keeping to the last day of a shorter month', () => {
    assert.equal(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString(), '2026-02-28T00:00:00.000Z');
    assert.equal(addMonths(new Date('2024-02-29T00:00:00Z'), 12).toISOString(), '2025-02-28T00:00:00.000Z');
    assert.equal(addMonths(new Date('2026-11-15T10:00:00Z'), 3).toISOString(), '2027-02-15T10:00:00.000Z');
  });

  it('is due from the start of the same day 12 months after the answer, in Vietnam time', () => {
    // 2025-12-02 00:00 in Vietnam is 2025-12-01 17:00 UTC.
    assert.equal(retentionDue(row(), 12, new Date('2026-12-01T16:59:59Z')), false);
    assert.equal(retentionDue(row(), 12, new Date('2026-12-01T17:00:00Z')), true);
    assert.equal(retentionDue(row(), 6, new Date('2026-06-02T00:00:00Z')), true);
  });

  it('counts from a refusal’s last change, and never for a question still being handled', () => {
    const refused = row({ processingStatus: 'tu_choi', answeredAt: null, updatedAt: '2025-01-10T03:00:00.000Z' });
    assert.equal(retentionDue(refused, 12, new Date('2026-01-10T03:00:00Z')), true);
    assert.equal(retentionDue(refused, 12, new Date('2026-01-10T02:59:59Z')), false);
    for (const status of ['moi_nhan', 'dang_xu_ly'])
      assert.equal(retentionDue(row({ processingStatus: status, answeredAt: null }), 1, new Date('2099-01-01')), false);
  });

  it('leaves a question already cleared alone', () => {
    const cleared = row({ askerName: CLEARED_NAME, askerEmail: null });
    assert.equal(hasContactDetails(cleared), false);
    assert.equal(retentionDue(cleared, 1, new Date('2099-01-01')), false);
    assert.equal(hasContactDetails(row({ askerName: CLEARED_NAME, askerEmail: null, askerPhone: '0912345678' })), true);
  });

  it('selects each due question once, whichever of its rows (draft, published) says so', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    const rows = [
      row({ documentId: 'b' }),
      row({ documentId: 'b' }),
      row({ documentId: 'a', answeredAt: null, processingStatus: 'da_tra_loi' }),
      row({ documentId: 'a', answeredAt: '2025-11-01' }),
      row({ documentId: 'c', answeredAt: '2026-01-01' }),
      row({ documentId: 'd', answeredAt: 'not a date' }),
    ];
    assert.deepEqual(dueDocuments(rows, 12, now), ['a', 'b']);
  });
});
