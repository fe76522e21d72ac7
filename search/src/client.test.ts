import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightToHtml, MARK_END, MARK_START } from './client.ts';

describe('highlightToHtml', () => {
  it('escapes stored text and marks the matched words', () => {
    const html = highlightToHtml(`<b>Ứng dụng</b> ${MARK_START}công nghệ${MARK_END} "thông tin" & số`);
    assert.equal(html, '&lt;b&gt;Ứng dụng&lt;/b&gt; <mark>công nghệ</mark> &quot;thông tin&quot; &amp; số');
  });
});
