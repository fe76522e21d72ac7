import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exactWords, federatedRequest, highlightToHtml, markWords, MARK_END, MARK_START } from './client.ts';

describe('highlightToHtml', () => {
  it('escapes stored text and marks the matched words', () => {
    const html = highlightToHtml(`<b>Ứng dụng</b> ${MARK_START}công nghệ${MARK_END} "thông tin" & số`);
    assert.equal(html, '&lt;b&gt;Ứng dụng&lt;/b&gt; <mark>công nghệ</mark> &quot;thông tin&quot; &amp; số');
  });
});

describe('markWords', () => {
  it('marks whole words with the same tones only, in any case', () => {
    assert.equal(
      markWords('Đường và dương, ĐƯỜNG phố', ['đường']),
      `${MARK_START}Đường${MARK_END} và dương, ${MARK_START}ĐƯỜNG${MARK_END} phố`,
    );
    assert.equal(markWords('con đường', []), 'con đường');
  });
});

describe('exactWords', () => {
  it('quotes every word, so Meilisearch derives no typo, prefix or synonym for it', () => {
    assert.equal(exactWords('đường giao thông'), '"đường" "giao" "thông"');
    assert.equal(exactWords('2543/QĐ-UBND'), '"2543" "QĐ" "UBND"');
    assert.equal(exactWords('  '), '');
  });
  it("keeps a citizen's own phrase as typed", () => {
    assert.equal(exactWords('"bảo vệ môi trường" 2020'), '"bảo vệ môi trường" 2020');
  });
});

describe('federatedRequest', () => {
  const config = {
    host: 'http://127.0.0.1:7700',
    apiKey: 'key',
    indexes: [
      {
        uid: 'legal',
        searchOn: ['documentNumber', 'abstract'],
        bodyOn: ['text'],
        toned: true,
        filterable: ['locale'],
        sortable: ['dateTs'],
      },
    ],
  };
  const byFields = (query: string) => {
    const { body } = federatedRequest(config, query);
    return new Map(body.queries.map((q) => [(q['attributesToSearchOn'] as string[]).join(','), q]));
  };
  it('keeps typos and prefixes on the short fields; the long text gets exact words, all required', () => {
    const queries = byFields('giấy phép xây dựng');
    assert.equal(queries.get('documentNumber,abstract')?.['q'], 'giấy phép xây dựng');
    assert.equal(queries.get('text')?.['q'], '"giấy" "phép" "xây" "dựng"');
    assert.equal(queries.get('text')?.['matchingStrategy'], 'all');
    for (const fields of ['tonedTitle', 'tonedText']) {
      assert.doesNotMatch(String(queries.get(fields)?.['q']), /"/, fields);
      assert.equal(queries.get(fields)?.['matchingStrategy'], 'all', fields);
    }
  });
  it('searches the long text with the Telex reading as exact words too', () => {
    const { body } = federatedRequest(config, 'thur tucj');
    const body2 = body.queries.filter((q) => (q['attributesToSearchOn'] as string[]).includes('text'));
    assert.deepEqual(
      body2.map((q) => q['q']),
      ['"thur" "tucj"', '"thủ" "tục"'],
    );
  });
});
