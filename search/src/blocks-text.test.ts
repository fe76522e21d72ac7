import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blocksToText } from './blocks-text.ts';

describe('blocksToText', () => {
  it('gives one line per block and per list item', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Mục tiêu' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Ứng dụng ' },
          { type: 'link', url: '#', children: [{ type: 'text', text: 'CNTT' }] },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Một' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Hai' }] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: '   ' }] },
    ];
    assert.equal(blocksToText(blocks), 'Mục tiêu\nỨng dụng CNTT\nMột\nHai');
  });

  it('returns an empty string for anything that is not blocks', () => {
    assert.equal(blocksToText(null), '');
    assert.equal(blocksToText('text'), '');
  });
});
