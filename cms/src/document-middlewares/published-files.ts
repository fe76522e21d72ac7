/**
 * Which media files a published entry links to, directly or through its components (a procedure's
 * dossier form, a document's attachment): the files the public may see. Read from the upload plugin's
 * own link table, so every media field of every type counts without a list to keep in step.
 */
import type { Core, UID } from '@strapi/strapi';

interface Link {
  id: number;
  type: string;
}

/** True when the row `id` of `uid` is public: a published row, or a row of a type without drafts. */
async function isPublicRow(strapi: Core.Strapi, link: Link, depth: number): Promise<boolean> {
  const model = strapi.getModel(link.type as UID.Schema) as
    { modelType: 'contentType' | 'component'; options?: { draftAndPublish?: boolean } } | undefined;
  if (!model) return false;
  const knex = strapi.db.connection;
  if (model.modelType === 'contentType') {
    if (!model.options?.draftAndPublish) return true;
    const table = strapi.db.metadata.get(link.type).tableName;
    const row = await knex(table).where({ id: link.id }).first<{ published_at: unknown } | undefined>('published_at');
    return row !== undefined && row.published_at !== null;
  }
  // A component: find the entries (or components) holding it, through their component join tables.
  if (depth > 3) return false;
  for (const parent of strapi.db.metadata.values()) {
    for (const attribute of Object.values(parent.attributes) as Array<Record<string, unknown>>) {
      const joinTable = attribute.joinTable as
        | {
            name: string;
            joinColumn: { name: string };
            inverseJoinColumn?: { name: string };
            morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
          }
        | undefined;
      if (attribute.type !== 'relation' || !joinTable) continue;
      let where: Record<string, unknown> | undefined;
      // A component field (its join table points at one component type) or a dynamic zone (any type).
      if (attribute.target === link.type && joinTable.inverseJoinColumn && joinTable.name.endsWith('_cmps')) {
        where = { [joinTable.inverseJoinColumn.name]: link.id };
      } else if (joinTable.morphColumn && attribute.relation === 'morphToMany') {
        where = { [joinTable.morphColumn.idColumn.name]: link.id, [joinTable.morphColumn.typeColumn.name]: link.type };
      }
      if (!where) continue;
      const rows = await knex(joinTable.name)
        .where(where)
        .select<Array<{ parentId: number }>>({ parentId: joinTable.joinColumn.name });
      for (const row of rows) {
        if (await isPublicRow(strapi, { id: row.parentId, type: parent.uid }, depth + 1)) return true;
      }
    }
  }
  return false;
}

/** The subset of `fileIds` linked from at least one public entry. */
export async function publishedFileIds(strapi: Core.Strapi, fileIds: number[]): Promise<Set<number>> {
  const published = new Set<number>();
  if (fileIds.length === 0) return published;
  const links = await strapi.db
    .connection('files_related_mph')
    .whereIn('file_id', fileIds)
    .select<Array<Link & { fileId: number }>>({ fileId: 'file_id', id: 'related_id', type: 'related_type' });
  for (const link of links) {
    if (!published.has(link.fileId) && (await isPublicRow(strapi, link, 0))) published.add(link.fileId);
  }
  return published;
}
