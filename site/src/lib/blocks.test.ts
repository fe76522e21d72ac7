import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headingTags, parseBlocks, safeHref } from './blocks.ts';

const text = (value: string) => ({ type: 'text', text: value });

describe('parseBlocks', () => {
  it('keeps the block types the demo content uses', () => {
    const body = [
      { type: 'paragraph', children: [text('Đoạn văn')] },
      { type: 'heading', level: 2, children: [text('Tiêu đề')] },
      { type: 'quote', children: [text('Trích dẫn')] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Mục')] }] },
    ];
    const { blocks, problems } = parseBlocks(body);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      blocks.map((block) => block.type),
      ['paragraph', 'heading', 'quote', 'list'],
    );
  });

  it('keeps links, text modifiers, ordered and nested lists, code and images', () => {
    const body = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'đậm', bold: true, italic: true },
          { type: 'link', url: 'https://dichvucong.gov.vn', children: [text('Cổng DVC')] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('Một')] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Một a')] }] },
        ],
      },
      { type: 'code', children: [text('2543/QĐ-UBND')] },
      {
        type: 'image',
        image: { url: '/uploads/a.jpg', alternativeText: 'Ảnh', width: 800, height: 450 },
        children: [text('')],
      },
    ];
    const { blocks, problems } = parseBlocks(body);
    assert.deepEqual(problems, []);
    assert.equal(blocks.length, 4);
  });

  it('leaves out a block it does not know and says which one', () => {
    const { blocks, problems } = parseBlocks([
      { type: 'paragraph', children: [text('ok')] },
      { type: 'video', src: 'x' },
    ]);
    assert.equal(blocks.length, 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /block 2 \(video\)/);
  });

  it('treats a missing body as empty and a non-list body as a problem', () => {
    assert.deepEqual(parseBlocks(null), { blocks: [], problems: [] });
    assert.equal(parseBlocks('<p>html</p>').problems.length, 1);
  });
});

describe('safeHref', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://sonha.gov.vn/tin-tuc/', 'https://sonha.gov.vn/tin-tuc/'],
    ['http://example.vn', 'http://example.vn'],
    ['mailto:banbientap@sonha.gov.vn', 'mailto:banbientap@sonha.gov.vn'],
    ['/tin-tuc/le-hoi/', '/tin-tuc/le-hoi/'],
    ['#muc-2', '#muc-2'],
    ['  https://a.vn  ', 'https://a.vn'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['java\nscript:alert(1)', undefined],
    ['\tjavascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['tel:0200', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected === undefined ? 'no link' : 'kept'}`, () =>
      assert.equal(safeHref(input), expected));
  }
});

describe('headingTags', () => {
  it('keeps an orderly body as it was, below the page title', () => {
    assert.deepEqual(headingTags([2, 3, 3, 2]), ['h2', 'h3', 'h3', 'h2']);
    assert.deepEqual(headingTags([1, 2, 1]), ['h2', 'h3', 'h2']);
  });
  it('starts a body inside a section below its h2', () => {
    assert.deepEqual(headingTags([1, 2, 2, 1], 3), ['h3', 'h4', 'h4', 'h3']);
    assert.deepEqual(headingTags([2], 3), ['h3']);
  });
  it('never skips a level', () => {
    // "Heading 3" first, then 4: h3, h4 under a section, without the empty h2 level in between.
    assert.deepEqual(headingTags([3, 4], 2), ['h2', 'h3']);
    // A jump from 1 to 4 and a first heading deeper than the next.
    assert.deepEqual(headingTags([1, 4, 2], 3), ['h3', 'h4', 'h4']);
    assert.deepEqual(headingTags([4, 1], 3), ['h3', 'h3']);
    assert.deepEqual(headingTags([1, 2, 3, 4, 5, 6], 3), ['h3', 'h4', 'h5', 'h6', 'h6', 'h6']);
    assert.deepEqual(headingTags([], 3), []);
  });
});
