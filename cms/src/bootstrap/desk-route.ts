import type { Core } from '@strapi/strapi';
import { currentActing } from '../editorial/actor';
import { entryTitle } from '../editorial/audit-diff';
import { deskListsFor, type DeskList } from '../editorial/desk';
import { WORKFLOW_TYPES } from '../editorial/roles';
import { isStage, STAGE_LABELS } from '../editorial/stages';
import { questionDeskEntries } from '../questions/desk-questions';
import { findSomeRows } from '../content-types';

/** Entries per list on the desk; the list view (filtered by stage) shows the rest. */
const PER_LIST = 50;

interface Row {
  documentId: string;
  locale?: string | null;
  editorialStage: string | null;
  reviewNote: string | null;
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
  updatedAt: string;
  [field: string]: unknown;
}

async function entriesOf(strapi: Core.Strapi, list: DeskList, userId: number) {
  const entries = [];
  for (const uid of WORKFLOW_TYPES) {
    const contentType = strapi.contentType(uid);
    // The query engine answers untyped rows; these are read whole (all fields for the title).
    const rows = await findSomeRows<Row>(strapi, uid, {
      where: {
        publishedAt: { $null: true },
        ...(list.stage ? { editorialStage: list.stage } : {}),
        ...(list.own ? { createdBy: { id: userId } } : {}),
        ...(list.scheduled
          ? { $or: [{ scheduledPublishAt: { $notNull: true } }, { scheduledUnpublishAt: { $notNull: true } }] }
          : {}),
      },
      orderBy: { updatedAt: 'desc' },
      limit: PER_LIST,
    });
    for (const row of rows)
      entries.push({
        contentType: uid,
        typeName: contentType.info.displayName,
        documentId: row.documentId,
        locale: row.locale ?? null,
        title: entryTitle(row) ?? row.documentId,
        stage: row.editorialStage,
        stageLabel: isStage(row.editorialStage) ? STAGE_LABELS[row.editorialStage] : null,
        reviewNote: row.editorialStage === 'tra_lai' ? row.reviewNote : null,
        scheduledPublishAt: row.scheduledPublishAt,
        scheduledUnpublishAt: row.scheduledUnpublishAt,
        updatedAt: row.updatedAt,
        // Where the entry opens in the panel.
        href: `/content-manager/collection-types/${uid}/${row.documentId}${row.locale ? `?plugins[i18n][locale]=${row.locale}` : ''}`,
      });
  }
  return entries.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))).slice(0, PER_LIST);
}

/**
 * `GET /portal/desk` (admin API, the panel's session): what waits for the logged-in user — an editor's
 * drafts and entries sent back with the reason, the entries waiting for review, the approved ones waiting
 * for publication and the scheduled ones — per editorial/desk.ts.
 */
export function registerDeskRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/portal/desk',
        handler: async (ctx: { body: unknown }) => {
          const acting = currentActing(strapi);
          if (!acting.user) return;
          const lists = [];
          for (const list of deskListsFor(acting.kind))
            lists.push({
              key: list.key,
              title: list.title,
              entries: list.questions
                ? await questionDeskEntries(strapi, list.questions, acting.user)
                : await entriesOf(strapi, list, acting.user.id),
            });
          ctx.body = { data: { user: acting.name, role: acting.kind, lists } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        info: { type: 'admin' },
      },
    ],
  });
}
