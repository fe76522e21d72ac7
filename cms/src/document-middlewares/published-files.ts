/**
 * Which media files a published entry links to, directly or through its components (a procedure's
 * dossier form, a document's attachment): the files the public may see. Read from the upload plugin's
 * own link table, so every media field of every type counts without a list to keep in step.
 */
import type { Core } from '@strapi/strapi';
import { isComponent, isContentType } from '../content-types';

interface Link {
  id: number;
  type: string;
}

/** An attribute of the database's view of a model (components and media are relations there). */
type DbAttribute = ReturnType<Core.Strapi['db']['metadata']['get']>['attributes'][string];

/**
 * Where a component row sits: the entries (or components) holding it, as (model uid, row id), read
 * through the component join tables (`<collection>_cmps`) of component fields and dynamic zones.
 */
export async function componentHolders(strapi: Core.Strapi, component: Link): Promise<Link[]> {
  const holders: Link[] = [];
  for (const parent of strapi.db.metadata.values()) {
    for (const attribute of Object.values<DbAttribute>(parent.attributes)) {
      if (attribute.type !== 'relation' || !('joinTable' in attribute) || !attribute.joinTable) continue;
      const joinTable = attribute.joinTable;
      let where: Record<string, unknown> | undefined;
      // A component field (its join table points at one component type) or a dynamic zone (any type).
      if (
        'target' in attribute &&
        attribute.target === component.type &&
        'inverseJoinColumn' in joinTable &&
        joinTable.name.endsWith('_cmps')
      ) {
        where = { [joinTable.inverseJoinColumn.name]: component.id };
      } else if ('morphColumn' in joinTable && attribute.relation === 'morphToMany') {
        where = {
          [joinTable.morphColumn.idColumn.name]: component.id,
          [joinTable.morphColumn.typeColumn.name]: component.type,
        };
      }
      if (!where) continue;
      const rows = await strapi.db
        .connection(joinTable.name)
        .where(where)
        .select<Array<{ parentId: number }>>({ parentId: joinTable.joinColumn.name });
      holders.push(...rows.map((row) => ({ id: row.parentId, type: parent.uid })));
    }
  }
  return holders;
}

/** True when the row `id` of `uid` is public: a published row, or a row of a type without drafts. */
async function isPublicRow(strapi: Core.Strapi, link: Link, depth: number): Promise<boolean> {
  if (isContentType(strapi, link.type)) {
    if (!strapi.contentType(link.type).options?.draftAndPublish) return true;
    const table = strapi.db.metadata.get(link.type).tableName;
    const row = await strapi.db
      .connection(table)
      .where({ id: link.id })
      .first<{ published_at: unknown } | undefined>('published_at');
    return row !== undefined && row.published_at !== null;
  }
  // A component: public when an entry (or component) holding it is.
  if (!isComponent(strapi, link.type) || depth > 3) return false;
  for (const holder of await componentHolders(strapi, link)) {
    if (await isPublicRow(strapi, holder, depth + 1)) return true;
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
