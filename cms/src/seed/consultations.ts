import type { Core } from '@strapi/strapi';
import { toRichBlocks } from './blocks';
import type { DemoContent } from './demo-content';
import { documents, localisedRef, PUBLISHED, resolve, type SeedRefs } from './writer';
import { vietnamDayAt } from '../consultations/period';

/** Drafts put out for comment, published, their periods placed around the day the demo is loaded. */
export async function seedConsultations(
  strapi: Core.Strapi,
  content: DemoContent,
  refs: SeedRefs,
  files: ReadonlyMap<string, number>,
): Promise<void> {
  for (const draft of content.consultations) {
    const { draftingAgency, field, draftFiles, opensInDays, closesInDays, report, ...rest } = draft;
    const closeAt = vietnamDayAt(closesInDays, 17);
    await documents(strapi, 'api::consultation.consultation').create({
      status: 'published',
      data: {
        ...rest,
        openAt: vietnamDayAt(opensInDays, 8),
        closeAt,
        draftingAgency: localisedRef(resolve(refs.agencies, draftingAgency, 'agency'), 'vi'),
        field: resolve(refs.fields, field, 'field'),
        draftFiles: draftFiles.map((name) => resolve(files, name, 'file')),
        ...(report
          ? { report: toRichBlocks(report), reportDate: vietnamDayAt(closesInDays + 10, 8).slice(0, 10) }
          : {}),
        ...PUBLISHED,
      },
    });
  }
}
