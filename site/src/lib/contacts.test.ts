import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { telHref } from './contacts.ts';

describe('telHref', () => {
  it('keeps only the digits of a number written with spaces, dots and brackets', () => {
    assert.equal(telHref('0203 3812 345'), 'tel:02033812345');
    assert.equal(telHref('(0203) 3.812.345'), 'tel:02033812345');
  });
  it('keeps a leading + of an international number', () =>
    assert.equal(telHref('+84 203 3812 345'), 'tel:+842033812345'));
  it('refuses text that is not a number', () => assert.throws(() => telHref('liên hệ'), RangeError));
});
