import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  VALIDITY_LABELS,
  VALIDITY_STATUSES,
  deriveValidityStatus,
  formatVietnameseDate,
  isIsoDate,
  validateDocumentDates,
  vietnamDate,
  type ValidityInput,
  type ValidityStatus,
} from './validity.ts';

const today = '2026-03-15';

describe('deriveValidityStatus', () => {
  const cases: Array<[string, Omit<ValidityInput, 'today'>, ValidityStatus]> = [
    ['a document with no dates and no later changes is in force', {}, 'con_hieu_luc'],
    ['a document effective in the past is in force', { effectiveDate: '2024-01-01' }, 'con_hieu_luc'],
    ['a document effective today is in force', { effectiveDate: today }, 'con_hieu_luc'],
    ['a document effective tomorrow is not yet in force', { effectiveDate: '2026-03-16' }, 'chua_co_hieu_luc'],
    ['a document expiring tomorrow is still in force', { expiryDate: '2026-03-16' }, 'con_hieu_luc'],
    ['a document expiring today is no longer in force', { expiryDate: today }, 'het_hieu_luc_toan_bo'],
    ['a document that expired is no longer in force', { expiryDate: '2025-12-31' }, 'het_hieu_luc_toan_bo'],
    ['a document replaced in full is no longer in force', { replacedInFull: true }, 'het_hieu_luc_toan_bo'],
    ['an amended document is partly out of force', { amendedOrPartlyRepealed: true }, 'het_hieu_luc_mot_phan'],
    [
      'replacement in full outweighs amendment',
      { replacedInFull: true, amendedOrPartlyRepealed: true },
      'het_hieu_luc_toan_bo',
    ],
    [
      'an amended document that expired is no longer in force',
      { amendedOrPartlyRepealed: true, expiryDate: '2026-01-01' },
      'het_hieu_luc_toan_bo',
    ],
    [
      'a future document amended before taking effect is not yet in force',
      { amendedOrPartlyRepealed: true, effectiveDate: '2026-07-01' },
      'chua_co_hieu_luc',
    ],
    [
      'a replaced document never takes effect',
      { replacedInFull: true, effectiveDate: '2026-07-01' },
      'het_hieu_luc_toan_bo',
    ],
    ['an override wins over the dates', { expiryDate: '2020-01-01', override: 'con_hieu_luc' }, 'con_hieu_luc'],
    [
      'an override wins over a replacement',
      { replacedInFull: true, override: 'het_hieu_luc_mot_phan' },
      'het_hieu_luc_mot_phan',
    ],
    [
      'empty fields from Strapi count as absent',
      { effectiveDate: null, expiryDate: null, override: null, replacedInFull: null },
      'con_hieu_luc',
    ],
  ];
  for (const [behaviour, input, expected] of cases) {
    it(behaviour, () => {
      assert.equal(deriveValidityStatus({ ...input, today }), expected);
    });
  }

  const malformed: Array<[string, ValidityInput]> = [
    ['today', { today: '15/03/2026' }],
    ['today', { today: '' }],
    ['effectiveDate', { today, effectiveDate: '2026-02-30' }],
    ['expiryDate', { today, expiryDate: '2026-3-1' }],
  ];
  for (const [field, input] of malformed) {
    it(`throws on a malformed ${field} (${JSON.stringify(input)})`, () => {
      assert.throws(() => deriveValidityStatus(input), RangeError);
    });
  }
});

describe('VALIDITY_LABELS', () => {
  it('labels every status in Vietnamese and English', () => {
    assert.deepEqual(Object.keys(VALIDITY_LABELS).sort(), [...VALIDITY_STATUSES].sort());
    assert.deepEqual(
      VALIDITY_STATUSES.map((status) => VALIDITY_LABELS[status].vi),
      ['Còn hiệu lực', 'Hết hiệu lực một phần', 'Hết hiệu lực toàn bộ', 'Chưa có hiệu lực'],
    );
    for (const status of VALIDITY_STATUSES) assert.ok(VALIDITY_LABELS[status].en);
  });
});

