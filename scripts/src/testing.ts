/**
 * Helpers for integration and browser tests: a throwaway data folder, the real services on free
 * ports with a fresh index prefix, and an editor's session on the CMS admin API.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBackend, type Backend } from './portal.ts';
import { loadOrCreateSecrets, type Secrets } from './secrets.ts';
import { freePort, type SiteBuildEnv } from './services/index.ts';

export const TEST_ADMIN_EMAIL = 'bientap@portal.test';

export interface TestBackend extends Backend {
  dir: string;
  secrets: Secrets;
  indexPrefix: string;
  /** Stops the services and deletes the data folder. */
  dispose(): Promise<void>;
}

/**
 * Optimised images shared by the tests' site builds: keyed by content (site/src/lib/image-service.ts), so a
 * cover made by one test run is reused by the next and by other test files, whatever CMS port they got.
 */
export const TEST_IMAGE_CACHE_DIR = path.join(os.tmpdir(), 'portal-test-image-cache');

export async function startTestBackend(options: {
  demoContent: boolean;
  /** Extra CMS settings (e.g. a faster PORTAL_SCHEDULE_CRON). */
  cmsEnv?: NodeJS.ProcessEnv;
  /**
   * A data folder to keep (a benchmark's seeded CMS, reused between runs): created when missing, never
   * removed by dispose(); its secrets and index prefix stay the same from run to run. Default: a temp folder.
   */
  keptDir?: string;
}): Promise<TestBackend> {
  const dir = options.keptDir ?? (await mkdtemp(path.join(os.tmpdir(), 'portal-test-')));
  if (options.keptDir) await mkdir(dir, { recursive: true, mode: 0o700 });
  const { secrets } = await loadOrCreateSecrets(dir, {});
  const indexPrefix = options.keptDir ? 'bench_' : `test_${randomBytes(4).toString('hex')}_`;
  try {
    const backend = await startBackend({
      dataDir: dir,
      logDir: path.join(dir, 'logs'),
      secrets,
      cmsPort: await freePort(),
      meili: { port: await freePort(), maxIndexingThreads: 1 },
      indexPrefix,
      adminEmail: TEST_ADMIN_EMAIL,
      demoContent: options.demoContent,
      cmsEnv: { DATABASE_CLIENT: 'sqlite', ...options.cmsEnv },
    });
    return {
      ...backend,
      dir,
      secrets,
      indexPrefix,
      async dispose() {
        await backend.stop();
        if (!options.keptDir) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    // Keep the folder: its logs explain the failure.
    console.error(`Test backend failed to start; logs are in ${path.join(dir, 'logs')}`);
    throw error;
  }
}

/** What a site build of a test backend needs, but where it writes: its CMS, its token, its search index and key. */
export function backendBuildEnv(backend: TestBackend, searchKey: string): Omit<SiteBuildEnv, 'outDir'> {
  return {
    cmsUrl: backend.cmsUrl,
    cmsToken: backend.secrets.PORTAL_SITE_TOKEN,
    meiliUrl: backend.meili.url,
    meiliSearchKey: searchKey,
    meiliIndexPrefix: backend.indexPrefix,
  };
}

/** The super admin's confirmation of publishing without review (cms/src/editorial/stages.ts owns the name). */
export const CONFIRM_UNREVIEWED = { 'x-portal-confirm-unreviewed': 'true' };

/**
 * An admin-panel session (what an editor's browser holds), for writing content as a person would.
 * Without credentials, the test super admin's.
 */
export async function adminSession(backend: TestBackend, credentials?: { email: string; password: string }) {
  const login = credentials ?? { email: TEST_ADMIN_EMAIL, password: backend.secrets.PORTAL_ADMIN_PASSWORD };
  const answer = await fetch(`${backend.cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(login),
  });
  if (!answer.ok) throw new Error(`Admin login failed: HTTP ${answer.status} ${await answer.text()}`);
  const { data } = (await answer.json()) as { data: { token: string; user: { id: number } } };

  /** Any admin API call; the answer as it came (tests of refusals read status and error). */
  const request = async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${backend.cmsUrl}${pathname}`, {
      method,
      headers: {
        ...(isForm ? {} : { 'Content-Type': 'application/json' }),
        Authorization: `Bearer ${data.token}`,
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as {
      data?: Record<string, unknown>;
      error?: {
        status: number;
        name: string;
        message: string;
        details?: { errors?: Array<{ path: string[]; message: string }> };
      };
    } | null;
    return { status: response.status, data: json?.data, error: json?.error, body: json as unknown };
  };
  const call = async (method: string, pathname: string, body?: unknown, headers?: Record<string, string>) => {
    const answer = await request(method, pathname, body, headers);
    if (answer.status >= 400)
      throw new Error(`${method} ${pathname}: HTTP ${answer.status} ${JSON.stringify(answer.error)}`);
    return answer.data ?? {};
  };
  const base = (uid: string) => `/content-manager/collection-types/${uid}`;
  return {
    request,
    base,
    /** The logged-in admin user's id. */
    userId: data.user.id,
    /** What the user types on the panel's login page (browser tests). */
    login,
    /**
     * Publishes an existing document. Tests that set content up as the super admin skip the review chain, so
     * this confirms an unreviewed publication as the panel's "Xuất bản không qua duyệt" does (the header is
     * cms/src/editorial/stages.ts CONFIRM_UNREVIEWED_HEADER); other roles' publications ignore it.
     */
    publish: (uid: string, documentId: string) =>
      call('POST', `${base(uid)}/${documentId}/actions/publish`, {}, CONFIRM_UNREVIEWED),
    /** Updates the draft of a document. */
    update: (uid: string, documentId: string, data: Record<string, unknown>) =>
      call('PUT', `${base(uid)}/${documentId}`, data),
    /** Saves a draft, as "Save" in the admin panel does. */
    createDraft: (uid: string, data: Record<string, unknown>) => call('POST', base(uid), data),
    /** Creates and publishes in one step, as "Publish" on a new entry does. */
    createPublished: (uid: string, data: Record<string, unknown>) =>
      call('POST', `${base(uid)}/actions/publish`, data, CONFIRM_UNREVIEWED),
  };
}

/** POSTs a GraphQL query to the CMS with the given bearer token (or none). */
export async function graphql(
  cmsUrl: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] },
  };
}

export type AdminSession = Awaited<ReturnType<typeof adminSession>>;

/**
 * Creates an admin user with the named role (as a super admin does in Settings → Users), completes the
 * invitation and returns that user's session.
 */
export async function createAdminUser(
  backend: TestBackend,
  superAdmin: AdminSession,
  user: { email: string; firstname: string; roleName: string },
): Promise<AdminSession> {
  const roles = await superAdmin.request('GET', '/admin/roles');
  const role = (roles.data as unknown as Array<{ id: number; name: string }>).find((r) => r.name === user.roleName);
  if (!role) throw new Error(`No admin role named ${user.roleName}`);
  const created = await superAdmin.request('POST', '/admin/users', {
    email: user.email,
    firstname: user.firstname,
    lastname: 'Thử nghiệm',
    roles: [role.id],
  });
  if (created.status >= 400) throw new Error(`Creating ${user.email}: ${JSON.stringify(created.error)}`);
  const { id, registrationToken } = created.data as { id: number; registrationToken: string };
  const password = `Thu-nghiem-${id}-Aa1`;
  const registered = await fetch(`${backend.cmsUrl}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken,
      userInfo: { firstname: user.firstname, lastname: 'Thử nghiệm', password },
    }),
  });
  if (!registered.ok)
    throw new Error(`Registering ${user.email}: HTTP ${registered.status} ${await registered.text()}`);
  return adminSession(backend, { email: user.email, password });
}
