/**
 * The site's reads of lấy ý kiến dự thảo: every published draft with its period and report (read once
 * per build), sorted into open, upcoming and closed at the build's time. The CMS decides at the moment
 * of each comment (its public route refuses outside the period), and rebuilds the site when a period
 * opens or closes, so the pages follow.
 */
import { consultationPhase, type ConsultationPhase } from '@portal/cms/model/consultations';
import { ConsultationsPageDocument } from '../graphql/generated/graphql.ts';
import { cms, MAX_PAGE_SIZE } from './cms.ts';
import { forgetAfterBuild } from './build-memory.ts';

/** Closed drafts per list page. */
export const CLOSED_CONSULTATIONS_PAGE_SIZE = 10;

async function readConsultations() {
  const drafts = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const data = await cms().request(ConsultationsPageDocument, { page, pageSize: MAX_PAGE_SIZE });
    const connection = data.consultations_connection;
    if (!connection) throw new Error('The CMS returned no consultations_connection');
    pageCount = connection.pageInfo.pageCount;
    drafts.push(...connection.nodes);
  }
  const now = new Date();
  return drafts.flatMap((draft) => {
    if (!draft.slug || !draft.openAt || !draft.closeAt) {
      console.warn(`[site] consultation ${draft.documentId} left out: it has no slug or no comment period`);
      return [];
    }
    const period = { openAt: String(draft.openAt), closeAt: String(draft.closeAt) };
    const phase: ConsultationPhase = consultationPhase(period, now);
    return [{ ...draft, ...period, slug: draft.slug, phase }];
  });
}

let cached: ReturnType<typeof readConsultations> | undefined;
forgetAfterBuild(() => (cached = undefined));
/** Every published draft, newest opening first, with its phase at build time. */
export const publishedConsultations = () => (cached ??= readConsultations());
export type PublishedConsultation = Awaited<ReturnType<typeof readConsultations>>[number];

/** Open now (closing soonest first), then upcoming (opening soonest first). */
export async function currentConsultations(): Promise<PublishedConsultation[]> {
  const all = await publishedConsultations();
  const open = all.filter((c) => c.phase === 'dang_lay_y_kien').sort((a, b) => a.closeAt.localeCompare(b.closeAt));
  const upcoming = all.filter((c) => c.phase === 'sap_mo').sort((a, b) => a.openAt.localeCompare(b.openAt));
  return [...open, ...upcoming];
}

/** Closed drafts, most recently closed first. */
export async function closedConsultations(): Promise<PublishedConsultation[]> {
  return (await publishedConsultations())
    .filter((c) => c.phase === 'da_ket_thuc')
    .sort((a, b) => b.closeAt.localeCompare(a.closeAt));
}
