import type { Core } from '@strapi/strapi';
import { toRichBlocks } from './blocks';
import type { DemoContent } from './demo-content';
import { documents, PUBLISHED, resolve } from './writer';

const SITE_SETTING = 'api::site-setting.site-setting';
const PAGE = 'api::page.page';

/** The single site-settings entry: filled in, or created when the portal has none yet. */
export async function seedSiteSettings(strapi: Core.Strapi, content: DemoContent): Promise<void> {
  const service = documents(strapi, SITE_SETTING);
  const existing = await service.findFirst();
  if (existing) await service.update({ documentId: existing.documentId, data: content.siteSettings });
  else await service.create({ data: content.siteSettings });
}

/** Each static page in Vietnamese, then its English localisation; both published, with their files. */
export async function seedPages(
  strapi: Core.Strapi,
  content: DemoContent,
  files: ReadonlyMap<string, number>,
): Promise<void> {
  const service = documents(strapi, PAGE);
  for (const page of content.pages) {
    const attachments = (page.attachments ?? []).map((name) => resolve(files, name, 'file'));
    const localised = (locale: 'vi' | 'en') => ({
      ...page[locale],
      attachments,
      body: toRichBlocks(page[locale].body),
      kind: page.kind,
      position: page.position,
      ...PUBLISHED,
    });
    const created = await service.create({ locale: 'vi', status: 'published', data: localised('vi') });
    await service.update({ documentId: created.documentId, locale: 'en', data: localised('en') });
    await service.publish({ documentId: created.documentId, locale: 'en' });
  }
}

export async function seedCalendar(strapi: Core.Strapi, content: DemoContent): Promise<void> {
  for (const entry of content.calendar) {
    await documents(strapi, 'api::calendar-entry.calendar-entry').create({
      status: 'published',
      // Strapi's time attribute is HH:mm:ss.SSS.
      data: { ...entry, time: `${entry.time}:00.000`, ...PUBLISHED },
    });
  }
}

export async function seedBannerLinks(
  strapi: Core.Strapi,
  content: DemoContent,
  images: ReadonlyMap<string, number>,
): Promise<void> {
  for (const link of content.bannerLinks) {
    await documents(strapi, 'api::banner-link.banner-link').create({
      status: 'published',
      data: { ...link, image: resolve(images, link.url, 'banner image'), ...PUBLISHED },
    });
  }
}
