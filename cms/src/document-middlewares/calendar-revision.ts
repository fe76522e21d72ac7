import type { Core } from '@strapi/strapi';
import { findRows } from '../content-types';
import { callParams } from './params';

const CALENDAR = 'api::calendar-entry.calendar-entry';

/**
 * Portals print "Điều chỉnh lần N" on a leaders' calendar that changed after it was announced. The
 * counter moves when a published entry is edited, not on every save of a draft nobody has seen.
 */
export function registerCalendarRevision(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CALENDAR || context.action !== 'update') return next();
    const params = callParams(context);
    if (!params.data || !params.documentId || 'revision' in params.data) return next();
    const rows = await findRows(strapi, CALENDAR, {
      where: { documentId: params.documentId },
      select: ['revision', 'publishedAt'],
    });
    if (rows.some((row) => row.publishedAt)) {
      const current = Math.max(0, ...rows.map((row) => row.revision ?? 0));
      params.data = { ...params.data, revision: current + 1 };
    }
    return next();
  });
}
