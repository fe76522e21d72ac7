/** Plain text of Strapi "blocks" rich text, one line per block, for indexing and snippets. */
export function blocksToText(blocks: unknown): string {
  const lines: string[] = [];
  const inline = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    return Array.isArray(children) ? children.map(inline).join('') : '';
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { type, children } = node as { type?: unknown; children?: unknown };
    // Lists hold list-items; every other block is one line of inline text.
    if (type === 'list' && Array.isArray(children)) children.forEach(visit);
    else {
      const line = inline(node).trim();
      if (line) lines.push(line);
    }
  };
  if (Array.isArray(blocks)) blocks.forEach(visit);
  return lines.join('\n');
}
