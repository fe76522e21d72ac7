import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { seedArticles, uploadCovers } from './articles';
import { loadDemoContent, type DemoContent } from './demo-content';
import { seedLegalDocuments } from './legal-documents';
import { seedBannerLinks, seedCalendar, seedPages, seedSiteSettings } from './portal-pages';
import { seedProcedures } from './procedures';
import { seedAgencies, seedFields } from './taxonomy';
import { seedConsultations } from './consultations';
import { uploadBannerImages, uploadDemoFiles } from './files';
import type { SeedRefs } from './writer';

export { loadDemoContent } from './demo-content';

const STORE = { type: 'plugin', name: 'portal', key: 'demo-content' } as const;

/**
 * Loads the demo content into an empty portal, once. A marker in Strapi's store records that it ran,
 * so deleting the demo entries later does not bring them back; a database that already has articles
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
    // Covers and forms are files on disk, outside any transaction: upload them first so a failure stops before
    // any entry is written, then write all entries in one transaction (all or nothing). The validity
    // propagation and the audit trail join this transaction, so they roll back with it.
    const covers = await uploadCovers(strapi, content, workDir);
    const files = await uploadDemoFiles(strapi, content, dir);
    const banners = await uploadBannerImages(strapi, content, workDir);
    await strapi.db.transaction(async () => {
      const refs: SeedRefs = { fields: new Map(), agencies: new Map(), documents: new Map(), procedures: new Map() };
      // Referenced types before the types that refer to them.
      await seedSiteSettings(strapi, content);
      await seedFields(strapi, content, refs);
      await seedAgencies(strapi, content, refs);
      await seedLegalDocuments(strapi, content, refs);
      await seedProcedures(strapi, content, refs, files);
      await seedArticles(strapi, content, refs, covers);
      await seedPages(strapi, content, files);
      await seedCalendar(strapi, content);
      await seedBannerLinks(strapi, content, banners);
      await seedConsultations(strapi, content, refs, files);
    });
    await store.set({ value: { seededAt: new Date().toISOString(), ...counts(content) } });
    const summary = Object.entries(counts(content))
      .map(([type, count]) => `${count} ${type}`)
      .join(', ');
    strapi.log.info(`[portal] demo content loaded: ${summary} in ${Date.now() - started} ms`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function counts(content: DemoContent) {
  return {
    fields: content.fields.length,
    agencies: content.agencies.length,
    legalDocuments: content.legalDocuments.length,
    procedures: content.procedures.length,
    categories: content.categories.length,
    articles: content.articles.length,
    pages: content.pages.length,
    calendarEntries: content.calendar.length,
    bannerLinks: content.bannerLinks.length,
    consultations: content.consultations.length,
  };
}
