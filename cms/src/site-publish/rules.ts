/** Which content writes change the public site (pure, unit-tested in rules.test.ts). */

/** Document Service actions that can change a public page. */
const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);
/** Types no public page shows (citizens' comments on drafts are never published: a comment must not rebuild the site). */
export const NOT_PUBLIC = new Set(['api::audit-entry.audit-entry', 'api::consultation-comment.consultation-comment']);

/**
 * A write to a draft-and-publish type changes the public site only when it touches the published
 * version: publish, unpublish, delete, or a create/update that publishes in the same call. Saving a
 * draft (or scheduling one, which is a draft field) does not: the scheduler's later publish does.
 */
export function changesPublicVersion(
  action: string,
  draftAndPublish: boolean,
  params: { status?: string } | undefined,
): boolean {
  if (!WRITES.has(action)) return false;
  if (!draftAndPublish) return true;
  if (action === 'create' || action === 'update') return params?.status === 'published';
  // Discarding a draft only copies the published version back into the draft.
  return action !== 'discardDraft';
}
