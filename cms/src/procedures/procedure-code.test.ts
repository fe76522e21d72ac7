import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_CHANNELS, parseProcedureCode } from './procedure-code.ts';

describe('parseProcedureCode', () => {
  const good: Array<[string, string, string]> = [
    ['1.000948', '1.000948', '1.000948'],
    ['2.001234', '2.001234', '2.001234'],
    ['3.000181', '3.000181', '3.000181'],
    ['  1.000948  ', '1.000948', '1.000948'],
    ['1.000948.H38', '1.000948.H38', '1.000948'],
    ['1.000948.h38', '1.000948.H38', '1.000948'],
    ['1.011442.000.00.00.H38', '1.011442.000.00.00.H38', '1.011442'],
    ['1.001612.000.00.00.h48', '1.001612.000.00.00.H48', '1.001612'],
    ['2.000884.000.00.00.H55', '2.000884.000.00.00.H55', '2.000884'],
  ];
  for (const [input, canonical, nationalCode] of good) {
    it(`reads ${JSON.stringify(input)} as ${canonical}`, () => {
      assert.deepEqual(parseProcedureCode(input), { ok: true, canonical, nationalCode });
    });
  }

  const bad = [
    '1000948',
    '1.00948',
    '1.0009480',
    '0.000948',
    'A.000948',
    '1,000948',
    '1.000948.',
    '1.000948.H3',
    '1.000948.H381',
    '1.000948.X38',
    '1.000948.G12',
    '1.001612.000.00.00.G12',
    '1.000948.000.00.H38',
    '1.000948.000.00.00',
    '1.000948 H38',
    'TTHC-1.000948',
  ];
  for (const input of bad) {
    it(`rejects ${JSON.stringify(input)} with a message naming the field`, () => {
      const result = parseProcedureCode(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(
        result.message,
        `Mã thủ tục “${input}” không đúng định dạng, ví dụ: 1.000948, 1.000948.H38 hoặc 1.000948.000.00.00.H38.`,
      );
    });
  }

  it('rejects an empty code', () => {
    assert.deepEqual(parseProcedureCode('  '), { ok: false, message: 'Mã thủ tục không được để trống.' });
  });
});

describe('procedure option lists', () => {
  const lists = { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_CHANNELS };
  for (const [name, list] of Object.entries(lists)) {
    it(`${name} has unique schema-safe keys and labels in both languages`, () => {
      const keys = list.map((option) => option.key);
      assert.equal(new Set(keys).size, keys.length);
      for (const option of list) {
        assert.match(option.key, /^[a-z]+(?:_[a-z]+)*$/);
        assert.ok(option.vi && option.en);
        assert.equal(option.vi, option.vi.normalize('NFC'));
      }
    });
  }

  it('keeps cấp huyện only as an obsolete level', () => {
    const current = PROCEDURE_LEVELS.filter((level) => !level.obsolete).map((level) => level.vi);
    const obsolete = PROCEDURE_LEVELS.filter((level) => level.obsolete).map((level) => level.vi);
    assert.deepEqual(current, ['Cấp tỉnh', 'Cấp xã']);
    assert.deepEqual(obsolete, ['Cấp huyện']);
  });

  it('offers fully and partly online service levels and three submission channels', () => {
    assert.deepEqual(
      SERVICE_LEVELS.map((level) => level.vi),
      ['Toàn trình', 'Một phần'],
    );
    assert.deepEqual(
      SUBMISSION_CHANNELS.map((channel) => channel.key),
      ['truc_tiep', 'truc_tuyen', 'buu_chinh'],
    );
  });
});
