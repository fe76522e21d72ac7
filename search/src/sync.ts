import { Meilisearch, type Task } from 'meilisearch';
import { synonymsWith } from './abbreviations.ts';
import type { SearchIndex } from './indexes/define.ts';
import { STORES, indexUidOf, storeUid } from './indexes/index.ts';
import { vocabularyUid } from './views.ts';
import { vocabularyUpdates } from './vocabulary.ts';

/** What one sync batch changes in one index: documents to add or replace, ids to delete. */
export interface IndexChange {
  index: SearchIndex;
  upserts: Array<{ id: string }>;
  deletes: string[];
}

export interface IndexWriter {
  /**
   * Applies the changes and resolves only when Meilisearch reports every task succeeded, so the
   * caller may forget them. Any failure (server down, index missing, rejected document) throws and
   * the caller keeps the changes for a retry: each change is idempotent.
   */
  apply(changes: readonly IndexChange[]): Promise<void>;
  /**
   * Sets the synonyms of every index to the editors' abbreviation groups (abbreviations.ts), and
   * resolves when Meilisearch has applied them (synonyms apply at query time: no document is reindexed).
   */
  applySynonyms(editorGroups: readonly (readonly string[])[]): Promise<void>;
}

/**
 * The writer the CMS's outbox worker uses. It needs only an indexing key (documents.add,
 * documents.delete, settings.update for the synonyms, tasks.get on `${prefix}*`): it never creates
 * indexes, so a missing index is an error to retry, not an index created with default settings.
 */
export function createIndexWriter(options: { url: string; apiKey: string; prefix: string }): IndexWriter {
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: 15_000 });
  return {
    async apply(changes) {
      // Enqueue every task first (one await each, so a refused request fails here and leaves no
      // promise unobserved), then wait for all of them: the tasks run back to back on the server.
      const enqueued = [];
      for (const change of changes) {
        const index = client.index(indexUidOf(change.index, options.prefix));
        if (change.upserts.length > 0) enqueued.push(await index.addDocuments(change.upserts, { primaryKey: 'id' }));
        if (change.deletes.length > 0) enqueued.push(await index.deleteDocuments(change.deletes));
      }
      for (const task of enqueued)
        assertSucceeded(await client.tasks.waitForTask(task, { timeout: 30_000, interval: 25 }));
      // New title words join the "did you mean" vocabulary at once. Best effort: the vocabulary index
      // exists only once start-up built it, and a failure here must not hold the documents back.
      const words = vocabularyUpdates(changes.flatMap((change) => change.upserts as Array<Record<string, unknown>>));
      if (words.length)
        await client
          .index(vocabularyUid(options.prefix))
          .updateDocuments(words)
          .catch(() => undefined);
    },
    async applySynonyms(editorGroups) {
      const synonyms = synonymsWith(editorGroups);
      const enqueued = [];
      for (const store of STORES)
        enqueued.push(await client.index(storeUid(store, options.prefix)).updateSynonyms(synonyms));
      for (const task of enqueued)
        assertSucceeded(await client.tasks.waitForTask(task, { timeout: 60_000, interval: 25 }));
    },
  };
}

export function assertSucceeded(task: Task): void {
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${task.uid} (${task.type} on ${task.indexUid}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
  }
}
