import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SYNONYMS, synonymsFromGroups } from './shared-settings.ts';

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
});
