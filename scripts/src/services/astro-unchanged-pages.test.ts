import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRoutes, manifestAccepted, planVisit, type CacheManifest } from './astro-unchanged-pages.ts';

const ARTICLE = 'src/pages/tin-tuc/[slug].astro';
const LIST = 'src/pages/tin-tuc/[...page].astro';
const path = (component: string, pathname: string, cacheKey?: string) => ({
  pathname,
  route: { component },
  ...(cacheKey === undefined ? {} : { cacheKey }),
});
const file = (pathname: string) => `${pathname.slice(1)}index.html`;

/** The last build's manifest: every path of `keys` recorded with its key, routes with dependency hash 'd'. */
function manifest(keys: Record<string, Record<string, string>>): CacheManifest {
  return {
    version: 1,
    configHash: 'c',
    lockfileHash: 'l',
    routes: Object.fromEntries(
      Object.entries(keys).map(([component, paths]) => [
        component,
        {
          dependencyHash: 'd',
          paths: Object.fromEntries(
            Object.entries(paths).map(([pathname, cacheKey]) => [pathname, { cacheKey, outputFile: file(pathname) }]),
          ),
        },
      ]),
    ),
  };
}

describe('which paths a publish build visits', () => {
  const previous = manifest({
    [ARTICLE]: { '/tin-tuc/a/': 'ka', '/tin-tuc/b/': 'kb', '/tin-tuc/c/': 'kc', '/tin-tuc/d/': 'kd' },
    [LIST]: { '/tin-tuc/': 'l1', '/tin-tuc/trang/2/': 'l2' },
  });

  it('leaves out the pages whose key is the last build’s, except the first keyed page of each route', () => {
    const paths = [
      path(ARTICLE, '/tin-tuc/a/', 'ka'),
      path(ARTICLE, '/tin-tuc/b/', 'kb'),
      path(ARTICLE, '/tin-tuc/c/', 'kc-new'), // edited
      path(ARTICLE, '/tin-tuc/e/', 'ke'), // new; d is gone (unpublished)
      path(LIST, '/tin-tuc/', 'l1-new'),
      path(LIST, '/tin-tuc/trang/2/', 'l2'),
    ];
    const { visit, unvisited } = planVisit(previous, paths);
    assert.deepEqual(
      visit.map((p) => p.pathname),
      ['/tin-tuc/a/', '/tin-tuc/c/', '/tin-tuc/e/', '/tin-tuc/'],
      'a: its route’s check; c: changed; e: new; the list’s first page: changed (and its route’s check)',
    );
    assert.deepEqual(
      unvisited.map(({ component, pathname, dependencyHash, entry }) => [component, pathname, dependencyHash, entry]),
      [
        [ARTICLE, '/tin-tuc/b/', 'd', { cacheKey: 'kb', outputFile: 'tin-tuc/b/index.html' }],
        [LIST, '/tin-tuc/trang/2/', 'd', { cacheKey: 'l2', outputFile: 'tin-tuc/trang/2/index.html' }],
      ],
    );
  });

  it('visits pages without a key, pages that track content entries or headers, and a pathname two routes give', () => {
    const tracked = manifest({ [ARTICLE]: { '/tin-tuc/a/': 'ka', '/tin-tuc/b/': 'kb', '/tin-tuc/c/': 'kc' } });
    const entries = tracked.routes?.[ARTICLE]?.paths ?? {};
    entries['/tin-tuc/b/'] = {
      ...entries['/tin-tuc/b/'],
      outputFile: 'tin-tuc/b/index.html',
      contentHashes: { x: 'h' },
    };
    const paths = [
      path(ARTICLE, '/tin-tuc/a/', 'ka'),
      path(ARTICLE, '/tin-tuc/b/', 'kb'),
      path(ARTICLE, '/tin-tuc/c/', 'kc'),
      path(LIST, '/tin-tuc/c/', 'kc'),
      path(LIST, '/lien-he/'),
    ];
    const { visit, unvisited } = planVisit(tracked, paths);
    assert.equal(visit.length, 5);
    assert.deepEqual(unvisited, []);
  });

  it('visits everything when the route’s dependency hash is unknown', () => {
    const unknown = manifest({ [ARTICLE]: { '/tin-tuc/a/': 'ka', '/tin-tuc/b/': 'kb' } });
    delete unknown.routes?.[ARTICLE]?.dependencyHash;
    const { visit } = planVisit(unknown, [path(ARTICLE, '/tin-tuc/a/', 'ka'), path(ARTICLE, '/tin-tuc/b/', 'kb')]);
    assert.equal(visit.length, 2);
  });

  it('uses only a manifest Astro loads itself', () => {
    const hashes = { configHash: 'c', lockfileHash: 'l', force: false };
    assert.equal(manifestAccepted(previous, hashes), true);
    assert.equal(manifestAccepted(previous, { ...hashes, configHash: 'other' }), false, 'config changed');
    assert.equal(manifestAccepted(previous, { ...hashes, lockfileHash: 'other' }), false, 'packages changed');
    assert.equal(manifestAccepted(previous, { ...hashes, force: true }), false, 'astro build --force');
    assert.equal(manifestAccepted({ ...previous, version: 2 }, hashes), false, 'another cache version');
    assert.equal(manifestAccepted(undefined, hashes), false);
  });

  it("fails the build when a route's code changed since the pages it leaves out were made", () => {
    const { unvisited } = planVisit(previous, [path(ARTICLE, '/tin-tuc/a/', 'ka'), path(ARTICLE, '/tin-tuc/b/', 'kb')]);
    assert.doesNotThrow(() => checkRoutes(unvisited, new Map([[ARTICLE, 'd']])));
    assert.throws(() => checkRoutes(unvisited, new Map([[ARTICLE, 'd2']])), /tin-tuc\/\[slug\]\.astro changed/);
    assert.throws(() => checkRoutes(unvisited, new Map()), /changed since the last build/);
  });
});
