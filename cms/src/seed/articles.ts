import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { toRichBlocks } from './blocks';
import type { DemoArticle, DemoContent } from './demo-content';
import { documents, PUBLISHED, resolve, type SeedRefs } from './writer';
import { uploadService } from '../strapi-services';

/** Renders and uploads each article's cover; files live outside the transaction, so this runs first. */
export async function uploadCovers(
  strapi: Core.Strapi,
  content: DemoContent,
  workDir: string,
): Promise<Map<string, number>> {
  // The painter is demo data, not CMS behaviour: loaded from scripts/ only while seeding.
  const { renderCoverSvg } = await import('@portal/scripts/cover-art');
  const covers = new Map<string, number>();
  for (const article of content.articles)
    covers.set(article.slug, await uploadCover(strapi, article, workDir, renderCoverSvg));
  return covers;
}

async function uploadCover(
  strapi: Core.Strapi,
  article: DemoArticle,
  workDir: string,
  renderCoverSvg: (art: DemoArticle['cover']['art']) => string,
): Promise<number> {
  const filepath = path.join(workDir, `${article.slug}.jpg`);
  const jpeg = await sharp(Buffer.from(renderCoverSvg(article.cover.art)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  await writeFile(filepath, jpeg);
  const [file] = await uploadService(strapi).upload({
    data: {
      fileInfo: { name: `${article.slug}.jpg`, alternativeText: article.cover.alt, caption: article.cover.caption },
    },
    files: { filepath, originalFilename: `${article.slug}.jpg`, mimetype: 'image/jpeg', size: jpeg.length },
  });
  if (!file || typeof file.id !== 'number')
    throw new Error(`Demo content: upload of the cover of ${article.slug} failed`);
  return file.id;
}

/** Categories, then the published articles with their covers and links to demo documents and procedures. */
export async function seedArticles(
  strapi: Core.Strapi,
  content: DemoContent,
  refs: SeedRefs,
  covers: Map<string, number>,
): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const category of content.categories) {
    const created = await documents(strapi, 'api::category.category').create({ data: category });
    categoryIds.set(category.slug, created.documentId);
  }
  for (const article of content.articles) {
    await documents(strapi, 'api::article.article').create({
      status: 'published',
      data: {
        title: article.title,
        slug: article.slug,
        // The schema's default, said here because the generated input type requires the field.
        kind: 'tin_tuc',
        lead: article.lead,
        body: toRichBlocks(article.body),
        author: article.author,
        source: article.source,
        postedAt: article.postedAt,
        featured: article.featured,
        coverCaption: article.cover.caption,
        cover: covers.get(article.slug),
        category: resolve(categoryIds, article.category, 'category'),
        relatedDocuments: (article.relatedDocuments ?? []).map((n) => resolve(refs.documents, n, 'legal document')),
        relatedProcedures: (article.relatedProcedures ?? []).map((c) => resolve(refs.procedures, c, 'procedure')),
        ...PUBLISHED,
      },
    });
  }
}
