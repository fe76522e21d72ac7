import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findRow, findSomeRow, isComponent } from '../content-types';
import { isWorkflowType, type WorkflowType } from '../editorial/roles';
import { recordFileAction, type FileRecord } from './audit';
import { changedFileInfo, type FileInfo } from './file-info';
import { componentHolders } from './published-files';
import { extendService } from '../strapi-services';

const FILE = 'plugin::upload.file';
/** Stages whose text (and so its files) was approved: what a citizen reads, or is about to. */
const LOCKED_STAGES = ['da_duyet', 'da_xuat_ban'];

export interface LinkedEntry {
  uid: string;
  documentId: string;
  title: string | null;
}

/** The entries (type, row id) that use the file, directly or through one level of component. */
async function linkedRows(strapi: Core.Strapi, fileId: number): Promise<Array<{ uid: WorkflowType; id: number }>> {
  // The upload plugin's morph link table (files_related_mph): which rows of which models show the file.
  const related = strapi.db.metadata.get(FILE).attributes.related;
  const join = related && 'joinTable' in related ? related.joinTable : undefined;
  if (!join || !('morphColumn' in join)) return [];
  const links = await strapi.db
    .connection(join.name)
    .where(join.joinColumn.name, fileId)
    .select<Array<{ type: string; id: number }>>(
      `${join.morphColumn.typeColumn.name} as type`,
      `${join.morphColumn.idColumn.name} as id`,
    );
  const rows: Array<{ uid: WorkflowType; id: number }> = [];
  for (const link of links) {
    if (isWorkflowType(link.type)) {
      rows.push({ uid: link.type, id: link.id });
      continue;
    }
    // A file inside a component (a procedure's dossier form): the entries holding that component.
    if (!isComponent(strapi, link.type)) continue;
    for (const holder of await componentHolders(strapi, link)) {
      if (isWorkflowType(holder.type)) rows.push({ uid: holder.type, id: holder.id });
    }
  }
  return rows;
}

/** Entries under the workflow, approved or published in any locale, that show the file. */
export async function lockingEntries(strapi: Core.Strapi, fileId: number): Promise<LinkedEntry[]> {
  const found = new Map<string, LinkedEntry>();
  for (const { uid, id } of await linkedRows(strapi, fileId)) {
    const row = await findSomeRow<{ documentId: string }>(strapi, uid, { where: { id }, select: ['documentId'] });
    if (!row || found.has(`${uid}/${row.documentId}`)) continue;
    const approved = await findSomeRow<Record<string, unknown>>(strapi, uid, {
      where: {
        documentId: row.documentId,
        $or: [{ publishedAt: { $notNull: true } }, { editorialStage: { $in: LOCKED_STAGES } }],
      },
    });
    if (!approved) continue;
    const title = approved.title ?? approved.abstract ?? approved.name ?? approved.documentNumber ?? null;
    found.set(`${uid}/${row.documentId}`, {
      uid,
      documentId: row.documentId,
      title: typeof title === 'string' ? title : null,
    });
  }
  return [...found.values()];
}

/** What a write does to a file, as the refusal names it. */
const REFUSED = {
  replace: 'thay tệp',
  delete: 'xoá tệp',
  info: 'sửa tên hoặc văn bản thay thế của tệp',
} as const satisfies Record<FileWrite, string>;

function refusal(action: FileWrite, file: FileRecord, entries: LinkedEntry[]): string {
  const named = entries
    .slice(0, 3)
    .map((entry) => `“${entry.title ?? entry.documentId}”`)
    .join(', ');
  return (
    `Tệp “${file.name ?? file.id}” đang gắn với nội dung đã duyệt hoặc đã xuất bản (${named}): ` +
    `không được ${REFUSED[action]}. Hãy tải lên tệp mới và sửa nội dung đó để được duyệt lại.`
  );
}

/** The upload service's writes that the lock wraps (plain functions: Strapi's services close over strapi). */
type UploadWrites = {
  replace: (id: number, input: unknown, opts?: unknown) => Promise<FileRecord>;
  remove: (file: FileRecord) => Promise<unknown>;
  updateFileInfo: (id: number, info: FileInfo & Record<string, unknown>, opts?: unknown) => Promise<FileRecord>;
};
type FileWrite = 'replace' | 'delete' | 'info';

/**
 * Files of approved or published entries stay as approved: the media library's replace (same URL, new
 * bytes), delete and a change of the information a page shows (name, alternative text) are
 * refused for them, whoever asks, and the attempt is audited; the same on a file that only drafts use goes
 * through and is audited against the file. Moving a file between folders, its caption or focal point
 * touch nothing a page shows and are left alone. Bound at the upload service, under every route that
 * reaches it (single and bulk delete, folder delete, admin and content-API replace, single and bulk
 * information edits, Strapi AI's generated descriptions). A published page therefore never shows a file
 * other than the approved one, so no media edit needs a site update.
 */
export function registerMediaLock(strapi: Core.Strapi): void {
  extendService(strapi, 'plugin::upload.upload', (service: UploadWrites) => {
    const { replace, remove, updateFileInfo } = service;

    const guard = async (action: FileWrite, fileId: number, info?: FileInfo) => {
      const file = await findRow(strapi, FILE, {
        where: { id: fileId },
        select: ['id', 'documentId', 'name', 'hash', 'size', 'mime', 'alternativeText'],
      });
      if (!file) return null;
      if (info && Object.keys(changedFileInfo(file, info)).length === 0) return null;
      const locking = await lockingEntries(strapi, file.id);
      if (locking.length > 0) {
        const message = refusal(action, file, locking);
        await recordFileAction(strapi, {
          action: 'refuse',
          file,
          attempted: action,
          linkedTo: locking,
          reason: message,
        });
        throw new errors.ValidationError(message, {
          errors: [{ path: ['file'], message, name: 'ValidationError', value: null }],
        });
      }
      return file;
    };

    return Object.assign(service, {
      async replace(id: number, input: unknown, opts?: unknown) {
        const file = await guard('replace', Number(id));
        const replaced = await replace(id, input, opts);
        if (file) await recordFileAction(strapi, { action: 'update', file, after: replaced, attempted: 'replace' });
        return replaced;
      },
      async updateFileInfo(id: number, info: FileInfo & Record<string, unknown>, opts?: unknown) {
        const file = await guard('info', Number(id), info ?? {});
        const updated = await updateFileInfo(id, info, opts);
        if (file)
          await recordFileAction(strapi, {
            action: 'update',
            file,
            attempted: 'info',
            info: changedFileInfo(file, info ?? {}),
          });
        return updated;
      },
      async remove(target: FileRecord) {
        const file = await guard('delete', Number(target.id));
        const result = await remove(target);
        if (file) await recordFileAction(strapi, { action: 'delete', file, attempted: 'delete' });
        return result;
      },
    });
  });
}
