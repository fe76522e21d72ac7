import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listParams, RESERVED_ARTICLE_SLUGS, routeParams, routes } from './routes.ts';

describe('routes', () => {
  const cases: Array<[string, string, string]> = [
    ['home is the site root', routes.home(), '/'],
    ['news list page 1 is the bare list', routes.newsList(), '/tin-tuc/'],
    ["the news list's first page given explicitly", routes.newsArchive('first'), '/tin-tuc/'],
    ['news archive bucket 1 (the oldest) lives under trang/', routes.newsArchive(1), '/tin-tuc/trang/1/'],
    ['news archive bucket 2 lives under trang/', routes.newsArchive(2), '/tin-tuc/trang/2/'],
    ['news archive bucket 12', routes.newsArchive(12), '/tin-tuc/trang/12/'],
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
    ['the no-JS results page', routes.searchResults(), '/tim-kiem/ket-qua/'],
    [
      'the no-JS results page restricted to documents',
      routes.searchResults(' 2543/QĐ-UBND ', 'documents'),
      '/tim-kiem/ket-qua/?q=2543%2FQ%C4%90-UBND&pham-vi=van-ban',
    ],
    [
      'the no-JS results page for procedures',
      routes.searchResults('khai sinh', 'procedures'),
      '/tim-kiem/ket-qua/?q=khai+sinh&pham-vi=thu-tuc',
    ],
    ['the emblem', routes.emblem(), '/quoc-huy.svg'],
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
    for (const url of [
      routes.home(),
      routes.newsList(),
      routes.newsArchive(3),
      routes.article('a-b'),
      routes.search(),
    ]) {
      assert.ok(url.endsWith('/'), url);
    }
  });

  it('refuses list page numbers that are not whole numbers from 1', () => {
    for (const page of [0, -1, 1.5, Number.NaN]) assert.throws(() => routes.newsArchive(page), RangeError);
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
  it("the news list's first page has no rest param", () =>
    assert.deepEqual(routeParams.newsList('first'), { page: undefined }));

  it('archive pages rebuild the URL that routes gives', () => {
    for (const page of [1, 2, 3, 10]) {
      const { page: rest } = routeParams.newsList(page);
      assert.equal(`/tin-tuc/${rest}/`, routes.newsArchive(page));
    }
  });

  it('an article param is its slug', () =>
    assert.deepEqual(routeParams.article('le-hoi-mua-vang'), { slug: 'le-hoi-mua-vang' }));
});

// --- Documents and procedures finders (docs helper) ---
describe('routes of the documents and procedures finders', () => {
  const cases: Array<[string, string, string]> = [
    ['documents list page 1 is the finder', routes.documentsList(), '/van-ban/'],
    ['documents list page 3', routes.documentsList(3), '/van-ban/trang/3/'],
    ['documents of a type', routes.documentFacet('type', 'quyet-dinh'), '/van-ban/loai/quyet-dinh/'],
    ['documents of a year, page 2', routes.documentFacet('year', '2026', 2), '/van-ban/nam/2026/trang/2/'],
    ['documents of an agency', routes.documentFacet('agency', 'ubnd-tinh'), '/van-ban/co-quan/ubnd-tinh/'],
    ['documents of a field', routes.documentFacet('field', 'ho-tich'), '/van-ban/linh-vuc/ho-tich/'],
    ['documents by validity', routes.documentFacet('status', 'con-hieu-luc'), '/van-ban/hieu-luc/con-hieu-luc/'],
    ['the filter form without filters is the finder', routes.documentsQuery({ loai: ' ', so: '' }), '/van-ban/'],
    [
      'the filter form keeps the form order and encodes values',
      routes.documentsQuery({ so: '2543/QĐ-UBND', nam: '2026', loai: 'quyet-dinh' }),
      '/van-ban/?loai=quyet-dinh&nam=2026&so=2543%2FQ%C4%90-UBND',
    ],
    ['the documents feed', routes.documentsFeed(), '/van-ban/rss.xml'],
    ['the questions feed', routes.questionsFeed(), '/hoi-dap/rss.xml'],
    ['the finder data', routes.documentsData(), '/van-ban/du-lieu.json'],
    ['a year of the finder data', routes.documentsDataYear('2026'), '/van-ban/du-lieu/2026.json'],
    ['procedures list page 1 is the finder', routes.proceduresList(), '/thu-tuc-hanh-chinh/'],
    ['procedures list page 2', routes.proceduresList(2), '/thu-tuc-hanh-chinh/trang/2/'],
    ['procedures of a level', routes.procedureFacet('level', 'xa'), '/thu-tuc-hanh-chinh/cap/xa/'],
    [
      'procedures of a service level',
      routes.procedureFacet('serviceLevel', 'toan-trinh'),
      '/thu-tuc-hanh-chinh/muc-do/toan-trinh/',
    ],
    [
      'procedures of a field',
      routes.procedureFacet('field', 'ho-tich', 2),
      '/thu-tuc-hanh-chinh/linh-vuc/ho-tich/trang/2/',
    ],
    [
      'procedures of an agency',
      routes.procedureFacet('agency', 'so-tu-phap'),
      '/thu-tuc-hanh-chinh/co-quan/so-tu-phap/',
    ],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));

  it('refuses a document or procedure slug that a list URL uses', () => {
    for (const slug of ['trang', 'loai', 'nam', 'co-quan', 'linh-vuc', 'hieu-luc', 'cap', 'muc-do']) {
      assert.throws(() => routes.document(slug), RangeError);
      assert.throws(() => routes.procedure(slug), RangeError);
    }
  });

  it('refuses facet values that would add a path segment', () => {
    assert.throws(() => routes.documentFacet('type', 'a/b'), RangeError);
    assert.throws(() => routes.procedureFacet('level', ''), RangeError);
  });

  it('list params rebuild the URLs that routes gives', () => {
    for (const url of [routes.documentsList(), routes.documentsList(2), routes.documentFacet('year', '2024', 3)]) {
      const { list } = listParams.documents(url);
      assert.equal(list === undefined ? '/van-ban/' : `/van-ban/${list}/`, url);
    }
    assert.deepEqual(listParams.procedures(routes.procedureFacet('level', 'tinh')), { list: 'cap/tinh' });
    assert.deepEqual(listParams.document('12-2026-qd-ubnd'), { slug: '12-2026-qd-ubnd' });
    assert.deepEqual(listParams.procedure('dang-ky-khai-sinh'), { slug: 'dang-ky-khai-sinh' });
  });
});
// --- end documents and procedures ---

