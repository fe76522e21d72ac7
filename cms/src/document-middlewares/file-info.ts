/** A media file's information a public page shows, and what a change of it alters (pure, file-info.test.ts). */
import type { Changes } from '../editorial/audit-diff';

/**
 * A file's fields a public page shows: an image's alternative text, an attachment's name (the site export,
 * cms/src/site-publish/export.ts). Its caption is the media library's own note (an article's cover caption
 * is a field of the article).
 */
export const PUBLIC_FILE_INFO = ['name', 'alternativeText'] as const;
export type FileInfo = Partial<Record<(typeof PUBLIC_FILE_INFO)[number], string | null>>;

/**
 * The public fields a change of information alters, before and after (the upload service keeps a stored
 * value for a field given as null or undefined).
 */
export function changedFileInfo(stored: FileInfo, input: FileInfo): Changes {
  const changes: Changes = {};
  for (const field of PUBLIC_FILE_INFO) {
    const after = input[field];
    if (after === null || after === undefined) continue;
    const before = stored[field] ?? null;
    // "" over nothing stored is no change.
    if (after !== (before ?? '')) changes[field] = { before, after };
  }
  return changes;
}
