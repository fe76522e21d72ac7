import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyIndexIn, highlightToHtml, markWords, MARK_END, MARK_START } from './client.ts';

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

describe('emptyIndexIn', () => {
  const queries = [{ indexUid: 'p_articles' }, { indexUid: 'p_articles' }, { indexUid: 'p_pages' }];
  it('names the index of the query Meilisearch refused for fields it does not have yet', () => {
    const body = JSON.stringify({
      message: 'Inside `.queries[2]`: Index `p_pages`: Attribute `title` is not searchable.',
      code: 'invalid_search_attributes_to_search_on',
    });
    assert.equal(emptyIndexIn(body, queries), 'p_pages');
  });
  it('leaves every other error alone', () => {
    assert.equal(
      emptyIndexIn(JSON.stringify({ message: 'Inside `.queries[0]`', code: 'invalid_api_key' }), queries),
      undefined,
    );
    assert.equal(emptyIndexIn('<html>bad gateway</html>', queries), undefined);
  });
});
