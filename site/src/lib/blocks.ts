/**
 * Strapi "blocks" rich text, as the article body arrives in GraphQL (an untyped JSON scalar). The
 * schemas below are what the site renders; a block that does not match is left out with a warning
 * instead of being guessed at, and link targets pass through safeHref.
 */
import { z } from 'zod';

const TextSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
const LinkSchema = z.object({ type: z.literal('link'), url: z.string(), children: z.array(TextSchema) });
const InlineSchema = z.discriminatedUnion('type', [TextSchema, LinkSchema]);
const inlines = z.array(InlineSchema);

const ListItemSchema = z.object({ type: z.literal('list-item'), children: inlines });
export type ListItemBlock = z.infer<typeof ListItemSchema>;
export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  /** Strapi nests a sub-list as a sibling of the list items. */
  children: Array<ListItemBlock | ListBlock>;
}
// Recursive, so the interface above is written out and the schema checked against it.
const ListSchema: z.ZodType<ListBlock> = z.object({
  type: z.literal('list'),
  format: z.enum(['ordered', 'unordered']).catch('unordered'),
  get children() {
    return z.array(z.union([ListItemSchema, ListSchema]));
  },
});

const BlockSchema = z.union([
  z.object({ type: z.literal('paragraph'), children: inlines }),
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(6), children: inlines }),
  z.object({ type: z.literal('quote'), children: inlines }),
  z.object({ type: z.literal('code'), children: inlines }),
  ListSchema,
  z.object({
    type: z.literal('image'),
    image: z.object({
      url: z.string().min(1),
      alternativeText: z.string().nullish(),
      width: z.number().int().positive().nullish(),
      height: z.number().int().positive().nullish(),
    }),
  }),
]);

export type TextNode = z.infer<typeof TextSchema>;
export type InlineNode = z.infer<typeof InlineSchema>;
export type Block = z.infer<typeof BlockSchema>;

/** Parses a body; `problems` says which blocks were left out and why, for the build log. */
export function parseBlocks(json: unknown): { blocks: Block[]; problems: string[] } {
  if (json == null) return { blocks: [], problems: [] };
  if (!Array.isArray(json)) return { blocks: [], problems: ['body is not a list of blocks'] };
  const blocks: Block[] = [];
  const problems: string[] = [];
  json.forEach((raw: unknown, index) => {
    const parsed = BlockSchema.safeParse(raw);
    if (parsed.success) blocks.push(parsed.data);
    else {
      const type = raw && typeof raw === 'object' && 'type' in raw ? String(raw.type) : typeof raw;
      problems.push(`block ${index + 1} (${type}) left out: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
    }
  });
  return { blocks, problems };
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link target if it is http(s), mailto or relative; undefined otherwise (javascript:, data:…),
 * and the link is then rendered as plain text. The WHATWG parser decides the scheme exactly as the
 * browser will, including the tabs and newlines browsers strip ("java\nscript:").
 */
export function safeHref(url: string): string | undefined {
  const href = url.trim();
  if (!href) return undefined;
  try {
    const parsed = new URL(href, 'https://relative.invalid/');
    return ALLOWED_PROTOCOLS.has(parsed.protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

export type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * Only one h1 per page (the title). The tags of a body's headings, in order, when the body sits below a heading of level `top - 1` (an
 * article body under the page's h1: top 2; an answer or report under its section's h2: top 3). An editor's
 * levels keep their order but never skip one: the highest level used becomes `top`, and a heading is at
 * most one level below the one before it (a body that starts with "Heading 3", or jumps from 1 to 4,
 * would otherwise leave a gap screen-reader users navigate by). Deeper than h6 stays h6.
 */
export function headingTags(levels: readonly number[], top: 2 | 3 = 2): HeadingTag[] {
  const used = [...new Set(levels.map((level) => Math.min(Math.max(level, 1), 6)))].sort((a, b) => a - b);
  let previous = top - 1;
  return levels.map((level) => {
    const rank = used.indexOf(Math.min(Math.max(level, 1), 6));
    const tag = Math.min(top + rank, previous + 1, 6);
    previous = tag;
    return `h${tag}` as HeadingTag;
  });
}
