/** Progress lines for long work: at most one a second, plus the last one, readable in a cron mail or a terminal. */
import type { Progress } from './payload.ts';

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function progressPrinter(label: string, log: (line: string) => void, intervalMs = 1000) {
  let last = 0;
  let latest: Progress | undefined;
  let printed: Progress | undefined;
  const print = (progress: Progress) => {
    const share = progress.totalBytes
      ? ` (${Math.floor((100 * progress.bytes) / Math.max(1, progress.totalBytes))}%)`
      : '';
    const files = progress.totalFiles ? `${progress.files}/${progress.totalFiles}` : `${progress.files}`;
    const total = progress.totalBytes ? ` / ${megabytes(progress.totalBytes)}` : '';
    log(`${label}: ${megabytes(progress.bytes)}${total}${share}, ${files} tệp/files`);
    printed = { ...progress };
  };
  return {
    update(progress: Progress) {
      latest = progress;
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      print(progress);
    },
    /** The final figures, unless the last line already showed them. */
    finish() {
      if (latest && (printed?.bytes !== latest.bytes || printed.files !== latest.files)) print(latest);
    },
  };
}
