import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildsPages, countByKind, lastBuildPages, pageKind } from './build-log.ts';

describe("reading Astro's build log", () => {
  const build = (lines: string[]) => [' generating static routes ', ...lines].join('\n');
  const log = [
    build(['  ├─ /tin-tuc/old/index.html', ' (+3ms)']),
    build([
      '▶ src/pages/[...home].astro',
      '  ├─ /index.html',
      ' (+12ms)',
      '▶ src/pages/tin-tuc/[slug].astro',
      '  ├─ /tin-tuc/a/index.html',
      ' (cached)',
      '  ├─ /tin-tuc/b.html (+5ms)',
      '  └─ /tin-tuc/c.html (restored)',
      '  ├─ /tin-tuc/rss.xml',
      '  ├─ /tin-tuc/trang/3.html',
      ' (cached)',
    ]),
  ].join('\n');

  // Pages as files (site/src/lib/page-files.ts); /index.html and /tin-tuc/a/index.html as before the change.
  it('reads the last build only, copies and renders apart', () => {
    const pages = lastBuildPages(log);
    assert.deepEqual(pages.pages, [
      '/',
      '/tin-tuc/a/',
      '/tin-tuc/b/',
      '/tin-tuc/c/',
      '/tin-tuc/rss.xml',
      '/tin-tuc/trang/3/',
    ]);
    assert.deepEqual(pages.copied, ['/tin-tuc/a/', '/tin-tuc/c/', '/tin-tuc/trang/3/']);
    assert.deepEqual(pages.rendered, ['/', '/tin-tuc/b/', '/tin-tuc/rss.xml']);
    assert.deepEqual(
      buildsPages(log).map((build) => build.rendered.length),
      [1, 3],
    );
  });

  it('names the kinds of pages', () => {
    assert.equal(pageKind('/'), 'home');
    assert.equal(pageKind('/tin-tuc/'), 'news list');
    assert.equal(pageKind('/tin-tuc/trang/2/'), 'news list');
    assert.equal(pageKind('/tin-tuc/chuyen-muc/van-hoa/trang/1/'), 'news list');
    assert.equal(pageKind('/tin-tuc/thong-cao-bao-chi/'), 'news list');
    assert.equal(pageKind('/tin-tuc/chuyen-muc/van-hoa/rss.xml'), 'news feed');
    assert.equal(pageKind('/tin-tuc/rss.xml'), 'news feed');
    assert.equal(pageKind('/tin-tuc/le-hoi/'), 'article');
    assert.equal(pageKind('/van-ban/'), 'document list');
    assert.equal(pageKind('/van-ban/trang/3/'), 'document list');
    assert.equal(pageKind('/van-ban/co-quan/ubnd-tinh/trang/2/'), 'document list');
    assert.equal(pageKind('/van-ban/12-2026-qd-ubnd/'), 'document');
    assert.equal(pageKind('/van-ban/du-lieu.json'), 'document file');
    assert.equal(pageKind('/van-ban/du-lieu/2026.json'), 'document file');
    assert.equal(pageKind('/thu-tuc-hanh-chinh/cap/xa/'), 'procedure list');
    assert.equal(pageKind('/thu-tuc-hanh-chinh/cap-giay-phep/'), 'procedure');
    assert.equal(pageKind('/hoi-dap/trang/2/'), 'questions');
    assert.equal(pageKind('/gioi-thieu/'), 'static page');
    assert.equal(pageKind('/robots.txt'), 'other');
    assert.deepEqual(countByKind(['/', '/tin-tuc/a/', '/tin-tuc/b/']), { home: 1, article: 2 });
  });
});
