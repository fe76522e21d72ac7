/**
 * Shape of the demo content shipped in scripts/demo-content/. The files are an import boundary,
 * so they are validated here before anything is written: a bad file stops the seed with a message
 * naming the file and field, and nothing is half-imported.
 */
import { z } from 'zod';

export const COVER_MOTIFS = [
  'mountains',
  'terraces',
  'river',
  'city',
  'network',
  'documents',
  'school',
  'harvest',
] as const;

export const CoverArtSchema = z.object({
  motif: z.enum(COVER_MOTIFS),
  /** Base hue of the palette, in degrees. */
  hue: z.number().int().min(0).max(359),
  /** Seed for the deterministic placement of shapes. */
  seed: z.number().int().min(0),
});
export type CoverArt = z.infer<typeof CoverArtSchema>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by hyphens');

/** A body block: a paragraph as a plain string, or a heading, list or quote. */
export const BodyBlockSchema = z.union([
  z.string().min(1),
  z.object({ heading: z.string().min(1) }).strict(),
  z.object({ list: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ quote: z.string().min(1) }).strict(),
]);
export type BodyBlock = z.infer<typeof BodyBlockSchema>;

export const DemoCategorySchema = z
  .object({
    slug,
    name: z.string().min(1).max(150),
    description: z.string().max(500),
    position: z.number().int(),
  })
  .strict();
export type DemoCategory = z.infer<typeof DemoCategorySchema>;

export const DemoArticleSchema = z
  .object({
    slug,
    title: z.string().min(1).max(300),
    lead: z.string().min(1).max(1000),
    body: z.array(BodyBlockSchema).min(1),
    category: slug,
    author: z.string().min(1).max(150),
    source: z.string().min(1).max(150),
    /** ISO 8601 with offset, e.g. 2026-11-18T08:30:00+07:00 */
    postedAt: z.iso.datetime({ offset: true }),
    featured: z.boolean(),
    cover: z
      .object({
        caption: z.string().min(1).max(300),
        alt: z.string().min(1).max(300),
        art: CoverArtSchema,
      })
      .strict(),
  })
  .strict();
export type DemoArticle = z.infer<typeof DemoArticleSchema>;

export const DemoContentSchema = z
  .object({
    categories: z.array(DemoCategorySchema).min(1),
    articles: z.array(DemoArticleSchema).min(1),
  })
  .superRefine((content, ctx) => {
    const categorySlugs = new Set(content.categories.map((c) => c.slug));
    const seen = new Set<string>();
    content.articles.forEach((article, index) => {
      if (!categorySlugs.has(article.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['articles', index, 'category'],
          message: `unknown category "${article.category}"`,
        });
      }
      if (seen.has(article.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['articles', index, 'slug'],
          message: `duplicate slug "${article.slug}"`,
        });
      }
      seen.add(article.slug);
    });
  });
export type DemoContent = z.infer<typeof DemoContentSchema>;
