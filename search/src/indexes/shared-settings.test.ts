import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  distinctWords,
  fieldAliases,
  LONG_ATTRIBUTES,
  SYNONYMS,
  synonymAliases,
  synonymsFromGroups,
  TONED_ATTRIBUTES,
  withBodyAliases,
} from './shared-settings.ts';
import { INDEXES, STORES } from './index.ts';

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

  it('keeps the aliases of terms only the long text mentions out of the short aliases field', () => {
    const { aliases, bodyAliases } = fieldAliases(
      'Luật Giao thông đường bộ',
      'Điều 58. Người lái xe phải mang theo giấy phép lái xe và sổ BHXH.',
    );
    assert.deepEqual(aliases, []);
    assert.ok(bodyAliases.includes('GPLX') && bodyAliases.includes('bảo hiểm xã hội'));
    const title = fieldAliases('Cấp đổi GPLX', 'Người lái xe nộp giấy phép lái xe cũ.');
    assert.ok(title.aliases.includes('giấy phép lái xe'));
    assert.deepEqual(title.bodyAliases, [], 'a term of the title is not repeated with the text');
    assert.equal(withBodyAliases('Nội dung.', ['GPLX', 'bằng lái xe']), 'Nội dung.\nGPLX · bằng lái xe');
    assert.equal(withBodyAliases('Nội dung.', []), 'Nội dung.');
  });
});

describe('distinct words of a long text', () => {
  it('keeps each word once, in the order of its first use, whatever its case or the punctuation around it', () => {
    assert.equal(
      distinctWords('Điều 1. Phạm vi điều chỉnh: Luật này quy định (phạm vi) về … điều kiện.'),
      'Điều 1 Phạm vi chỉnh Luật này quy định về kiện',
    );
  });

  it('keeps a cited number or code in one piece, as Meilisearch reads it', () => {
    assert.equal(
      distinctWords('Căn cứ Nghị định số 15/2024/NĐ-CP; thủ tục 1.000948, và 15/2024/NĐ-CP.'),
      'Căn cứ Nghị định số 15/2024/NĐ-CP thủ tục 1.000948 và',
    );
    assert.equal(distinctWords(' … ; \n '), '');
  });
});

describe('displayed attributes', () => {
  it('never include a long text or a toned field: a search returning laws would copy their full texts', () => {
    for (const index of [...INDEXES, ...STORES]) {
      const displayed = index.settings.displayedAttributes ?? ['*'];
      assert.ok(!displayed.includes('*'), index.name);
      for (const attribute of [...LONG_ATTRIBUTES, ...TONED_ATTRIBUTES])
        assert.ok(!displayed.includes(attribute), `${index.name} displays ${attribute}`);
    }
  });
});
