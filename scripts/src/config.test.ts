import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, parseStartConfig } from './config.ts';

const root = '/srv/portal';

describe('parseStartConfig', () => {
  it('gives every setting a default on an empty environment', () => {
    const config = parseStartConfig({}, root);
    assert.equal(config.CMS_PORT, 1337);
    assert.equal(config.SITE_PORT, 4321);
    assert.equal(config.MEILI_PORT, 7700);
    assert.equal(config.MEILI_INDEX_PREFIX, 'portal_');
    assert.equal(config.PORTAL_DEMO_CONTENT, 'on');
    assert.equal(config.dataDir, path.join(root, '.data'));
    assert.equal(config.logDir, path.join(root, '.data', 'logs'));
  });

  it('treats blank values as unset', () => {
    const config = parseStartConfig({ MEILI_URL: '', MEILI_BIN: '  ', PORTAL_ADMIN_EMAIL: '' }, root);
    assert.equal(config.MEILI_URL, undefined);
    assert.equal(config.MEILI_BIN, undefined);
    assert.equal(config.PORTAL_ADMIN_EMAIL, 'quantri@portal.local');
  });

  it('reads ports, an absolute data folder and an existing Meilisearch server', () => {
    const config = parseStartConfig(
      {
        CMS_PORT: '2337',
        SITE_PORT: '8080',
        PORTAL_DATA_DIR: '/var/lib/portal',
        MEILI_URL: 'https://search.example.gov.vn',
        MEILI_MASTER_KEY: 'k'.repeat(24),
      },
      root,
    );
    assert.equal(config.CMS_PORT, 2337);
    assert.equal(config.SITE_PORT, 8080);
    assert.equal(config.dataDir, '/var/lib/portal');
    assert.equal(config.MEILI_URL, 'https://search.example.gov.vn');
  });

  const bad: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a port that is not a number', { CMS_PORT: 'abc' }, /CMS_PORT/],
    ['a port out of range', { SITE_PORT: '70000' }, /SITE_PORT/],
    ['two services on one port', { CMS_PORT: '4321' }, /must all differ/],
    ['MEILI_URL without its key', { MEILI_URL: 'http://127.0.0.1:7700' }, /MEILI_MASTER_KEY/],
    ['MEILI_URL that is not http(s)', { MEILI_URL: 'ftp://x', MEILI_MASTER_KEY: 'k'.repeat(24) }, /MEILI_URL/],
    [
      'both MEILI_URL and MEILI_BIN',
      { MEILI_URL: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'k'.repeat(24), MEILI_BIN: '/usr/bin/meilisearch' },
      /not both/,
    ],
    ['a short master key', { MEILI_MASTER_KEY: 'short' }, /at least 16/],
    ['an index prefix with capitals', { MEILI_INDEX_PREFIX: 'Portal_' }, /MEILI_INDEX_PREFIX/],
    ['an invalid admin e-mail', { PORTAL_ADMIN_EMAIL: 'admin' }, /PORTAL_ADMIN_EMAIL/],
    ['an unknown demo content switch', { PORTAL_DEMO_CONTENT: 'yes' }, /PORTAL_DEMO_CONTENT/],
    ['a build process idle time that is not a number', { PORTAL_PUBLISH_BUILDER_IDLE_MS: '30m' }, /BUILDER_IDLE_MS/],
    ['a negative build process idle time', { PORTAL_PUBLISH_BUILDER_IDLE_MS: '-1' }, /BUILDER_IDLE_MS/],
  ];
  for (const [what, env, message] of bad) {
    it(`rejects ${what}, naming the setting`, () => {
      assert.throws(
        () => parseStartConfig(env, root),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
