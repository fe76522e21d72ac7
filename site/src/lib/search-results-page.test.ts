import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MARK_END, MARK_START, type SearchHit } from '@portal/search/client';
import {
  fillFrame,
  parseResultsParams,
  renderResults,
  RESULTS_SLOT_END,
  RESULTS_SLOT_START,
} from './search-results-page.ts';

const params = (text: string) => parseResultsParams(new URLSearchParams(text));

describe('no-JavaScript search results page', () => {
  it('reads the query, the scope and the page, normalising the query', () => {
    assert.deepEqual(params('q=++2543%2FQD-UBND+&pham-vi=van-ban&trang=2'), {
      ok: true,
      value: { query: '2543/QD-UBND', scope: 'documents', page: 2 },
    });
    assert.deepEqual(params(''), { ok: true, value: { query: '', scope: undefined, page: 1 } });
    assert.deepEqual(params('q=a&pham-vi=&utm_source=x'), {
      ok: true,
      value: { query: 'a', scope: undefined, page: 1 },
    });
  });

  it('refuses bad parameters with a Vietnamese message', () => {
    for (const [text, pattern] of [
      ['q=a&pham-vi=all', /Phạm vi tìm kiếm không hợp lệ/],
      ['q=a&trang=0', /Số trang phải từ 1 đến 50/],
      ['q=a&trang=abc', /Số trang không hợp lệ/],
      ['q=a&trang=51', /Số trang/],
      ['q=a&q=b', /chỉ được có một giá trị/],
      [`q=${'x'.repeat(201)}`, /Từ khóa quá dài/],
      ['q=a%00b', /ký tự không hợp lệ/],
    ] as const) {
      const result = params(text);
      assert.equal(result.ok, false, text);
      if (!result.ok) assert.match(result.message, pattern);
    }
  });

  it('escapes the query and the stored text, keeping only its own <mark> elements', () => {
    const evil = '"><script>alert(1)</script>';
    const hit: SearchHit = {
      id: 'article-1-vi',
      type: 'article',
      slug: 'tin-1',
      fields: { title: '<img src=x onerror=alert(1)>', kind: 'Tin tức', postedAt: '2026-11-20T02:00:00.000Z' },
      formatted: { title: `${MARK_START}<b>${MARK_END} tin`, lead: 'a & b' },
    };
    const html = renderResults({
      kind: 'results',
      request: { query: evil, scope: undefined, page: 1 },
      page: { hits: [hit], total: 1, facets: {}, processingTimeMs: 1 },
    });
    assert.ok(!html.includes('<script>'));
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(html.includes('<mark>&lt;b&gt;</mark> tin'));
    assert.ok(html.includes('href="/tin-tuc/tin-1/"'));
    const page = fillFrame(
      `<title>Kết quả | Cổng</title><main>${RESULTS_SLOT_START}x${RESULTS_SLOT_END}</main>`,
      html,
      evil,
    );
    assert.ok(!page.includes('<script>'));
    assert.match(page, /<title>“&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;” – Kết quả \| Cổng<\/title>/);
  });

  it('links the next and previous pages with the query and scope kept', () => {
    const html = renderResults({
      kind: 'results',
      request: { query: 'khai sinh', scope: 'procedures', page: 2 },
      page: { hits: [], total: 65, facets: {}, processingTimeMs: 1 },
    });
    assert.ok(html.includes('href="/tim-kiem/ket-qua/?q=khai+sinh&amp;pham-vi=thu-tuc" rel="prev"'));
    assert.ok(html.includes('href="/tim-kiem/ket-qua/?q=khai+sinh&amp;pham-vi=thu-tuc&amp;trang=3" rel="next"'));
    assert.match(html, /Tìm thấy 65 kết quả cho “khai sinh” trong mục Thủ tục hành chính\. Trang 2\/4\./);
    assert.match(html, /<option value="thu-tuc" selected>/);
  });

  it('offers the suggested spelling as a link to its own results, in the same scope', () => {
    const request = { query: 'giai quyet khieu nai lann dau', scope: 'procedures' as const, page: 1 };
    const page = { hits: [], total: 3, facets: {}, processingTimeMs: 1 };
    const html = renderResults({ kind: 'results', request, page, suggestion: 'giai quyet khieu nai lan dau' });
    assert.match(
      html,
      /<p class="did-you-mean">Có phải bạn muốn tìm: <a href="\/tim-kiem\/ket-qua\/\?q=giai\+quyet\+khieu\+nai\+lan\+dau&amp;pham-vi=thu-tuc" data-testid="did-you-mean">giai quyet khieu nai lan dau<\/a><\/p>/,
    );
    assert.doesNotMatch(renderResults({ kind: 'results', request, page }), /did-you-mean/);
    assert.doesNotMatch(renderResults({ kind: 'results', request, page, suggestion: request.query }), /did-you-mean/);
    assert.match(renderResults({ kind: 'results', request, page, suggestion: '<b>' }), />&lt;b&gt;<\/a>/);
  });
});
