import type { Core } from '@strapi/strapi';
import type { DemoContent } from './demo-content';
import { documents, localisedRef, PUBLISHED, resolve, type SeedRefs } from './writer';

/**
 * Procedures, published, with their legal basis pointing at the (already published) demo documents
 * and their forms at the uploaded files.
 */
export async function seedProcedures(
  strapi: Core.Strapi,
  content: DemoContent,
  refs: SeedRefs,
  files: ReadonlyMap<string, number>,
): Promise<void> {
  const agency = (code: string | undefined) =>
    code ? localisedRef(resolve(refs.agencies, code, 'agency'), 'vi') : undefined;
  for (const procedure of content.procedures) {
    const { fields, legalBasis, implementingAgency, competentAgency, dossier, ...rest } = procedure;
    const created = await documents(strapi, 'api::procedure.procedure').create({
      status: 'published',
      data: {
        ...rest,
        dossier: dossier.map(({ form, ...item }) => ({
          ...item,
          ...(form ? { form: resolve(files, form, 'file') } : {}),
        })),
        fields: fields.map((slug) => resolve(refs.fields, slug, 'field')),
        legalBasis: legalBasis.map((number) => resolve(refs.documents, number, 'legal document')),
        ...(implementingAgency ? { implementingAgency: agency(implementingAgency) } : {}),
        ...(competentAgency ? { competentAgency: agency(competentAgency) } : {}),
        ...PUBLISHED,
      },
    });
    refs.procedures.set(procedure.code, created.documentId);
  }
}
