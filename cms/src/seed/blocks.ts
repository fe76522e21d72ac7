import type { BodyBlock } from './demo-content';

/** Strapi's "blocks" rich-text JSON, limited to the nodes the demo content uses. */
export type TextNode = { type: 'text'; text: string };
export type RichBlock =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: 2; children: TextNode[] }
  | { type: 'quote'; children: TextNode[] }
  | { type: 'list'; format: 'unordered'; children: Array<{ type: 'list-item'; children: TextNode[] }> };

const text = (value: string): TextNode[] => [{ type: 'text', text: value }];

export function toRichBlocks(body: BodyBlock[]): RichBlock[] {
  return body.map((block): RichBlock => {
    if (typeof block === 'string') return { type: 'paragraph', children: text(block) };
    if ('heading' in block) return { type: 'heading', level: 2, children: text(block.heading) };
    if ('quote' in block) return { type: 'quote', children: text(block.quote) };
    return {
      type: 'list',
      format: 'unordered',
      children: block.list.map((item) => ({ type: 'list-item' as const, children: text(item) })),
    };
  });
}
