/**
 * Scheduled publication as a pure rule: given the time and the scheduled entries, what to publish and
 * what to unpublish. The cron task (editorial/schedule-task.ts) only reads the entries and acts.
 */
export interface ScheduledEntry {
  documentId: string;
  locale: string | null;
  stage: string | null;
  /** A published version exists. */
  published: boolean;
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
}

export interface DueAction<Entry extends ScheduledEntry = ScheduledEntry> {
  action: 'publish' | 'unpublish';
  entry: Entry;
}

const passed = (at: string | null, now: Date) => at !== null && new Date(at).getTime() <= now.getTime();

export function due<Entry extends ScheduledEntry>(now: Date, entries: readonly Entry[]): Array<DueAction<Entry>> {
  return entries.flatMap((entry): Array<DueAction<Entry>> => {
    const unpublishDue = passed(entry.scheduledUnpublishAt, now);
    // Only approved text goes out; if its withdrawal time has passed too (the server was down), it stays in.
    if (entry.stage === 'da_duyet' && passed(entry.scheduledPublishAt, now) && !unpublishDue)
      return [{ action: 'publish', entry }];
    if (entry.published && unpublishDue) return [{ action: 'unpublish', entry }];
    return [];
  });
}
