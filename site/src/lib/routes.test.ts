import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { routeParams, routes } from './routes.ts';

describe('routes', () => {
  const cases: Array<[string, string, string]> = [
    ['home is the site root', routes.home(), '/'],
    ['news list page 1 is the bare list', routes.newsList(), '/tin-tuc/'],
    ['news list page 1 given explicitly', routes.newsList(1), '/tin-tuc/'],
    ['news list page 2 lives under trang/', routes.newsList(2), '/tin-tuc/trang/2/'],
    ['news list page 12', routes.newsList(12), '/tin-tuc/trang/12/'],
    ['an article sits below the news list', routes.article('ubnd-tinh-hop-phien'), '/tin-tuc/ubnd-tinh-hop-phien/'],
    ['the documents finder', routes.documents(), '/van-ban/'],
    ['a document sits below the finder', routes.document('quyet-dinh-12-2026'), '/van-ban/quyet-dinh-12-2026/'],
    ['the procedures finder', routes.procedures(), '/thu-tuc-hanh-chinh/'],
    [
      'a procedure sits below the finder',
      routes.procedure('cap-phep-xay-dung'),
      '/thu-tuc-hanh-chinh/cap-phep-xay-dung/',
    ],
    ["the leaders' calendar", routes.calendar(), '/lich-cong-tac/'],
    ['the agency directory', routes.agencies(), '/co-quan/'],
    ['an agency sits below the directory', routes.agency('so-tai-chinh'), '/co-quan/so-tai-chinh/'],
    ['the English home', routes.englishHome(), '/en/'],
    ['search without a query', routes.search(), '/tim-kiem/'],
    ['search with a blank query drops ?q=', routes.search('   '), '/tim-kiem/'],
    ['search with a query', routes.search('thu tuc'), '/tim-kiem/?q=thu+tuc'],
    ['search query is trimmed and encoded', routes.search(' Sơn Hà & UBND '), '/tim-kiem/?q=S%C6%A1n+H%C3%A0+%26+UBND'],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));

  it('every page URL ends with a slash', () => {
    for (const url of [routes.home(), routes.newsList(), routes.newsList(3), routes.article('a-b'), routes.search()]) {
      assert.ok(url.endsWith('/'), url);
    }
  });

  it('refuses list page numbers that are not whole numbers from 1', () => {
    for (const page of [0, -1, 1.5, Number.NaN]) assert.throws(() => routes.newsList(page), RangeError);
  });

  it('refuses empty slugs and slugs that would add a path segment', () => {
    for (const slug of ['', 'a/b']) {
      assert.throws(() => routes.article(slug), RangeError);
      assert.throws(() => routes.document(slug), RangeError);
      assert.throws(() => routes.procedure(slug), RangeError);
      assert.throws(() => routes.agency(slug), RangeError);
    }
  });
});

describe('routeParams', () => {
  it('page 1 of the news list has no rest param', () => assert.deepEqual(routeParams.newsList(1), { page: undefined }));

  it('later list pages rebuild the URL that routes gives', () => {
    for (const page of [2, 3, 10]) {
      const { page: rest } = routeParams.newsList(page);
      assert.equal(`/tin-tuc/${rest}/`, routes.newsList(page));
    }
  });

  it('an article param is its slug', () =>
    assert.deepEqual(routeParams.article('le-hoi-mua-vang'), { slug: 'le-hoi-mua-vang' }));
});
