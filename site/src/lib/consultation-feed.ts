/**
 * RSS 2.0 of drafts put out for comment (/du-thao/rss.xml): newest opening first, each with its period
 * and phase at build time. Pure: the endpoint passes the published drafts and the site's URL.
 */
import { phaseLabel, type ConsultationPhase } from '@portal/cms/model/consultations';
import { rssXml } from './feeds.ts';
import { formatDateTime } from '@portal/cms/model/dates';
import { routes } from './routes.ts';

export interface FeedConsultation {
  title: string;
  slug: string;
  summary: string;
  openAt: string;
  closeAt: string;
  phase: ConsultationPhase;
  publishedAt?: string | null | undefined;
  field?: { name: string } | null | undefined;
}

const SUMMARY_LENGTH = 240;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_LENGTH) return flat;
  return `${flat.slice(0, flat.lastIndexOf(' ', SUMMARY_LENGTH - 1)).trimEnd()} …`;
}

export function consultationsRss(
  consultations: readonly FeedConsultation[],
  siteUrl: string,
  portalName: string,
  count = 50,
): string {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const newest = [...consultations].sort((a, b) => Date.parse(b.openAt) - Date.parse(a.openAt)).slice(0, count);
  return rssXml({
    title: `Lấy ý kiến dự thảo – ${portalName}`,
    link: absolute(routes.consultations()),
    self: absolute(routes.consultationsFeed()),
    description: `Dự thảo văn bản lấy ý kiến người dân, doanh nghiệp trên ${portalName}`,
    items: newest.map((c) => ({
      title: c.title,
      link: absolute(routes.consultation(c.slug)),
      description: `${phaseLabel(c.phase)}: từ ${formatDateTime(c.openAt)} đến ${formatDateTime(c.closeAt)}. ${shorten(c.summary)}`,
      date: c.publishedAt ?? c.openAt,
      ...(c.field ? { category: c.field.name } : {}),
    })),
  });
}
