/**
 * Machine-readable forms of documents and procedures: the documents RSS feed and schema.org JSON-LD
 * (Legislation, GovernmentService, BreadcrumbList). Pure functions: the endpoint and pages give them
 * the joined content and the site's absolute URL.
 */
import { documentName, documentTypeLabel } from './documents.ts';
import type { DocumentEntry, ProcedureEntry } from './legal-content.ts';
import { rssXml } from './feeds.ts';
import type { PortalSettings } from './portal.ts';
import { routes } from './routes.ts';

/** RSS 2.0 of the newest documents by issue date (the list is already newest first). */
export function documentsRss(
  documents: readonly DocumentEntry[],
  siteUrl: string,
  portalName: string,
  count = 50,
): string {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  return rssXml({
    title: `Văn bản – ${portalName}`,
    link: absolute(routes.documents()),
    self: absolute(routes.documentsFeed()),
    description: `Văn bản mới ban hành đăng trên ${portalName}`,
    items: documents.slice(0, count).map((d) => ({
      title: `${documentName(d)}: ${d.abstract}`,
      link: absolute(routes.document(d.slug)),
      description: d.abstract,
      category: documentTypeLabel(d.documentType),
      // A calendar date: the day it was issued, in Vietnam.
      date: `${d.issueDate}T00:00:00+07:00`,
    })),
  });
}

const LEGAL_FORCE: Record<string, string> = {
  con_hieu_luc: 'https://schema.org/InForce',
  het_hieu_luc_mot_phan: 'https://schema.org/PartiallyInForce',
  het_hieu_luc_toan_bo: 'https://schema.org/NotInForce',
  chua_co_hieu_luc: 'https://schema.org/NotInForce',
};

export function legislationJsonLd(d: DocumentEntry, siteUrl: string, attachmentUrl: (url: string) => string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: documentName(d),
    legislationIdentifier: d.documentNumber,
    legislationType: documentTypeLabel(d.documentType),
    abstract: d.abstract,
    url: new URL(routes.document(d.slug), siteUrl).href,
    inLanguage: 'vi',
    legislationDate: d.issueDate,
    ...(d.effectiveDate ? { legislationDateOfApplicability: d.effectiveDate } : {}),
    ...(d.expiryDate ? { expires: d.expiryDate } : {}),
    ...(d.validityStatus && LEGAL_FORCE[d.validityStatus]
      ? { legislationLegalForce: LEGAL_FORCE[d.validityStatus] }
      : {}),
    ...(d.agency ? { legislationPassedBy: { '@type': 'GovernmentOrganization', name: d.agency.name } } : {}),
    ...(d.signer ? { legislationResponsible: { '@type': 'Person', name: d.signer } } : {}),
    ...(d.attachments.length
      ? {
          encoding: d.attachments.map((file) => ({
            '@type': 'MediaObject',
            name: file.name,
            contentUrl: attachmentUrl(file.url),
            encodingFormat: file.mime,
            contentSize: `${file.size} kB`,
          })),
        }
      : {}),
  };
}

export function governmentServiceJsonLd(
  p: ProcedureEntry,
  siteUrl: string,
  portal: Pick<PortalSettings, 'owner' | 'masthead'>,
) {
  const provider = p.implementingAgency ?? p.competentAgency;
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: p.name,
    identifier: p.code,
    url: new URL(routes.procedure(p.slug), siteUrl).href,
    ...(p.procedureType ? { serviceType: p.procedureType } : {}),
    ...(p.subjects ? { audience: { '@type': 'Audience', audienceType: p.subjects } } : {}),
    provider: { '@type': 'GovernmentOrganization', name: provider?.name ?? portal.owner },
    areaServed: { '@type': 'AdministrativeArea', name: portal.masthead[1] ?? portal.masthead[0] },
    ...(p.onlineUrl ? { availableChannel: { '@type': 'ServiceChannel', serviceUrl: p.onlineUrl } } : {}),
  };
}
