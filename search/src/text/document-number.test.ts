import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentNumberForms, procedureCodeForms } from './document-number.ts';

describe('document number forms', () => {
  it('indexes the spellings a citizen types for a decision', () => {
    const forms = documentNumberForms('2543/QĐ-UBND');
    for (const form of ['2543/QĐ-UBND', '2543/QD-UBND', '2543 qd ubnd', 'qd 2543', '2543'])
      assert.ok(forms.includes(form), form);
  });

  it('adds number/year for normative documents', () => {
    const forms = documentNumberForms('15/2024/QĐ-UBND');
    assert.ok(forms.includes('15/2024'));
    assert.ok(forms.includes('15 2024 qd ubnd'));
    assert.equal(forms[0], '15/2024/QĐ-UBND');
  });

  it('indexes a procedure code with and without its local suffix', () =>
    assert.deepEqual(procedureCodeForms('1.000948.000.00.00.H99'), [
      '1.000948.000.00.00.H99',
      '1.000948',
      '1 000948',
      '1000948',
      '000948',
    ]));
});
