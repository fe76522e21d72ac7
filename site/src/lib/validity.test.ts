import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentRef } from './documents.ts';
import { validityNotice, type ValidityInput } from './validity.ts';

const newer: DocumentRef = {
  documentId: 'n',
  slug: '22-2026-qd-ubnd',
  documentNumber: '22/2026/QĐ-UBND',
  documentType: 'quyet_dinh',
  abstract: 'Quy chế mới',
};
const base: ValidityInput = {
  validityStatus: 'con_hieu_luc',
  effectiveDate: '2021-07-01',
  expiryDate: null,
  relations: [],
  history: [],
};

describe('validityNotice', () => {
  it('names the replacing document of an expired one, with the date from the history', () => {
    const notice = validityNotice({
      ...base,
      validityStatus: 'het_hieu_luc_toan_bo',
      relations: [{ label: 'Bị thay thế bởi', other: newer }],
      history: [{ date: '2026-04-01', status: 'het_hieu_luc_toan_bo', cause: newer }],
    });
    assert.deepEqual(notice, {
      tone: 'expired',
      label: 'Hết hiệu lực toàn bộ',
      since: '2026-04-01',
      causes: [{ label: 'Đã bị thay thế bởi', documents: [newer] }],
    });
  });
  it('says when a document not yet in force takes effect', () => {
    const notice = validityNotice({ ...base, validityStatus: 'chua_co_hieu_luc', effectiveDate: '2027-01-01' });
    assert.equal(notice?.tone, 'not-yet');
    assert.equal(notice?.since, '2027-01-01');
  });
  it('names who repealed part of a partly expired document', () => {
    const notice = validityNotice({
      ...base,
      validityStatus: 'het_hieu_luc_mot_phan',
      relations: [{ label: 'Bị bãi bỏ một phần bởi', other: newer }],
    });
    assert.deepEqual(notice?.causes, [{ label: 'Bị bãi bỏ một phần bởi', documents: [newer] }]);
  });
  it('falls back on the cause the history records when no relation says it', () => {
    const notice = validityNotice({
      ...base,
      validityStatus: 'het_hieu_luc_toan_bo',
      history: [{ date: '2026-04-01', status: 'het_hieu_luc_toan_bo', cause: newer }],
    });
    assert.deepEqual(notice?.causes, [{ label: 'Theo', documents: [newer] }]);
  });
  it('lists no cause for a document in force that nothing amended', () =>
    assert.deepEqual(validityNotice(base)?.causes, []));
  it('shows nothing when the CMS records no status', () =>
    assert.equal(validityNotice({ ...base, validityStatus: null }), null));
});
