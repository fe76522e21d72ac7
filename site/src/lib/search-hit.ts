/**
 * How a search hit is shown: its link, title, meta line and snippet (text with the client's highlight
 * markers, not yet escaped). Shared by the search-as-you-type page and the server-rendered results page.
 * Pure, so it runs in the browser and in Node.
 */
import { MARK_START, type SearchHit } from '@portal/search/client';
import { formatDate } from '@portal/cms/model/dates';
import { routes } from './routes.ts';

export interface HitView {
  href: string;
  title: string;
  meta: string[];
  snippet: string;
}

/** Throws when the hit has no usable slug or date (nothing to link to): callers skip it. */
export function hitView(hit: SearchHit): HitView {
  const f = hit.fields as Record<string, string | null | undefined>;
  const t = hit.formatted;
  const marked = (...texts: Array<string | undefined>) => texts.find((text) => text?.includes(MARK_START)) ?? '';
  if (hit.type === 'legal-document')
    return {
      href: routes.document(hit.slug),
      title: `${f['documentType'] ?? 'Văn bản'} số ${t['documentNumber'] ?? f['documentNumber'] ?? ''}`,
      meta: [f['kind'], f['issueDate'] && formatDate(f['issueDate']), f['agency'], f['status']].filter(
        Boolean,
      ) as string[],
      snippet: marked(t['text']) ? `${t['abstract'] ?? ''} … ${t['text']}` : (t['abstract'] ?? ''),
    };
  if (hit.type === 'procedure')
    return {
      href: routes.procedure(hit.slug),
      title: t['name'] ?? f['name'] ?? '',
      meta: [
        f['kind'],
        f['code'] && `Mã ${f['code']}`,
        f['level'],
        f['serviceLevel'] && `Dịch vụ công ${f['serviceLevel']}`,
      ].filter(Boolean) as string[],
      snippet: marked(t['text']),
    };
  if (hit.type === 'question')
    return {
      href: routes.question(hit.slug),
      title: t['title'] ?? f['title'] ?? '',
      meta: [f['kind'], f['answeredAt'] && `Trả lời ngày ${formatDate(f['answeredAt'])}`, f['agency']].filter(
        Boolean,
      ) as string[],
      snippet: marked(t['question'], t['text']) || (t['question'] ?? ''),
    };
  if (hit.type === 'consultation')
    return {
      href: routes.consultation(hit.slug),
      title: t['title'] ?? f['title'] ?? '',
      meta: [
        f['kind'],
        f['openAt'] && f['closeAt'] && `Lấy ý kiến ${formatDate(f['openAt'])} – ${formatDate(f['closeAt'])}`,
        f['agency'],
      ].filter(Boolean) as string[],
      snippet: marked(t['summary'], t['text']) || (t['summary'] ?? ''),
    };
  if (hit.type === 'page')
    return {
      href: routes.page(hit.slug),
      title: t['title'] ?? f['title'] ?? '',
      meta: [f['kind']].filter(Boolean) as string[],
      snippet: marked(t['summary'], t['text']) || (t['summary'] ?? ''),
    };
  return {
    href: routes.article(hit.slug),
    title: t['title'] ?? f['title'] ?? '',
    meta: [f['kind'], f['postedAt'] && formatDate(f['postedAt']), f['category']].filter(Boolean) as string[],
    snippet: marked(t['lead'], t['text']) || (t['lead'] ?? ''),
  };
}
