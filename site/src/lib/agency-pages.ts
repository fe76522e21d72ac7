/** The agency pages' props in one language: each agency with its parent and units as links. */
import { agencies, type Agency, type Locale } from './cms-portal.ts';
import { routes } from './routes.ts';

export type AgencyPageProps = {
  agency: Agency;
  parent: { name: string; href: string } | undefined;
  children: Array<{ name: string; href: string }>;
};

export async function agencyPages(locale: Locale): Promise<AgencyPageProps[]> {
  const all = await agencies(locale);
  const href = locale === 'en' ? routes.englishAgency : routes.agency;
  const byId = new Map(all.map((agency) => [agency.documentId, agency]));
  return all.map((agency) => {
    const parent = agency.parent ? byId.get(agency.parent.documentId) : undefined;
    return {
      agency,
      parent: parent ? { name: parent.name, href: href(parent.slug) } : undefined,
      children: all
        .filter((other) => other.parent?.documentId === agency.documentId)
        .map((child) => ({ name: child.name, href: href(child.slug) })),
    };
  });
}
