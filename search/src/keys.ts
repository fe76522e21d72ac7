import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';

/**
 * The key the public site searches with: action "search" only, on this deployment's indexes only.
 * Its uid is derived from the index prefix, and Meilisearch derives the key from uid and master key,
 * so every start finds the same key instead of piling up new ones.
 */
export async function ensureSearchKey(client: Meilisearch, prefix: string): Promise<string> {
  return ensureKey(client, {
    uid: uuidFrom(`portal-search-key:${prefix}`),
    name: `${prefix}public-search`,
    description: 'Search-only key embedded in the public site',
    actions: ['search'],
    indexes: [`${prefix}*`],
  });
}

/**
 * The key the CMS's outbox worker writes with: add and delete documents, update settings (the
 * synonyms editors extend in the admin) and follow their tasks, on this deployment's indexes only. It
 * cannot create, delete or swap indexes, read documents or manage keys, so the CMS never holds the
 * master key. The key of an earlier version (other actions) is deleted.
 */
export async function ensureIndexingKey(client: Meilisearch, prefix: string): Promise<string> {
  return ensureKey(client, {
    // The version names the action list: changing the actions means a new version, hence a new key.
    uid: uuidFrom(`portal-indexing-key:v2:${prefix}`),
    name: `${prefix}cms-indexing`,
    description: 'Used by the CMS to apply published changes and abbreviations to the search index',
    actions: ['documents.add', 'documents.delete', 'settings.update', 'tasks.get'],
    indexes: [`${prefix}*`],
    replaces: [uuidFrom(`portal-indexing-key:v1:${prefix}`)],
  });
}

async function ensureKey(
  client: Meilisearch,
  spec: { uid: string; name: string; description: string; actions: string[]; indexes: string[]; replaces?: string[] },
): Promise<string> {
  const { replaces = [], ...key } = spec;
  for (const old of replaces)
    await client.deleteKey(old).catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw error;
    });
  try {
    return (await client.getKey(key.uid)).key;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw error;
  }
  const created = await client.createKey({ ...key, expiresAt: null });
  return created.key;
}

/** A UUID v4-shaped id from a name (Meilisearch requires uids in UUID v4 format). */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
