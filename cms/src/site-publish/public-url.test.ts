import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publicPath, publicUrl } from './public-url.ts';

describe("an entry's public URL (the editor's 'Xem trên cổng' link)", () => {
  it('uses the site sections of url-words for each type with a page', () => {
    assert.equal(publicPath('api::article.article', { slug: 'cau-moi' }), '/tin-tuc/cau-moi/');
    assert.equal(publicPath('api::category.category', { slug: 'kinh-te' }), '/tin-tuc/chuyen-muc/kinh-te/');
    assert.equal(publicPath('api::legal-document.legal-document', { slug: '12-qd-ubnd' }), '/van-ban/12-qd-ubnd/');
    assert.equal(publicPath('api::procedure.procedure', { slug: 'cap-phep' }), '/thu-tuc-hanh-chinh/cap-phep/');
    assert.equal(publicPath('api::question.question', { slug: 'hoi' }), '/hoi-dap/hoi/');
    assert.equal(publicPath('api::page.page', { slug: 'gioi-thieu', locale: 'vi' }), '/gioi-thieu/');
    assert.equal(publicPath('api::page.page', { slug: 'about', locale: 'en' }), '/en/about/');
    assert.equal(publicPath('api::agency.agency', { slug: 'so-y-te', locale: 'vi' }), '/co-quan/so-y-te/');
    assert.equal(publicPath('api::agency.agency', { slug: 'health', locale: 'en' }), '/en/agencies/health/');
  });

  it('gives none for types without a page, a missing slug or one that is not a path segment', () => {
    assert.equal(publicPath('api::tag.tag', { slug: 'x' }), null);
    assert.equal(publicPath('api::article.article', { slug: '' }), null);
    assert.equal(publicPath('api::article.article', { slug: 'a/b' }), null);
  });

  it("is absolute on the site's origin, and absent without one", () => {
    assert.equal(
      publicUrl('https://cong.example.gov.vn', 'api::article.article', { slug: 'cầu' }),
      'https://cong.example.gov.vn/tin-tuc/c%E1%BA%A7u/',
    );
    assert.equal(publicUrl(undefined, 'api::article.article', { slug: 'cau' }), null);
  });
});
