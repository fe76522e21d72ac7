import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { correctWord, editDistance, suggestionFor, type VocabularyWord } from './suggest.ts';
import { vocabularyFrom, vocabularyUpdates } from './vocabulary.ts';

const vocabulary = vocabularyFrom([
  'Cấp hộ chiếu phổ thông',
  'Cấp giấy phép lái xe quốc tế',
  'Đăng ký khai sinh',
  'Đăng ký kết hôn',
  'Giải quyết trợ cấp mai táng',
  'Quy định về tài chính',
  'Quy chế làm việc',
  'Tài liệu hướng dẫn',
]);
const near = (word: string) => vocabulary.filter((entry) => editDistance(entry.word, word) <= 2);

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('qouc', 'quoc'), 1);
    assert.equal(editDistance('tnag', 'tang'), 1);
    assert.equal(editDistance('chieu', 'chieu'), 0);
    assert.equal(editDistance('ki', 'ky'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('vocabularyFrom', () => {
  it('folds words, counts records (not repeats) and keeps the commonest spelling with tones', () => {
    const byWord = new Map(vocabularyFrom(['Cấp hộ chiếu, cấp lại', 'Cấp phép', 'cap 2024']).map((e) => [e.word, e]));
    assert.deepEqual(byWord.get('cap'), { word: 'cap', display: 'cấp', count: 3 });
    assert.equal(byWord.has('2024'), false);
  });
});

describe('vocabularyUpdates', () => {
  it('gives the words of synced titles as partial documents, without count or spelling', () => {
    const updates = vocabularyUpdates([{ id: 'a', title: 'Lễ hội Hoa Ban', text: 'không phải tiêu đề' }]);
    assert.deepEqual(
      updates.map((update) => update.word),
      ['le', 'hoi', 'hoa', 'ban'],
    );
    assert.deepEqual(Object.keys(updates[0] ?? {}).sort(), ['id', 'word']);
    assert.match(updates[0]?.id ?? '', /^[a-f0-9]{20}$/);
  });
});

describe('correctWord', () => {
  const entries: VocabularyWord[] = [
    { word: 'quy', display: 'quy', count: 50 },
    { word: 'quoc', display: 'quốc', count: 3 },
  ];
  it('counts a word the sync added since the last rebuild once', () => {
    assert.equal(correctWord('hoaa', [{ word: 'hoa' }, { word: 'hoan', count: 2 }])?.word, 'hoan');
    assert.equal(correctWord('banx', [{ word: 'ban' }])?.word, 'ban');
  });
  it('prefers the closest word, then the most used', () => {
    assert.equal(correctWord('qouc', entries)?.word, 'quoc');
    assert.equal(correctWord('quoc', entries), undefined, 'a known word is kept');
    assert.equal(correctWord('xyzw', entries), undefined, 'nothing close');
    assert.equal(correctWord('2024', entries), undefined, 'numbers are never corrected');
    assert.equal(correctWord('qv', entries), undefined, 'two letters without a vowel: an abbreviation');
  });
  it('corrects a syllable that lost its vowel by one edit only', () => {
    const dang: VocabularyWord[] = [{ word: 'dang', display: 'đăng', count: 9 }];
    assert.equal(correctWord('dng', dang)?.word, 'dang');
    assert.equal(correctWord('dgn', dang), undefined);
  });
});

describe('suggestionFor', () => {
  it('corrects only unknown words, in the spelling the query was typed in', () => {
    assert.equal(suggestionFor('cap giay phep lai xe qouc te', near), 'cap giay phep lai xe quoc te');
    assert.equal(suggestionFor('cấp hộ chiu', near), 'cấp hộ chiếu');
    assert.equal(suggestionFor('giai quyet tro cap mai tnag', near), 'giai quyet tro cap mai tang');
    assert.equal(suggestionFor('dang ky khai sinh', near), undefined);
    assert.equal(suggestionFor('thủ tục làm tài liu', near), 'thủ tục làm tài liệu', 'fillers kept');
    assert.equal(
      suggestionFor('tôi muốn đăng ký khai sinh thì làm thế nào', near),
      undefined,
      'fillers never corrected',
    );
  });
});