describe('routes of the news lists, calendar, static and English pages', () => {
  const cases: Array<[string, string, string]> = [
    ['a news category', routes.newsCategory('chuyen-doi-so'), '/tin-tuc/chuyen-muc/chuyen-doi-so/'],
    [
      'archive bucket 2 of a news category',
      routes.newsCategoryArchive('chuyen-doi-so', 2),
      '/tin-tuc/chuyen-muc/chuyen-doi-so/trang/2/',
    ],
    ['press releases', routes.pressReleases(), '/tin-tuc/thong-cao-bao-chi/'],
    ['archive bucket 3 of press releases', routes.pressReleasesArchive(3), '/tin-tuc/thong-cao-bao-chi/trang/3/'],
    ['the news feed', routes.newsFeed(), '/tin-tuc/rss.xml'],
    ['a category feed', routes.newsCategoryFeed('van-hoa'), '/tin-tuc/chuyen-muc/van-hoa/rss.xml'],
    ['a calendar week, zero-padded', routes.calendarWeek({ year: 2026, week: 8 }), '/lich-cong-tac/2026-tuan-08/'],
    ['calendar week 48', routes.calendarWeek({ year: 2026, week: 48 }), '/lich-cong-tac/2026-tuan-48/'],
    ['a static page at the top level', routes.page('gioi-thieu'), '/gioi-thieu/'],
    ['an English page', routes.englishPage('about'), '/en/about/'],
    ['the English agency directory', routes.englishAgencies(), '/en/agencies/'],
    ['an English agency', routes.englishAgency('son-ha-department'), '/en/agencies/son-ha-department/'],
    ['the sitemap', routes.sitemap(), '/sitemap.xml'],
    ['a sitemap file', routes.sitemapPart(2), '/sitemap-2.xml'],
    ['robots.txt', routes.robots(), '/robots.txt'],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));

  it('refuses article slugs that would collide with the news lists', () => {
    for (const slug of ['chuyen-muc', 'thong-cao-bao-chi', 'trang']) {
      assert.ok(RESERVED_ARTICLE_SLUGS.has(slug));
      assert.throws(() => routes.article(slug), /reserved/);
    }
  });

  it('refuses static page slugs that name a section', () => {
    for (const slug of [
      'tin-tuc',
      'van-ban',
      'thu-tuc-hanh-chinh',
      'lich-cong-tac',
      'co-quan',
      'en',
      'tim-kiem',
      '404',
      '_astro',
    ])
      assert.throws(() => routes.page(slug), /reserved/, slug);
    assert.throws(() => routes.englishPage('agencies'), /reserved/);
  });

  it('refuses weeks that do not exist', () => {
    for (const week of [0, 54, 1.5]) assert.throws(() => routes.calendarWeek({ year: 2026, week }), RangeError);
  });
});

describe('routeParams of the new page files', () => {
  it('rebuild the URLs that routes gives', () => {
    assert.deepEqual(routeParams.newsCategory('a-b', 'first'), { slug: 'a-b', page: undefined });
    assert.deepEqual(routeParams.newsCategory('a-b', 2), { slug: 'a-b', page: 'trang/2' });
    assert.deepEqual(routeParams.pressReleases('first'), { page: undefined });
    assert.deepEqual(routeParams.newsFeed(), { feed: 'rss' });
    assert.deepEqual(routeParams.pressReleases(4), { page: 'trang/4' });
    assert.deepEqual(routeParams.calendarWeek({ year: 2026, week: 48 }), { week: '2026-tuan-48' });
    assert.deepEqual(routeParams.agency('so-tai-chinh'), { slug: 'so-tai-chinh' });
    assert.deepEqual(routeParams.page('lien-he'), { page: 'lien-he' });
    assert.deepEqual(routeParams.englishPage('contact'), { page: 'contact' });
    assert.deepEqual(routeParams.englishAgency('x-y'), { slug: 'x-y' });
  });
});
