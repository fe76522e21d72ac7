import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { datePart, summaryRow, summaryRows } from './summary-list.ts';

describe('summary list rows', () => {
  it('drops rows without a value, keeping the order given', () =>
    assert.deepEqual(
      summaryRows(summaryRow('A', 'x'), summaryRow('B', null), summaryRow('C', []), summaryRow('D', '')).map(
        (r) => r.key,
      ),
      ['A'],
    ));
  it('takes text, one part or several parts', () => {
    assert.deepEqual(summaryRow('A', 'x')?.value, [{ text: 'x' }]);
    assert.deepEqual(summaryRow('A', { text: 'x', href: '/x/' })?.value, [{ text: 'x', href: '/x/' }]);
    assert.equal(summaryRow('A', [{ text: 'x' }, { text: 'y' }])?.value.length, 2);
  });
  it('keeps the test id of a value', () =>
    assert.equal(summaryRow('Số ký hiệu', '1/QĐ', 'document-number')?.testid, 'document-number'));
  it('writes dates dd/mm/yyyy with the ISO date for <time>', () => {
    assert.deepEqual(datePart('2026-03-20'), { text: '20/03/2026', datetime: '2026-03-20' });
    assert.equal(datePart(null), null);
  });
});
