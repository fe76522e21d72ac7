import type { Core } from '@strapi/strapi';
import { slugify } from '../text/vietnamese';
import { toRichBlocks } from './blocks';
import type { DemoAgency, DemoContent } from './demo-content';
import { documents, localisedRef, PUBLISHED, resolve, type SeedRefs } from './writer';

const AGENCY = 'api::agency.agency';

export async function seedFields(strapi: Core.Strapi, content: DemoContent, refs: SeedRefs): Promise<void> {
  for (const field of content.fields) {
    const created = await documents(strapi, 'api::field.field').create({ data: field });
    refs.fields.set(field.slug, created.documentId);
  }
}

/** Parents before children, so each parent relation points at an agency that exists in both locales. */
function parentsFirst(agencies: DemoAgency[]): DemoAgency[] {
  const ordered: DemoAgency[] = [];
  const placed = new Set<string>();
  const place = (agency: DemoAgency, path: string[]) => {
    if (placed.has(agency.code)) return;
    if (path.includes(agency.code)) throw new Error(`Demo content: agency parents loop: ${path.join(' → ')}`);
    const parent = agencies.find((a) => a.code === agency.parent);
    if (parent) place(parent, [...path, agency.code]);
    placed.add(agency.code);
    ordered.push(agency);
  };
  for (const agency of agencies) place(agency, []);
  return ordered;
}

/**
 * Each agency in Vietnamese, then its English localisation of the same document (the law asks for the
 * organisation, its functions and contacts in English); both published.
 */
export async function seedAgencies(strapi: Core.Strapi, content: DemoContent, refs: SeedRefs): Promise<void> {
  const agencies = documents(strapi, AGENCY);
  for (const agency of parentsFirst(content.agencies)) {
    const shared = {
      code: agency.code,
      phone: agency.phone,
      email: agency.email,
      position: agency.position,
      ...(agency.website ? { website: agency.website } : {}),
    };
    const localised = (locale: 'vi' | 'en') => {
      const { description, ...text } = agency[locale];
      const parent = agency.parent ? resolve(refs.agencies, agency.parent, 'agency') : undefined;
      return {
        ...shared,
        ...text,
        // The slug rule derives a slug on create only; the English locale is made by an update, so it
        // gets its slug here (the admin panel fills it from the name the same way).
        ...(locale === 'en' ? { slug: slugify(text.name) } : {}),
        description: toRichBlocks([description]),
        ...(parent ? { parent: localisedRef(parent, locale) } : {}),
        ...PUBLISHED,
      };
    };
    const created = await agencies.create({ locale: 'vi', status: 'published', data: localised('vi') });
    // Updating a locale that does not exist yet creates it (Strapi 5 Document Service).
    await agencies.update({ documentId: created.documentId, locale: 'en', data: localised('en') });
    await agencies.publish({ documentId: created.documentId, locale: 'en' });
    refs.agencies.set(agency.code, created.documentId);
  }
}
