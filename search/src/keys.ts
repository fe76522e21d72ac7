import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';

/**
 * The key the public site searches with: action "search" only, on this deployment's indexes only.
 * Its uid is derived from the index prefix, and Meilisearch derives the key from uid and master key,
 * so every start finds the same key instead of piling up new ones.
 */
export async function ensureSearchKey(client: Meilisearch, prefix: string): Promise<string> {
  const uid = uuidFrom(`portal-search-key:${prefix}`);
  try {
    return (await client.getKey(uid)).key;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw error;
  }
  const key = await client.createKey({
    uid,
    name: `${prefix}public-search`,
    description: 'Search-only key embedded in the public site',
    actions: ['search'],
    indexes: [`${prefix}*`],
    expiresAt: null,
  });
  return key.key;
}

/** A UUID v4-shaped id from a name (Meilisearch requires uids in UUID v4 format). */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
