import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  exactWords,
  federatedRequest,
  highlightToHtml,
  markedFields,
  markFolded,
  markWords,
  MARK_END,
  MARK_START,
} from './client.ts';

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
  it('keeps typos and prefixes on the short fields and the long text, which needs every word', () => {
    const queries = byFields('giấy phép xây dựng');
    assert.equal(queries.get('documentNumber,abstract')?.['q'], 'giấy phép xây dựng');
    assert.equal(queries.get('text')?.['q'], 'giấy phép xây dựng');
    assert.equal(queries.get('text')?.['matchingStrategy'], 'all');
    for (const fields of ['tonedTitle', 'tonedText']) {
      assert.doesNotMatch(String(queries.get(fields)?.['q']), /"/, fields);
      assert.equal(queries.get(fields)?.['matchingStrategy'], 'all', fields);
    }
  });
  it('asks Meilisearch to highlight only the short-field queries; the client marks the hits of the others', () => {
    const { body, clientMarked } = federatedRequest(config, 'đất đai 2024');
    const highlighted = body.queries.map((q) => (q['attributesToHighlight'] ? q['attributesToSearchOn'] : undefined));
    assert.deepEqual(highlighted, [['documentNumber', 'abstract'], undefined, undefined, undefined]);
    assert.deepEqual(
      [...clientMarked.entries()],
      [
        [1, 'folded'],
        [2, 'tone'],
        [3, 'tone'],
      ],
    );
    for (const q of body.queries) {
      const long = (q['attributesToSearchOn'] as string[]).some((field) => field === 'text' || field === 'tonedText');
      if (long) assert.equal(q['attributesToHighlight'], undefined);
      assert.equal(q['attributesToCrop'], undefined);
    }
  });
  it('searches the long text with the Telex reading as exact words', () => {
    const { body } = federatedRequest(config, 'thur tucj');
    const body2 = body.queries.filter((q) => (q['attributesToSearchOn'] as string[]).includes('text'));
    assert.deepEqual(
      body2.map((q) => q['q']),
      ['thur tucj', '"thủ" "tục"'],
    );
  });
});

describe('markFolded', () => {
  it('marks whole words equal to a query word without tones, đ as d, in any case', () => {
    assert.equal(
      markFolded('Luật Đất đai về quản lý đất; đặt hàng', ['dat', 'Quan', 'ly']),
      `Luật ${MARK_START}Đất${MARK_END} đai về ${MARK_START}quản${MARK_END} ${MARK_START}lý${MARK_END} ${MARK_START}đất${MARK_END}; ${MARK_START}đặt${MARK_END} hàng`,
    );
    assert.equal(markFolded('đất đai', []), 'đất đai');
  });
});

describe('markedFields', () => {
  it('marks the short fields a hit shows and leaves out the others', () => {
    const formatted = markedFields(
      { id: 'x', abstract: 'Quy định về đất đai', documentNumber: '15/2024/QĐ-UBND', agency: 'UBND tỉnh', year: 2024 },
      ['dat', '2024'],
      'folded',
    );
    assert.deepEqual(formatted, {
      abstract: `Quy định về ${MARK_START}đất${MARK_END} đai`,
      documentNumber: `15/${MARK_START}2024${MARK_END}/QĐ-UBND`,
    });
    assert.deepEqual(markedFields({ title: 'Đường và dương' }, ['đường'], 'tone'), {
      title: `${MARK_START}Đường${MARK_END} và dương`,
    });
  });
});
