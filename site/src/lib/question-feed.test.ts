import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { questionsRss, type FeedQuestion } from './question-feed.ts';

const question = (n: number, extra: Partial<FeedQuestion> = {}): FeedQuestion => ({
  title: `Câu hỏi số ${n} về <giấy phép> & lệ phí`,
  slug: `cau-hoi-so-${n}`,
  question: `Nội dung câu hỏi ${n}. `.repeat(40),
  receivedAt: `2026-11-${String(n).padStart(2, '0')}T02:00:00.000Z`,
  answeredAt: `2026-11-${String(n + 5).padStart(2, '0')}`,
  publishedAt: `2026-11-${String(n + 6).padStart(2, '0')}T03:00:00.000Z`,
  field: { name: 'Giao thông vận tải' },
  ...extra,
});

describe('questionsRss', () => {
  const xml = questionsRss([question(1), question(3), question(2)], 'https://cong.example.gov.vn/', 'Cổng Thử');

  it('lists the newest published first, each linked to its page on the site', () => {
    const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    assert.deepEqual(links, [
      'https://cong.example.gov.vn/hoi-dap/',
      'https://cong.example.gov.vn/hoi-dap/cau-hoi-so-3/',
      'https://cong.example.gov.vn/hoi-dap/cau-hoi-so-2/',
      'https://cong.example.gov.vn/hoi-dap/cau-hoi-so-1/',
    ]);
    assert.match(xml, /<atom:link href="https:\/\/cong.example.gov.vn\/hoi-dap\/rss.xml" rel="self"/);
    assert.match(xml, /<title>Hỏi đáp – Cổng Thử<\/title>/);
    assert.match(xml, /<pubDate>Mon, 09 Nov 2026 03:00:00 GMT<\/pubDate>/);
    assert.match(xml, /<category>Giao thông vận tải<\/category>/);
  });

  it('escapes the text and shortens the question to a description', () => {
    assert.match(xml, /Câu hỏi số 3 về &lt;giấy phép&gt; &amp; lệ phí/);
    const descriptions = [...xml.matchAll(/<description>([^<]+)<\/description>/g)].slice(1).map((m) => m[1]!);
    for (const description of descriptions) {
      assert.ok(description.length <= 302, `${description.length} characters`);
      assert.ok(description.endsWith(' …'));
    }
  });

  it('dates an unpublished-date entry by its answer day in Vietnam, and keeps at most `count` items', () => {
    const one = questionsRss([question(4, { publishedAt: null }), question(1)], 'https://x.vn/', 'P', 1);
    assert.equal([...one.matchAll(/<item>/g)].length, 1);
    assert.match(one, /cau-hoi-so-4/);
    assert.match(one, /<pubDate>Sun, 08 Nov 2026 17:00:00 GMT<\/pubDate>/);
  });
});
