import type { Core } from '@strapi/strapi';
import { TIME_ZONE } from '../text/dates';
import { findRow, findRows } from '../content-types';
import { systemActing } from './actor';
import { WORKFLOW_TYPES } from './roles';
import { due, type ScheduledEntry } from './schedule';

export const SCHEDULER_NAME = 'Hệ thống (lịch hẹn)';

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

async function scheduledEntries(strapi: Core.Strapi, uid: (typeof WORKFLOW_TYPES)[number]) {
  // The draft row carries the schedule (the published copy has it only from the last publication).
  const rows = await findRows(strapi, uid, {
    where: {
      publishedAt: { $null: true },
      $or: [{ scheduledPublishAt: { $notNull: true } }, { scheduledUnpublishAt: { $notNull: true } }],
    },
    select: ['documentId', 'locale', 'editorialStage', 'scheduledPublishAt', 'scheduledUnpublishAt', 'scheduledById'],
  });
  if (rows.length === 0) return [];
  const key = (row: { documentId: string; locale?: string | null }) => `${row.documentId}/${row.locale ?? ''}`;
  const out = await findRows(strapi, uid, {
    where: { publishedAt: { $notNull: true }, documentId: { $in: rows.map((row) => row.documentId) } },
    select: ['documentId', 'locale'],
  });
  const published = new Set(out.map(key));
  return rows.map((row): ScheduledEntry & { scheduledById: number | null } => ({
    documentId: row.documentId,
    locale: row.locale ?? null,
    stage: row.editorialStage ?? null,
    published: published.has(key(row)),
    scheduledPublishAt: iso(row.scheduledPublishAt),
    scheduledUnpublishAt: iso(row.scheduledUnpublishAt),
    scheduledById: row.scheduledById ?? null,
  }));
}

/**
 * Runs due publications and withdrawals through the Document Service, so the usual rules and the audit
 * trail apply; the trail names the system acting for the user who set the schedule.
 */
export async function runSchedule(strapi: Core.Strapi, now = new Date()): Promise<number> {
  let done = 0;
  for (const uid of WORKFLOW_TYPES) {
    for (const { action, entry } of due(now, await scheduledEntries(strapi, uid))) {
      const requester = entry.scheduledById
        ? await findRow(strapi, 'admin::user', {
            where: { id: entry.scheduledById },
            select: ['id', 'email', 'firstname', 'lastname'],
          })
        : null;
      const target = { documentId: entry.documentId, ...(entry.locale ? { locale: entry.locale } : {}) };
      try {
        await systemActing.run({ kind: 'system', user: null, name: SCHEDULER_NAME, onBehalfOf: requester }, () =>
          action === 'publish' ? strapi.documents(uid).publish(target) : strapi.documents(uid).unpublish(target),
        );
        // The fired time is cleared so a later manual republish is not withdrawn again at once.
        const field = action === 'publish' ? 'scheduledPublishAt' : 'scheduledUnpublishAt';
        await strapi.db.query(uid).updateMany({ where: target, data: { [field]: null } });
        done += 1;
      } catch (error) {
        strapi.log.error(`[portal] scheduled ${action} of ${uid} ${entry.documentId} failed: ${String(error)}`);
      }
    }
  }
  return done;
}

/** Strapi cron tasks (config/server.ts). Every minute by default; tests make it faster. */
export function scheduleTasks(rule: string) {
  return {
    editorialSchedule: {
      task: async ({ strapi }: { strapi: Core.Strapi }) => {
        await runSchedule(strapi);
      },
      options: { rule, tz: TIME_ZONE },
    },
  };
}
