import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { breadcrumbList, governmentOrganization, jsonLdScript, newsArticle } from './structured-data.ts';

describe('breadcrumbList', () => {
  it('numbers the crumbs from the home page to the current page, with absolute URLs', () => {
    const list = breadcrumbList(
      [
        { label: 'Trang chủ', href: '/' },
        { label: 'Tin tức', href: '/tin-tuc/' },
      ],
      { label: 'Một bài viết', href: '/tin-tuc/mot-bai-viet/' },
      'https://sonha.example',
    );
    assert.equal(list['@type'], 'BreadcrumbList');
    assert.deepEqual(
      list.itemListElement.map((item) => [item.position, item.name, item.item]),
      [
        [1, 'Trang chủ', 'https://sonha.example/'],
        [2, 'Tin tức', 'https://sonha.example/tin-tuc/'],
        [3, 'Một bài viết', 'https://sonha.example/tin-tuc/mot-bai-viet/'],
      ],
    );
  });
});

describe('newsArticle and governmentOrganization', () => {
  it('leave out what the content does not have', () => {
    const article = newsArticle(
      { title: 'T', url: 'https://x/a/', date: '2026-11-10T09:15:00+07:00', author: null },
      { name: 'UBND', url: 'https://x/' },
    );
    assert.equal('author' in article, false);
    assert.equal(article.publisher['@type'], 'GovernmentOrganization');
    const agency = governmentOrganization({ name: 'Sở Tư pháp', url: 'https://x/co-quan/stp/', phone: '0203' });
    assert.deepEqual(Object.keys(agency).sort(), ['@context', '@type', 'name', 'telephone', 'url']);
  });
});

describe('jsonLdScript', () => {
  it('cannot be closed early by text in the content', () => {
    const script = jsonLdScript({ headline: '</script><script>alert(1)</script>' });
    assert.doesNotMatch(script, /<\/script>/i);
    assert.deepEqual(JSON.parse(script), { headline: '</script><script>alert(1)</script>' });
  });
});
