/**
 * The data folder holds drafts, password hashes, editors' e-mails, secrets and logs: only the user
 * running the portal may read it. Folders are 0700 and files 0600, both for what `npm start` creates
 * (its services run with umask 077, see services/process.ts) and for a folder made by an older version,
 * which restrictDataFolder() tightens on every start.
 */
import { chmod, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/**
 * Written by `npm run restore`, read (and removed) by the next `npm start`, which then rebuilds the search
 * index from the restored CMS instead of only reconciling it.
 */
export const REINDEX_MARKER = 'reindex-on-start';
/** What the portal's own processes create: owner only. */
export const PRIVATE_UMASK = 0o077;

/** Creates a folder (and its parents) readable by the owner only. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/**
 * Sets 0700 on every folder and 0600 on every file under `dir` (symbolic links are left alone).
 * `except` names folders left as they are: the built public site, which holds only published pages
 * and which a web server may need to read (see PORTAL_SITE_DIR).
 */
export async function restrictDataFolder(
  dir: string,
  options: { except?: readonly string[] } = {},
): Promise<{ folders: number; files: number }> {
  const counts = { folders: 0, files: 0 };
  const except = new Set((options.except ?? []).map((folder) => path.resolve(folder)));
  const walk = async (current: string): Promise<void> => {
    if (except.has(path.resolve(current))) return;
    const info = await lstat(current).catch(() => undefined);
    if (!info || info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      if ((info.mode & 0o777) !== PRIVATE_DIR_MODE) await chmod(current, PRIVATE_DIR_MODE);
      counts.folders += 1;
      for (const entry of await readdir(current)) await walk(path.join(current, entry));
    } else if (info.isFile()) {
      if ((info.mode & 0o777) !== PRIVATE_FILE_MODE) await chmod(current, PRIVATE_FILE_MODE);
      counts.files += 1;
    }
  };
  await walk(dir);
  return counts;
}

/**
 * Hands the first super admin's login to the CMS through a private file instead of its environment
 * (which other code in the process, crash reports and /proc/<pid>/environ would keep). The CMS deletes
 * the file once the admin exists (cms/src/bootstrap/admin-user.ts).
 */
export async function writeFirstAdminFile(
  dataDir: string,
  login: { email: string; password: string },
): Promise<string> {
  const file = path.join(dataDir, 'cms', 'first-admin.json');
  await makePrivateDir(path.dirname(file));
  await rm(file, { force: true });
  await writeFile(file, JSON.stringify(login), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return file;
}
