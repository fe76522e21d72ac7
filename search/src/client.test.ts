import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightToHtml, markWords, MARK_END, MARK_START } from './client.ts';

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
