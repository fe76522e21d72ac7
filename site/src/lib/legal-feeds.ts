/**
 * Machine-readable forms of documents and procedures: the documents RSS feed and schema.org JSON-LD
 * (Legislation, GovernmentService, BreadcrumbList). Pure functions: the endpoint and pages give them
 * the joined content and the site's absolute URL.
 */
import { documentName, documentTypeLabel } from './documents.ts';
import type { DocumentEntry, ProcedureEntry } from './legal-content.ts';
import { portal } from './portal.ts';
import { routes } from './routes.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids (C0 controls but tab, LF, CR): one stray byte pasted into an abstract
// would make the whole feed unreadable.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (text: string): string =>
  text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** A calendar date (no time of day) as RFC 822, at midnight in Vietnam: 2026-03-20 → Fri, 20 Mar 2026 00:00:00 +0700. */
export function rfc822Date(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${isoDate}"`);
  const [y, m, d] = isoDate.split('-');
  const day = date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return `${day}, ${d} ${month} ${y} 00:00:00 +0700`;
}

/** RSS 2.0 of the newest documents by issue date (the list is already newest first). */
export function documentsRss(documents: readonly DocumentEntry[], siteUrl: string, count = 50): string {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const items = documents.slice(0, count).map(
    (d) => `    <item>
      <title>${escapeXml(`${documentName(d)}: ${d.abstract}`)}</title>
      <link>${escapeXml(absolute(routes.document(d.slug)))}</link>
      <guid isPermaLink="true">${escapeXml(absolute(routes.document(d.slug)))}</guid>
      <description>${escapeXml(d.abstract)}</description>
      <category>${escapeXml(documentTypeLabel(d.documentType))}</category>
      <pubDate>${rfc822Date(d.issueDate)}</pubDate>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`Văn bản – ${portal.name}`)}</title>
    <link>${escapeXml(absolute(routes.documents()))}</link>
    <atom:link href="${escapeXml(absolute(routes.documentsFeed()))}" rel="self" type="application/rss+xml" />
    <description>${escapeXml(`Văn bản mới ban hành đăng trên ${portal.name}`)}</description>
    <language>vi</language>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no string can close the script. */
export const jsonLdText = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

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

export function governmentServiceJsonLd(p: ProcedureEntry, siteUrl: string) {
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
    areaServed: { '@type': 'AdministrativeArea', name: portal.masthead[1] },
    ...(p.onlineUrl ? { availableChannel: { '@type': 'ServiceChannel', serviceUrl: p.onlineUrl } } : {}),
  };
}

export function breadcrumbJsonLd(trail: ReadonlyArray<{ label: string; href: string }>, siteUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: new URL(crumb.href, siteUrl).href,
    })),
  };
}
