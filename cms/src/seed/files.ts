import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import type { DemoContent } from './demo-content';
import { uploadService } from '../strapi-services';

/** Folder of the demo content's downloadable files (forms), beside its JSON files. */
export const DEMO_FILES_DIR = 'files';

const MIME: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

/** Every file name the demo content refers to: procedure forms and static pages' attachments. */
export function demoFileNames(content: DemoContent): string[] {
  const names = new Set<string>();
  for (const procedure of content.procedures) for (const item of procedure.dossier) if (item.form) names.add(item.form);
  for (const page of content.pages) for (const name of page.attachments ?? []) names.add(name);
  for (const draft of content.consultations) for (const name of draft.draftFiles) names.add(name);
  return [...names].sort();
}

/**
 * Uploads the demo's forms (real PDF, DOCX and ODT files in scripts/demo-content/files/) through the
 * upload service, as an editor's upload would; outside the transaction, like the covers.
 */
export async function uploadDemoFiles(strapi: Core.Strapi, content: DemoContent, dir: string) {
  const ids = new Map<string, number>();
  for (const name of demoFileNames(content)) {
    const filepath = path.join(dir, DEMO_FILES_DIR, name);
    const mimetype = MIME[path.extname(name)];
    if (!mimetype) throw new Error(`Demo content: ${name} is not a PDF, DOC, DOCX or ODT file`);
    const { size } = await stat(filepath);
    const [file] = await uploadService(strapi).upload({
      data: { fileInfo: { name } },
      files: { filepath, originalFilename: name, mimetype, size },
    });
    if (!file || typeof file.id !== 'number') throw new Error(`Demo content: upload of ${name} failed`);
    ids.set(name, file.id);
  }
  return ids;
}

/**
 * A banner image for each demo banner link: a plain band of colour with a simple mark, drawn here
 * (no lettering: fonts differ between machines), uploaded with the link's title as alternative text.
 */
export async function uploadBannerImages(strapi: Core.Strapi, content: DemoContent, workDir: string) {
  const ids = new Map<string, number>();
  for (const [index, link] of content.bannerLinks.entries()) {
    const hue = (index * 67 + 200) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160">
      <rect width="640" height="160" fill="hsl(${hue} 55% 30%)"/>
      <circle cx="80" cy="80" r="52" fill="hsl(${hue} 70% 88%)"/>
      <rect x="58" y="58" width="44" height="44" rx="6" fill="hsl(${hue} 55% 30%)"/>
      <rect x="160" y="52" width="${300 + ((index * 53) % 140)}" height="18" fill="hsl(${hue} 70% 88%)"/>
      <rect x="160" y="90" width="${200 + ((index * 31) % 120)}" height="12" fill="hsl(${hue} 40% 70%)"/>
    </svg>`;
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    const name = `lien-ket-${index + 1}.jpg`;
    const filepath = path.join(workDir, name);
    await writeFile(filepath, jpeg);
    const [file] = await uploadService(strapi).upload({
      data: { fileInfo: { name, alternativeText: link.title } },
      files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: jpeg.length },
    });
    if (!file || typeof file.id !== 'number') throw new Error(`Demo content: upload of ${name} failed`);
    ids.set(link.url, file.id);
  }
  return ids;
}
