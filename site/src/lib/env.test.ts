import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EnvError, parseConfigEnv, parseSiteEnv } from './env.ts';

const complete = {
  CMS_URL: 'http://127.0.0.1:1337/',
  CMS_TOKEN: 'secret-token-value',
  PUBLIC_MEILI_URL: 'http://127.0.0.1:7700',
  PUBLIC_MEILI_SEARCH_KEY: 'search-key',
  PUBLIC_MEILI_INDEX_PREFIX: 'portal_',
};

describe('site build settings', () => {
  it('a complete environment parses, with defaults for the optional settings', () => {
    const env = parseSiteEnv(complete);
    assert.equal(env.CMS_URL, 'http://127.0.0.1:1337', 'trailing slash removed');
    assert.equal(env.SITE_OUT_DIR, 'dist');
    assert.equal(env.PUBLIC_SITE_URL, 'http://127.0.0.1:4321');
  });

  it('an empty index prefix is allowed', () => {
    assert.equal(parseSiteEnv({ ...complete, PUBLIC_MEILI_INDEX_PREFIX: '' }).PUBLIC_MEILI_INDEX_PREFIX, '');
  });

  it('the error lists every missing variable, blank counting as missing', () => {
    assert.throws(
      () =>
        parseSiteEnv({
          ...complete,
          CMS_TOKEN: ' ',
          PUBLIC_MEILI_URL: undefined,
          PUBLIC_MEILI_INDEX_PREFIX: undefined,
        }),
      (error: unknown) => {
        assert.ok(error instanceof EnvError);
        assert.match(
          error.message,
          /Missing environment variables for the site build: CMS_TOKEN, PUBLIC_MEILI_URL, PUBLIC_MEILI_INDEX_PREFIX/,
        );
        return true;
      },
    );
  });

  it('an invalid URL is reported by name without echoing any value', () => {
    assert.throws(
      () =>
        parseSiteEnv({ ...complete, CMS_URL: 'ftp://cms', CMS_TOKEN: 'secret-token-value', PUBLIC_SITE_URL: 'nope' }),
      (error: unknown) => {
        assert.ok(error instanceof EnvError);
        assert.match(error.message, /CMS_URL: must be an http\(s\) URL/);
        assert.match(error.message, /PUBLIC_SITE_URL: must be an http\(s\) URL/);
        assert.doesNotMatch(error.message, /secret-token-value|ftp:\/\/cms/);
        return true;
      },
    );
  });
});

describe('astro.config settings', () => {
  it('need no CMS, so type checks run without one', () => {
    const env = parseConfigEnv({});
    assert.equal(env.CMS_URL, undefined);
    assert.equal(env.SITE_OUT_DIR, 'dist');
    assert.equal(env.PUBLIC_SITE_URL, 'http://127.0.0.1:4321');
  });

  it('take the output folder and site URL from the environment', () => {
    const env = parseConfigEnv({
      CMS_URL: 'https://cms.sonha.gov.vn',
      SITE_OUT_DIR: '/tmp/out',
      PUBLIC_SITE_URL: 'https://sonha.gov.vn/',
    });
    assert.deepEqual(env, {
      CMS_URL: 'https://cms.sonha.gov.vn',
      SITE_OUT_DIR: '/tmp/out',
      PUBLIC_SITE_URL: 'https://sonha.gov.vn',
      SITE_CONTENT_VERIFY: false,
    });
  });
});