describe('validateDocumentDates', () => {
  const cases: Array<[string, Parameters<typeof validateDocumentDates>[0], string[]]> = [
    ['accepts an issue date alone', { issueDate: '2024-05-10' }, []],
    ['accepts a document effective on its issue date', { issueDate: '2024-05-10', effectiveDate: '2024-05-10' }, []],
    [
      'accepts issue, effect and expiry in order',
      { issueDate: '2024-05-10', effectiveDate: '2024-06-01', expiryDate: '2029-12-31' },
      [],
    ],
    ['accepts empty optional dates from Strapi', { issueDate: '2024-05-10', effectiveDate: null, expiryDate: '' }, []],
    ['requires an issue date', { issueDate: null }, ['Ngày ban hành không được để trống.']],
    ['requires a non-blank issue date', { issueDate: '  ' }, ['Ngày ban hành không được để trống.']],
    [
      'rejects an effective date before the issue date',
      { issueDate: '2024-05-10', effectiveDate: '2024-05-09' },
      ['Ngày có hiệu lực (09/05/2024) không được trước ngày ban hành (10/05/2024).'],
    ],
    [
      'rejects an expiry date before the effective date',
      { issueDate: '2024-05-10', effectiveDate: '2024-06-01', expiryDate: '2024-05-31' },
      ['Ngày hết hiệu lực (31/05/2024) phải sau ngày có hiệu lực (01/06/2024).'],
    ],
    [
      'rejects an expiry date on the effective date',
      { issueDate: '2024-05-10', effectiveDate: '2024-06-01', expiryDate: '2024-06-01' },
      ['Ngày hết hiệu lực (01/06/2024) phải sau ngày có hiệu lực (01/06/2024).'],
    ],
    [
      'rejects an expiry date before the issue date when there is no effective date',
      { issueDate: '2024-05-10', expiryDate: '2024-01-01' },
      ['Ngày hết hiệu lực (01/01/2024) phải sau ngày ban hành (10/05/2024).'],
    ],
    [
      'rejects invalid date strings, naming each field',
      { issueDate: '10/05/2024', effectiveDate: '2024-02-30', expiryDate: 'sometime' },
      [
        'Ngày ban hành “10/05/2024” không phải là ngày hợp lệ (định dạng YYYY-MM-DD).',
        'Ngày có hiệu lực “2024-02-30” không phải là ngày hợp lệ (định dạng YYYY-MM-DD).',
        'Ngày hết hiệu lực “sometime” không phải là ngày hợp lệ (định dạng YYYY-MM-DD).',
      ],
    ],
    [
      'reports every problem at once',
      { issueDate: '2024-05-10', effectiveDate: '2024-05-01', expiryDate: '2024-04-01' },
      [
        'Ngày có hiệu lực (01/05/2024) không được trước ngày ban hành (10/05/2024).',
        'Ngày hết hiệu lực (01/04/2024) phải sau ngày có hiệu lực (01/05/2024).',
      ],
    ],
  ];
  for (const [behaviour, dates, expected] of cases) {
    it(behaviour, () => {
      assert.deepEqual(validateDocumentDates(dates), expected);
    });
  }
});

describe('isIsoDate', () => {
  const cases: Array<[string, boolean]> = [
    ['2024-02-29', true],
    ['2026-12-31', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
    ['', false],
  ];
  for (const [text, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${JSON.stringify(text)}`, () => {
      assert.equal(isIsoDate(text), expected);
    });
  }
});

describe('vietnamDate', () => {
  const cases: Array<[string, string]> = [
    ['2026-03-14T16:59:59Z', '2026-03-14'],
    ['2026-03-14T17:00:00Z', '2026-03-15'],
    ['2025-12-31T18:30:00Z', '2026-01-01'],
  ];
  for (const [instant, expected] of cases) {
    it(`puts ${instant} on ${expected} in Vietnam`, () => {
      assert.equal(vietnamDate(new Date(instant)), expected);
    });
  }
});

describe('formatVietnameseDate', () => {
  it('writes dd/mm/yyyy', () => {
    assert.equal(formatVietnameseDate('2024-05-09'), '09/05/2024');
  });
});
