/**
 * One process at a time owns the data folder: `npm start` while the portal runs, `npm run restore` and
 * `npm run reset` while they change it. The owner writes `portal.pid` (created exclusively) and removes
 * it when done; a file left by a process that no longer exists (a crash, a power cut) is stale and taken
 * over. Backups need no lock: they read a consistent snapshot while the portal runs.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { makePrivateDir, PRIVATE_FILE_MODE } from './data-folder.ts';

export const LOCK_FILE_NAME = 'portal.pid';

const LockSchema = z.object({
  pid: z.number().int().positive(),
  purpose: z.enum(['start', 'restore', 'reset']),
  startedAt: z.string(),
});
export type PortalLock = z.infer<typeof LockSchema>;

const WHAT: Record<PortalLock['purpose'], string> = {
  start: 'Cổng đang chạy (npm start) / The portal is running (npm start)',
  restore: 'Đang khôi phục dữ liệu (npm run restore) / A restore is in progress',
  reset: 'Đang xóa dữ liệu (npm run reset) / A reset is in progress',
};

/** What the process asking for the lock wants to do, for the refusal's last line. */
const WANTED: Record<PortalLock['purpose'], { vi: string; en: string }> = {
  start: { vi: 'khởi động cổng', en: 'start the portal' },
  restore: { vi: 'khôi phục', en: 'restore a backup' },
  reset: { vi: 'xóa dữ liệu', en: 'reset the data' },
};

export class PortalLockedError extends Error {
  readonly lock: PortalLock;
  constructor(lock: PortalLock, wanted: PortalLock['purpose']) {
    super(
      `${WHAT[lock.purpose]}: pid ${lock.pid}, since ${lock.startedAt}.\n` +
        `Dừng tiến trình đó trước khi ${WANTED[wanted].vi} / Stop it before you ${WANTED[wanted].en}.`,
    );
    this.lock = lock;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a live process on this data folder, if any (a stale or unreadable file counts as none). */
export async function liveLock(dataDir: string): Promise<PortalLock | undefined> {
  const text = await readFile(path.join(dataDir, LOCK_FILE_NAME), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let parsed: ReturnType<typeof LockSchema.safeParse>;
  try {
    parsed = LockSchema.safeParse(JSON.parse(text));
  } catch {
    return undefined;
  }
  if (!parsed.success || parsed.data.pid === process.pid || !isAlive(parsed.data.pid)) return undefined;
  return parsed.data;
}

/**
 * Takes the data folder for this process; throws PortalLockedError (whose message names the holder) when
 * another live process has it.
 */
export async function acquirePortalLock(
  dataDir: string,
  purpose: PortalLock['purpose'],
): Promise<{ release(): Promise<void> }> {
  await makePrivateDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const lock: PortalLock = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(file, `${JSON.stringify(lock)}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = await liveLock(dataDir);
      if (holder) throw new PortalLockedError(holder, purpose);
      await rm(file, { force: true }); // stale: its process is gone
    }
  }
  return {
    async release() {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current.includes(`"pid":${process.pid},`)) await rm(file, { force: true });
    },
  };
}
