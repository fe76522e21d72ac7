import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SYNONYMS, synonymAliases, synonymsFromGroups } from './shared-settings.ts';

describe('synonyms', () => {
  it('makes each group mutual, with and without tones', () => {
    const synonyms = synonymsFromGroups([['BHXH', 'Bảo hiểm xã hội']]);
    assert.ok(synonyms['bhxh']?.includes('bảo hiểm xã hội'));
    assert.ok(synonyms['bhxh']?.includes('bao hiem xa hoi'));
    assert.ok(synonyms['bao hiem xa hoi']?.includes('bhxh'));
  });

  it('knows the abbreviations citizens type, from the data file', () => {
    for (const abbreviation of ['ubnd', 'hđnd', 'hdnd', 'tthc', 'cntt', 'qđ', 'nđ-cp', 'nd cp', 'tt', 'vbqppl', 'dvc'])
      assert.ok(SYNONYMS[abbreviation]?.length, abbreviation);
    for (const abbreviation of ['bhxh', 'bhyt', 'thcs', 'thpt', 'tp.hcm', 'tp hcm'])
      assert.ok(SYNONYMS[abbreviation]?.length, abbreviation);
  });

  it('indexes the other spellings of the terms a record mentions, as whole words only', () => {
    assert.ok(synonymAliases('Hướng dẫn cấp lại sổ BHXH bị mất').includes('bảo hiểm xã hội'));
    assert.ok(synonymAliases('người tham gia bao hiem xa hoi').includes('BHXH'));
    assert.ok(synonymAliases('Nghị định 30/2020/NĐ-CP').includes('nghị định chính phủ'));
    assert.deepEqual(synonymAliases('Tuyển dụng nhân viên'), []);
  });
});
