import type { Core, UID } from '@strapi/strapi';
import { systemActing, type AdminUser } from './actor';
import { WORKFLOW_TYPES } from './roles';
import { due, type ScheduledEntry } from './schedule';

export const SCHEDULER_NAME = 'Hệ thống (lịch hẹn)';

interface Row {
  documentId: string;
  locale: string | null;
  editorialStage: string | null;
  publishedAt: string | null;
  scheduledPublishAt: string | Date | null;
  scheduledUnpublishAt: string | Date | null;
  scheduledById: number | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

async function scheduledEntries(strapi: Core.Strapi, uid: UID.ContentType): Promise<Array<ScheduledEntry & Row>> {
  // The draft row carries the schedule (the published copy has it only from the last publication).
  const rows = (await strapi.db.query(uid).findMany({
    where: {
      publishedAt: { $null: true },
      $or: [{ scheduledPublishAt: { $notNull: true } }, { scheduledUnpublishAt: { $notNull: true } }],
    },
    select: [
      'documentId',
      'locale',
      'editorialStage',
      'publishedAt',
      'scheduledPublishAt',
      'scheduledUnpublishAt',
      'scheduledById',
    ],
  })) as Row[];
  if (rows.length === 0) return [];
  const key = (row: Pick<Row, 'documentId' | 'locale'>) => `${row.documentId}/${row.locale ?? ''}`;
  const out = (await strapi.db.query(uid).findMany({
    where: { publishedAt: { $notNull: true }, documentId: { $in: rows.map((row) => row.documentId) } },
    select: ['documentId', 'locale'],
  })) as Array<Pick<Row, 'documentId' | 'locale'>>;
  const published = new Set(out.map(key));
  return rows.map((row) => ({
    ...row,
    stage: row.editorialStage,
    published: published.has(key(row)),
    scheduledPublishAt: iso(row.scheduledPublishAt),
    scheduledUnpublishAt: iso(row.scheduledUnpublishAt),
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
        ? ((await strapi.db.query('admin::user').findOne({
            where: { id: entry.scheduledById },
            select: ['id', 'email', 'firstname', 'lastname'],
          })) as AdminUser | null)
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
      options: { rule, tz: 'Asia/Ho_Chi_Minh' },
    },
  };
}
