import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { toRichBlocks } from './blocks';
import { renderCoverSvg } from './cover-art';
import { DemoContentSchema, type DemoArticle, type DemoContent } from './demo-content';

const STORE = { type: 'plugin', name: 'portal', key: 'demo-content' } as const;

/** Reads and validates the demo content files; throws a message naming the file and field at fault. */
export async function loadDemoContent(dir: string): Promise<DemoContent> {
  const read = async (file: string): Promise<unknown> => {
    const full = path.resolve(dir, file);
    try {
      return JSON.parse(await readFile(full, 'utf8'));
    } catch (error) {
      throw new Error(`Demo content: cannot read ${full}: ${(error as Error).message}`, { cause: error });
    }
  };
  const parsed = DemoContentSchema.safeParse({
    categories: await read('categories.json'),
    articles: await read('articles.json'),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Demo content in ${dir} is invalid:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

/**
 * Loads the demo content into an empty portal, once. A marker in Strapi's store records that it ran,
 * so deleting the demo articles later does not bring them back; a database that already has articles
 * (an operator's real content) is never seeded.
 */
export async function seedDemoContent(strapi: Core.Strapi, dir: string): Promise<void> {
  const store = strapi.store(STORE);
  if (await store.get({})) return;
  if ((await strapi.documents('api::article.article').count({})) > 0) {
    await store.set({ value: { skippedAt: new Date().toISOString(), reason: 'articles already present' } });
    return;
  }

  const content = await loadDemoContent(dir);
  const started = Date.now();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portal-seed-'));
  try {
    // Covers are files on disk, outside any transaction: upload them first so a failure stops before
    // any entry is written, then write all entries in one transaction (all or nothing).
    const covers = new Map<string, number>();
    for (const article of content.articles) covers.set(article.slug, await uploadCover(strapi, article, workDir));

    await strapi.db.transaction(async () => {
      const categoryIds = new Map<string, string>();
      for (const category of content.categories) {
        const created = await strapi.documents('api::category.category').create({ data: category });
        categoryIds.set(category.slug, created.documentId);
      }
      for (const article of content.articles) {
        await strapi.documents('api::article.article').create({
          status: 'published',
          data: {
            title: article.title,
            slug: article.slug,
            lead: article.lead,
            body: toRichBlocks(article.body),
            author: article.author,
            source: article.source,
            postedAt: article.postedAt,
            featured: article.featured,
            coverCaption: article.cover.caption,
            cover: covers.get(article.slug),
            category: categoryIds.get(article.category),
            // Demo content goes out as published by the board; the stage says so.
            editorialStage: 'da_xuat_ban',
          },
        } as never);
      }
    });
    await store.set({ value: { seededAt: new Date().toISOString(), articles: content.articles.length } });
    strapi.log.info(
      `[portal] demo content loaded: ${content.categories.length} categories, ${content.articles.length} articles in ${Date.now() - started} ms`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function uploadCover(strapi: Core.Strapi, article: DemoArticle, workDir: string): Promise<number> {
  const filepath = path.join(workDir, `${article.slug}.jpg`);
  const jpeg = await sharp(Buffer.from(renderCoverSvg(article.cover.art)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  await writeFile(filepath, jpeg);
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: {
        fileInfo: { name: `${article.slug}.jpg`, alternativeText: article.cover.alt, caption: article.cover.caption },
      },
      files: { filepath, originalFilename: `${article.slug}.jpg`, mimetype: 'image/jpeg', size: jpeg.length },
    });
  if (!file || typeof file.id !== 'number')
    throw new Error(`Demo content: upload of the cover of ${article.slug} failed`);
  return file.id;
}
