import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, robotsTxt, rssXml, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapParts, sitemapXml } from './feeds.ts';

describe('escapeXml', () => {
  it('escapes markup characters', () =>
    assert.equal(escapeXml(`a & b <c> "d" 'e'`), 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;'));
  it('drops control characters XML cannot carry', () => assert.equal(escapeXml('a\u0000b\u000Bc\td'), 'abc\td'));
  it('stores Vietnamese as NFC', () => assert.equal(escapeXml('Hoà'.normalize('NFD')), 'Hoà'.normalize('NFC')));
});

describe('sitemapXml', () => {
  const xml = sitemapXml([
    { loc: 'https://sonha.example/', lastmod: '2026-11-20T10:00:00+07:00' },
    { loc: 'https://sonha.example/tin-tuc/?a=1&b=2' },
    { loc: 'https://sonha.example/' },
  ]);
  it('lists each URL once, escaped, with its last change in UTC', () => {
    assert.equal(xml.match(/<url>/g)?.length, 2);
    assert.match(xml, /<loc>https:\/\/sonha\.example\/tin-tuc\/\?a=1&amp;b=2<\/loc>/);
    assert.match(xml, /<lastmod>2026-11-20T03:00:00\.000Z<\/lastmod>/);
  });
  it('is a sitemaps.org urlset', () => {
    assert.ok(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    );
    assert.ok(xml.trimEnd().endsWith('</urlset>'));
  });
});

describe('rssXml', () => {
  const xml = rssXml({
    title: 'Tin tức – Chuyển đổi số',
    link: 'https://sonha.example/tin-tuc/chuyen-muc/chuyen-doi-so/',
    self: 'https://sonha.example/tin-tuc/chuyen-muc/chuyen-doi-so/rss.xml',
    description: 'Chuyển đổi số <&>',
    items: [
      {
        title: 'A & B',
        link: 'https://sonha.example/tin-tuc/a/',
        description: 'lead',
        date: '2026-11-10T09:15:00+07:00',
      },
      { title: 'C', link: 'https://sonha.example/tin-tuc/c/', date: '2026-11-12T20:00:00+07:00' },
    ],
  });
  it('has one item per article, with escaped text and RFC 822 dates', () => {
    assert.equal(xml.match(/<item>/g)?.length, 2);
    assert.match(xml, /<title>A &amp; B<\/title>/);
    assert.match(xml, /<pubDate>Tue, 10 Nov 2026 02:15:00 GMT<\/pubDate>/);
    assert.match(xml, /<description>Chuyển đổi số &lt;&amp;&gt;<\/description>/);
  });
  it('dates the feed by its newest item', () => assert.match(xml, /<lastBuildDate>Thu, 12 Nov 2026 13:00:00 GMT</));
  it('names itself, so readers can subscribe from the file', () =>
    assert.match(
      xml,
      /<atom:link href="https:\/\/sonha\.example\/tin-tuc\/chuyen-muc\/chuyen-doi-so\/rss\.xml" rel="self"/,
    ));
  it('has no lastBuildDate when there are no items', () =>
    assert.doesNotMatch(rssXml({ title: 't', link: 'l', self: 's', description: 'd', items: [] }), /lastBuildDate/));
});

describe('robotsTxt', () => {
  it('points crawlers at the sitemap', () =>
    assert.equal(
      robotsTxt('https://sonha.example/sitemap.xml'),
      'User-agent: *\nAllow: /\n\nSitemap: https://sonha.example/sitemap.xml\n',
    ));
});

describe('sitemapParts and sitemapIndexXml', () => {
  const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ loc: `https://cong.test/tin-tuc/bai-${i}/` }));

  it('cuts the URLs into files of at most the limit, duplicates removed, in order', () => {
    const parts = sitemapParts([...urls(7), { loc: 'https://cong.test/tin-tuc/bai-3/' }], 3);
    assert.deepEqual(
      parts.map((part) => part.length),
      [3, 3, 1],
    );
    assert.equal(parts[2]?.[0]?.loc, 'https://cong.test/tin-tuc/bai-6/');
  });

  it('keeps 50,000 URLs in one file and starts a second at 50,001', () => {
    assert.equal(SITEMAP_MAX_URLS, 50_000);
    assert.equal(sitemapParts(urls(50_000)).length, 1);
    assert.deepEqual(
      sitemapParts(urls(50_001)).map((part) => part.length),
      [50_000, 1],
    );
  });

  it('always has one file, even for an empty site', () => {
    assert.deepEqual(sitemapParts([]), [[]]);
    assert.throws(() => sitemapParts(urls(2), 0), RangeError);
  });

  it('writes an index of the files with their lastmod', () => {
    const xml = sitemapIndexXml([
      { loc: 'https://cong.test/sitemap-1.xml', lastmod: '2026-03-21T08:00:00+07:00' },
      { loc: 'https://cong.test/sitemap-2.xml?a=1&b=2' },
    ]);
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    assert.match(
      xml,
      /<sitemap><loc>https:\/\/cong.test\/sitemap-1.xml<\/loc><lastmod>2026-03-21T01:00:00.000Z<\/lastmod><\/sitemap>/,
    );
    assert.match(xml, /<loc>https:\/\/cong.test\/sitemap-2.xml\?a=1&amp;b=2<\/loc><\/sitemap>/);
    assert.match(xml, /<\/sitemapindex>\n$/);
  });
});
