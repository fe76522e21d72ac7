import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NO_RESULT_SUGGESTIONS, searchStatus } from './search-status.ts';

describe('searchStatus', () => {
  const cases: Array<[string, string, number, string]> = [
    ['a blank query says nothing', '  ', 0, ''],
    ['one result', 'lễ hội', 1, 'Tìm thấy 1 kết quả cho “lễ hội”.'],
    ['thousands are grouped the Vietnamese way', 'ubnd', 1234, 'Tìm thấy 1.234 kết quả cho “ubnd”.'],
    ['the query is shown trimmed', '  chuyen doi so ', 3, 'Tìm thấy 3 kết quả cho “chuyen doi so”.'],
    ['nothing found', 'xyzzy', 0, 'Không tìm thấy kết quả nào cho “xyzzy”.'],
  ];
  for (const [name, query, total, expected] of cases)
    it(name, () => assert.equal(searchStatus(query, total).message, expected));

  it('suggests typing without diacritics and shorter keywords only when nothing was found', () => {
    assert.deepEqual(searchStatus('xyzzy', 0).suggestions, NO_RESULT_SUGGESTIONS);
    assert.ok(NO_RESULT_SUGGESTIONS.some((line) => /không dấu/.test(line)));
    assert.ok(NO_RESULT_SUGGESTIONS.some((line) => /ngắn hơn/.test(line)));
    assert.deepEqual(searchStatus('ubnd', 5).suggestions, []);
  });
});
