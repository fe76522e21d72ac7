/**
 * schema.org JSON-LD for the portal's pages (BreadcrumbList, NewsArticle, GovernmentOrganization).
 * Plain objects built from what the page shows; `jsonLdScript` makes them safe inside <script>.
 */

export interface Crumb {
  label: string;
  href: string;
}

const absolute = (href: string, site: URL | string): string => new URL(href, site).href;

/** The trail of a page as shown by <Breadcrumbs>, the current page last. */
export function breadcrumbList(trail: readonly Crumb[], current: Crumb, site: URL | string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [...trail, current].map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: absolute(crumb.href, site),
    })),
  };
}

export function newsArticle(
  article: {
    title: string;
    url: string;
    date: string;
    updatedAt?: string | null | undefined;
    lead?: string | null | undefined;
    author?: string | null | undefined;
    image?: string | undefined;
  },
  publisher: { name: string; url: string },
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    url: article.url,
    mainEntityOfPage: article.url,
    datePublished: article.date,
    ...(article.updatedAt ? { dateModified: article.updatedAt } : {}),
    ...(article.lead ? { description: article.lead } : {}),
    ...(article.image ? { image: [article.image] } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    publisher: { '@type': 'GovernmentOrganization', name: publisher.name, url: publisher.url },
    inLanguage: 'vi',
  };
}

export function governmentOrganization(agency: {
  name: string;
  url: string;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  website?: string | null | undefined;
  parent?: { name: string; url: string } | undefined;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: agency.name,
    url: agency.url,
    ...(agency.address ? { address: agency.address } : {}),
    ...(agency.phone ? { telephone: agency.phone } : {}),
    ...(agency.email ? { email: agency.email } : {}),
    ...(agency.website ? { sameAs: agency.website } : {}),
    ...(agency.parent ? { parentOrganization: { '@type': 'GovernmentOrganization', ...agency.parent } } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
