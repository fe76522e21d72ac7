import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageFileCandidates, pageFileOf, pagePathOf, pathnameOfFile } from './page-files.ts';

describe('page files', () => {
  it('puts a page in a file named after its path, the home page in index.html', () => {
    assert.equal(pageFileOf('/'), 'index.html');
    assert.equal(pageFileOf('/tin-tuc/le-hoi/'), 'tin-tuc/le-hoi.html');
    assert.equal(pageFileOf('/tin-tuc/trang/2/'), 'tin-tuc/trang/2.html');
    assert.equal(pageFileOf('/tin-tuc/rss.xml'), 'tin-tuc/rss.xml');
    assert.equal(pageFileOf('/404.html'), '404.html');
  });

  it('lets a server find a page in either layout, the files first, and nothing to guess for a file', () => {
    assert.deepEqual(pageFileCandidates('/tin-tuc/le-hoi/'), ['tin-tuc/le-hoi.html', 'tin-tuc/le-hoi/index.html']);
    assert.deepEqual(pageFileCandidates('/tin-tuc/le-hoi'), ['tin-tuc/le-hoi.html', 'tin-tuc/le-hoi/index.html']);
    assert.deepEqual(pageFileCandidates('/'), ['index.html']);
    assert.deepEqual(pageFileCandidates('/tin-tuc/rss.xml'), []);
    assert.deepEqual(pageFileCandidates('/van-ban/so-12.2026/'), [
      'van-ban/so-12.2026.html',
      'van-ban/so-12.2026/index.html',
    ]);
  });

  it('names the page a file holds, in either layout, and leaves other files as they are', () => {
    for (const pathname of ['/', '/tin-tuc/', '/tin-tuc/le-hoi/', '/en/gioi-thieu/']) {
      assert.equal(pathnameOfFile(pageFileOf(pathname)), pathname);
      assert.equal(pathnameOfFile(`/${pageFileOf(pathname)}`), pathname);
    }
    assert.equal(pathnameOfFile('tin-tuc/le-hoi/index.html'), '/tin-tuc/le-hoi/');
    assert.equal(pathnameOfFile('/index.html'), '/');
    assert.equal(pathnameOfFile('/404.html'), '/404.html');
    assert.equal(pathnameOfFile('/en/404.html'), '/en/404/');
    assert.equal(pathnameOfFile('/tin-tuc/rss.xml'), '/tin-tuc/rss.xml');
  });

  it("gives a page's public path from the file Astro builds it into", () => {
    assert.equal(pagePathOf('/tin-tuc/le-hoi.html'), '/tin-tuc/le-hoi/');
    assert.equal(pagePathOf('/index.html'), '/');
    assert.equal(pagePathOf('/404.html'), '/404/');
    assert.equal(pagePathOf('/tin-tuc/le-hoi/'), '/tin-tuc/le-hoi/');
  });
});
