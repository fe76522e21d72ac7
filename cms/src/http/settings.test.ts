import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { httpSettings } from './settings.ts';

describe('CMS network settings', () => {
  it('allow the admin and site origins only', () => {
    const settings = httpSettings({
      CMS_PUBLIC_URL: 'https://cms.portal.example.gov.vn/',
      PUBLIC_SITE_URL: 'https://portal.example.gov.vn/some/path',
      PROXY_TRUSTED_HOPS: '1',
    });
    assert.deepEqual(settings.origins, ['https://cms.portal.example.gov.vn', 'https://portal.example.gov.vn']);
  });

  it('without a public URL, allow the address the admin is opened on', () => {
    assert.deepEqual(httpSettings({ PORT: '12000' }).origins, ['http://127.0.0.1:12000', 'http://localhost:12000']);
  });

  it('trust no proxy by default, and exactly the configured number of hops', () => {
    assert.deepEqual(httpSettings({}).proxy, { koa: false, maxIpsCount: 0 });
    assert.deepEqual(httpSettings({ PROXY_TRUSTED_HOPS: '2' }).proxy, { koa: true, maxIpsCount: 2 });
    assert.throws(() => httpSettings({ PROXY_TRUSTED_HOPS: 'yes' }), /PROXY_TRUSTED_HOPS/);
  });

  it('make the admin cookie Secure when the admin is on https, and insist on a trusted proxy then', () => {
    assert.equal(httpSettings({}).adminCookieSecure, false);
    assert.equal(
      httpSettings({ CMS_PUBLIC_URL: 'https://cms.example.gov.vn', PROXY_TRUSTED_HOPS: '1' }).adminCookieSecure,
      true,
    );
    assert.equal(httpSettings({ ADMIN_COOKIE_SECURE: 'true', PROXY_TRUSTED_HOPS: '1' }).adminCookieSecure, true);
    assert.throws(() => httpSettings({ CMS_PUBLIC_URL: 'https://cms.example.gov.vn' }), /PROXY_TRUSTED_HOPS=1/);
  });
});
