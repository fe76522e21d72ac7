/**
 * A consultation's phase follows the clock, not an edit: when a published draft's comment period opens
 * or closes, its page, the open and closed lists and the home page change. This task (every minute, with
 * the editorial schedule's rule) records a site change for each draft whose openAt or closeAt passed since
 * the last run, so the publisher rebuilds the site then. `npm start` builds at start-up anyway, so a
 * moment passed while the CMS was down is covered by that build.
 */
import type { Core } from '@strapi/strapi';
import { TIME_ZONE } from '../text/dates';
import { findRows } from '../content-types';
import { recordSiteChange } from '../site-publish';
import { CONSULTATION_UID } from './consultations';

let lastRun = Date.now();

export async function recordPhaseChanges(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const since = new Date(lastRun).toISOString();
  const until = new Date(now).toISOString();
  lastRun = now;
  const rows = await findRows(strapi, CONSULTATION_UID, {
    where: {
      publishedAt: { $notNull: true },
      $or: [{ openAt: { $gt: since, $lte: until } }, { closeAt: { $gt: since, $lte: until } }],
    },
    select: ['documentId'],
  });
  for (const row of rows) await recordSiteChange(strapi, CONSULTATION_UID, row.documentId);
  if (rows.length > 0)
    strapi.log.info(`[du-thao] ${rows.length} comment period(s) opened or closed: site rebuild queued`);
  return rows.length;
}

export function phaseTasks(rule: string) {
  return {
    consultationPhases: {
      task: async ({ strapi }: { strapi: Core.Strapi }) => {
        await recordPhaseChanges(strapi);
      },
      options: { rule, tz: TIME_ZONE },
    },
  };
}
