/** The publisher's client of the CMS's site outbox (cms/src/site-publish/routes.ts). */
import type { QueueSnapshot } from './schedule.ts';

/** An entry whose change a build carries (cms/src/site-publish/outbox.ts). */
export interface SiteChange {
  uid: string;
  documentId: string;
}

export interface ChangeQueue {
  snapshot(): Promise<QueueSnapshot>;
  /** Gives every pending change to this build; returns how many. */
  claim(build: string): Promise<number>;
  /**
   * The same claim, with the distinct entries it carries (null: too many to list), so the build
   * re-reads only those. A queue without it gives builds no list: each reads everything.
   */
  claimWithChanges?(build: string): Promise<{ claimed: number; changes: SiteChange[] | null }>;
  /** The build is live: its changes are done. */
  done(build: string, liveAt: number): Promise<number>;
  /** The publisher's health for the editors (times in ms since the epoch). */
  report?(status: {
    lastSuccessAt: number | null;
    lastFailureAt: number | null;
    nextRetryAt: number | null;
    /** The last `npm run site:rollback`, if any. */
    rollback?: { at: number; from: string; to: string } | null;
  }): Promise<void>;
}

export function cmsChangeQueue(cmsUrl: string, token: string): ChangeQueue {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', pathname: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${cmsUrl}/api/portal-publisher${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      throw new Error(
        `CMS answered ${method} ${pathname} with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    return (await response.json()) as T;
  };
  return {
    snapshot: () => call<QueueSnapshot>('GET', '/queue'),
    claim: async (build) => (await call<{ claimed: number }>('POST', '/claim', { build })).claimed,
    claimWithChanges: async (build) => {
      const answer = await call<{ claimed: number; changes?: SiteChange[] | null }>('POST', '/claim', { build });
      return { claimed: answer.claimed, changes: answer.changes ?? null };
    },
    done: async (build, liveAt) => (await call<{ done: number }>('POST', '/done', { build, liveAt })).done,
    report: async (status) => {
      await call('PUT', '/status', status);
    },
  };
}
