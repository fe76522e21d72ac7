import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WORKFLOW_TYPES } from '../editorial/roles';
import { recordFileAction } from './audit';
import { extendService } from '../strapi-services';

const FILE = 'plugin::upload.file';
const WORKFLOW = new Set<string>(WORKFLOW_TYPES);
/** Stages whose text (and so its files) was approved: what a citizen reads, or is about to. */
const LOCKED_STAGES = ['da_duyet', 'da_xuat_ban'];

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { typeColumn: { name: string }; idColumn: { name: string } };
}
type Metadata = { attributes: Record<string, { joinTable?: JoinTable; type?: string; component?: string }> };
interface FileRow {
  id: number;
  documentId?: string;
  name?: string;
  hash?: string;
  size?: number;
  mime?: string;
}
export interface LinkedEntry {
  uid: string;
  documentId: string;
  title: string | null;
}

const metadata = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid) as unknown as Metadata;

/** The entries (type, row id) that use the file, directly or through one level of component. */
async function linkedRows(strapi: Core.Strapi, fileId: number): Promise<Array<{ uid: string; id: number }>> {
  const join = metadata(strapi, FILE).attributes.related?.joinTable;
  if (!join?.morphColumn) return [];
  const links = await strapi.db
    .connection(join.name)
    .where(join.joinColumn.name, fileId)
    .select<Array<{ type: string; id: number }>>(
      `${join.morphColumn.typeColumn.name} as type`,
      `${join.morphColumn.idColumn.name} as id`,
    );
  const rows: Array<{ uid: string; id: number }> = [];
  for (const link of links) {
    if (WORKFLOW.has(link.type)) {
      rows.push({ uid: link.type, id: link.id });
      continue;
    }
    // A file inside a component (a procedure's dossier form): find the entries holding that component.
    for (const uid of WORKFLOW) {
      for (const attribute of Object.values(metadata(strapi, uid).attributes)) {
        const cmps = attribute.joinTable;
        if (attribute.type !== 'component' || attribute.component !== link.type || !cmps?.inverseJoinColumn) continue;
        const parents = await strapi.db
          .connection(cmps.name)
          .where(cmps.inverseJoinColumn.name, link.id)
          .where('component_type', link.type)
          .select<Array<{ id: number }>>(`${cmps.joinColumn.name} as id`);
        rows.push(...parents.map((parent) => ({ uid, id: parent.id })));
      }
    }
  }
  return rows;
}

/** Entries under the workflow, approved or published in any locale, that show the file. */
export async function lockingEntries(strapi: Core.Strapi, fileId: number): Promise<LinkedEntry[]> {
  const found = new Map<string, LinkedEntry>();
  for (const { uid, id } of await linkedRows(strapi, fileId)) {
    const query = strapi.db.query(uid);
    const row = (await query.findOne({ where: { id }, select: ['documentId'] })) as { documentId: string } | null;
    if (!row || found.has(`${uid}/${row.documentId}`)) continue;
    const approved = (await query.findOne({
      where: {
        documentId: row.documentId,
        $or: [{ publishedAt: { $notNull: true } }, { editorialStage: { $in: LOCKED_STAGES } }],
      },
    })) as Record<string, unknown> | null;
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

function refusal(action: 'replace' | 'delete', file: FileRow, entries: LinkedEntry[]): string {
  const named = entries
    .slice(0, 3)
    .map((entry) => `“${entry.title ?? entry.documentId}”`)
    .join(', ');
  const verb = action === 'replace' ? 'thay' : 'xoá';
  return (
    `Tệp “${file.name ?? file.id}” đang gắn với nội dung đã duyệt hoặc đã xuất bản (${named}): không được ${verb} tệp. ` +
    'Hãy tải lên tệp mới và sửa nội dung đó để được duyệt lại.'
  );
}

/** The upload service's writes that the lock wraps (plain functions: Strapi's services close over strapi). */
type UploadWrites = {
  replace: (id: number, input: unknown, opts?: unknown) => Promise<FileRow>;
  remove: (file: FileRow) => Promise<unknown>;
};

/**
 * Files of approved or published entries stay as approved: the media library's replace (same URL, new
 * bytes) and delete are refused for them, whoever asks, and the attempt is audited; replacing or deleting
 * a file that only drafts use goes through and is audited against the file. Bound at the upload
 * service, under every route that reaches it (single and bulk delete, folder delete, admin and
 * content-API replace).
 */
export function registerMediaLock(strapi: Core.Strapi): void {
  extendService(strapi, 'plugin::upload.upload', (service: UploadWrites) => {
    const { replace, remove } = service;

    const guard = async (action: 'replace' | 'delete', fileId: number) => {
      const file = (await strapi.db.query(FILE).findOne({ where: { id: fileId } })) as FileRow | null;
      if (!file) return null;
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
      async remove(target: FileRow) {
        const file = await guard('delete', Number(target.id));
        const result = await remove(target);
        if (file) await recordFileAction(strapi, { action: 'delete', file, attempted: 'delete' });
        return result;
      },
    });
  });
}
