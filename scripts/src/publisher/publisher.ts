/**
 * The site publisher: keeps the public site in step with the CMS for as long as the portal runs.
 *
 * It runs in the orchestrator's process (npm start, or a service beside the CMS in production), not
 * inside Strapi: a build is a tree of child processes that needs a gigabyte and minutes of CPU, the
 * release folders and the static server belong to this side, and the CMS stays free to answer
 * editors (and can be restarted or scaled) while a build runs. Durability comes from the CMS's site
 * outbox (cms/src/site-publish/): a change is a row written with the change itself, claimed by a
 * build before it starts reading and deleted only once that build is live. If either process dies,
 * the rows are still there, and the next build (which always starts after them) carries them.
 *
 * One build at a time: the loop below never overlaps itself. A change that arrives during a build is
 * not claimed by it, so it triggers the next one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { ChangeQueue, SiteChange } from './cms-queue.ts';
import {
  activateRelease,
  completeRelease,
  currentRelease,
  prepareRelease,
  pruneReleases,
  readRollback,
  releasePaths,
  removePartialReleases,
} from './releases.ts';
import { nextStep, retryDelay, type FailureState, type PublishTiming, type QueueSnapshot } from './schedule.ts';

export interface BuildRecord {
  release: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Changes this build carried. */
  changes: number;
  reason: string;
}

/** What the publisher writes to <site>/publisher-state.json (read by `npm run site:status`). */
export interface PublisherState {
  pid: number;
  updatedAt: string;
  current: string | null;
  running: { release: string; startedAt: string; reason: string } | null;
  lastSuccess: BuildRecord | null;
  lastFailure: (BuildRecord & { error: string; attempts: number; nextRetryAt: string | null }) | null;
  queue: (QueueSnapshot & { checkedAt: string }) | null;
  /** The CMS could not be asked (down or restarting): the error, until it answers again. */
  cmsError: string | null;
  builds: { succeeded: number; failed: number };
}

export interface PublisherOptions {
  siteRoot: string;
  queue: ChangeQueue;
  /**
   * Builds the whole site into outDir; must reject on failure and stop when the signal aborts.
   * `changes`: the entries this build's claim carries, so it may re-read only those; null when the
   * build must read everything (the forced build at start-up, or too many changes to list).
   */
  build(outDir: string, signal: AbortSignal, changes: SiteChange[] | null): Promise<void>;
  /** Releases what builds keep between them (a long-lived build process), once the publisher stopped. */
  close?(): Promise<void>;
  timing: PublishTiming;
  /** Releases kept on disk (the current one always is). */
  keep: number;
  buildTimeoutMs: number;
  log?: (line: string) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readPublisherState(siteRoot: string): Promise<PublisherState | undefined> {
  try {
    return JSON.parse(await readFile(releasePaths(siteRoot).stateFile, 'utf8')) as PublisherState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export class Publisher {
  private readonly log: (line: string) => void;
  private failure: FailureState | undefined;
  private forced: string | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  /** Old releases being removed, one prune after another, beside the next build (never before it). */
  private pruning: Promise<void> = Promise.resolve();
  private abort: AbortController | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly waiters: Array<{
    after: number;
    rejectOnFailure: boolean;
    resolve: (release: string) => void;
    reject: (e: Error) => void;
  }> = [];
  private state: PublisherState = {
    pid: process.pid,
    updatedAt: new Date().toISOString(),
    current: null,
    running: null,
    lastSuccess: null,
    lastFailure: null,
    queue: null,
    cmsError: null,
    builds: { succeeded: 0, failed: 0 },
  };
  /** Successful builds by this process, counted for tests and status. */
  succeeded = 0;
  /** When the last build (succeeded or failed) ended, by this process's clock. */
  private lastBuildEndedAt: number | undefined;
  /** The time of the last rollback passed on to the CMS. */
  private rollbackReported: number | undefined;

  private readonly options: PublisherOptions;

  constructor(options: PublisherOptions) {
    this.options = options;
    this.log = options.log ?? (() => {});
  }

  /**
   * Starts the loop. `initialBuild` builds once right away, whatever the queue says (a new version of
   * the site's code, or the first start, must reach the public site too).
   */
  async start(initialBuild?: string): Promise<void> {
    await mkdir(this.options.siteRoot, { recursive: true });
    const previous = await readPublisherState(this.options.siteRoot).catch(() => undefined);
    if (previous) this.state = { ...previous, pid: process.pid, running: null };
    this.state.current = (await currentRelease(this.options.siteRoot)) ?? null;
    this.forced = initialBuild;
    this.loop = this.run();
  }

  /**
   * Resolves with the release name once a build that started after this call is live; with
   * rejectOnFailure, rejects when such a build fails instead of waiting for a retry.
   */
  nextRelease(options: { rejectOnFailure?: boolean } = {}): Promise<string> {
    return new Promise((resolve, reject) =>
      this.waiters.push({ after: Date.now(), rejectOnFailure: options.rejectOnFailure ?? false, resolve, reject }),
    );
  }

  /** Look at the queue now (a test, or a hint that something changed). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops after killing a running build (its partial folder is removed on the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort?.abort(new Error('the publisher is stopping'));
    this.wakeUp?.();
    await this.loop;
    await this.pruning;
    await this.options.close?.();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The publisher stopped'));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let waitMs = this.options.timing.pollMs;
      try {
        if (this.forced) {
          const reason = this.forced;
          this.forced = undefined;
          await this.buildOnce(reason, true);
          this.lastBuildEndedAt = Date.now();
          waitMs = 0;
        } else {
          await this.noticeRollback();
          const queue = await this.options.queue.snapshot();
          if (this.state.cmsError) this.log('Publisher: the CMS answers again.');
          this.state.cmsError = null;
          this.state.queue = { ...queue, checkedAt: new Date().toISOString() };
          const step = nextStep(queue, this.options.timing, this.failure, Date.now(), this.lastBuildEndedAt);
          if (step.build) {
            await this.buildOnce(step.reason);
            this.lastBuildEndedAt = Date.now();
            waitMs = 0;
          } else {
            waitMs = step.waitMs;
            await this.saveState();
          }
        }
      } catch (error) {
        // The CMS is down or restarting: say so once, keep asking.
        if (!this.state.cmsError) this.log(`Publisher: cannot reach the CMS (${message(error)}); will keep trying.`);
        this.state.cmsError = message(error);
        await this.saveState();
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  private async buildOnce(reason: string, forced = false): Promise<void> {
    const { siteRoot } = this.options;
    await removePartialReleases(siteRoot);
    const started = new Date();
    const { name, dir } = await prepareRelease(siteRoot, started);
    // Claimed before the build reads anything: every claimed change is already in what it reads.
    const { queue } = this.options;
    const claim = queue.claimWithChanges
      ? await queue.claimWithChanges(name)
      : { claimed: await queue.claim(name), changes: null };
    const changes = claim.claimed;
    // A forced build (start-up: the site's code or the data folder may be new) reads everything.
    const changed = forced ? null : claim.changes;
    this.state.running = { release: name, startedAt: started.toISOString(), reason };
    await this.saveState();
    this.log(`Publisher: building ${name} (${reason}; ${changes} change(s))…`);
    const record = (): BuildRecord => ({
      release: name,
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Date.now() - started.getTime(),
      changes,
      reason,
    });

    this.abort = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.buildTimeoutMs)]);
    try {
      await this.options.build(dir, signal, changed);
      if (signal.aborted) throw signal.reason;
      await completeRelease(siteRoot, name);
      await activateRelease(siteRoot, name);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      const timedOut =
        (error as Error)?.name === 'TimeoutError' ||
        (signal.reason instanceof Error && signal.reason.name === 'TimeoutError');
      const text = timedOut
        ? `the build took longer than ${this.options.buildTimeoutMs} ms and was stopped`
        : message(error);
      this.state.running = null;
      if (this.stopped) {
        this.log(`Publisher: build ${name} stopped (the portal is stopping); its changes stay queued.`);
        await this.saveState();
        return;
      }
      const attempts = (this.failure?.attempts ?? 0) + 1;
      this.failure = { attempts, at: Date.now() };
      const nextRetryAt = new Date(Date.now() + retryDelay(attempts, this.options.timing)).toISOString();
      this.state.lastFailure = { ...record(), error: text.slice(0, 4000), attempts, nextRetryAt };
      this.state.builds.failed += 1;
      await this.saveState();
      this.log(
        `Publisher: build ${name} FAILED (attempt ${attempts}); citizens still see ${this.state.current ?? 'nothing yet'}. ` +
          `Retrying at ${nextRetryAt}. ${text.split('\n').slice(0, 12).join('\n')}`,
      );
      await this.report();
      for (const waiter of this.waiters.filter((w) => w.rejectOnFailure && w.after <= started.getTime())) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.reject(new Error(`The site build failed: ${text}`));
      }
      return;
    } finally {
      this.abort = undefined;
    }

    const liveAt = Date.now();
    this.failure = undefined;
    this.succeeded += 1;
    this.state.running = null;
    this.state.current = name;
    this.state.lastSuccess = record();
    this.state.builds.succeeded += 1;
    await this.saveState();
    this.log(`Publisher: ${name} is live (${this.state.lastSuccess.durationMs} ms, ${changes} change(s)).`);
    for (const waiter of this.waiters.filter((w) => w.after <= started.getTime())) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(name);
    }
    try {
      await this.options.queue.done(name, liveAt);
    } catch (error) {
      // The rows stay claimed; the next loop sees them and builds again. Harmless, only slower.
      this.log(`Publisher: could not tell the CMS that ${name} is live (${message(error)}); will rebuild.`);
    }
    await this.report();
    // Not awaited: removing a release of 60k files took 36 s at 50k entries, and the changes that came during
    // the build would wait for it. The next prune waits for this one.
    this.pruning = this.pruning.then(async () => {
      try {
        const removed = await pruneReleases(siteRoot, this.options.keep);
        if (removed.length > 0) this.log(`Publisher: removed old release(s) ${removed.join(', ')}.`);
      } catch (error) {
        this.log(`Publisher: could not remove old releases (${message(error)}); will try after the next build.`);
      }
    });
  }

  /**
   * An operator ran `npm run site:rollback` (another process): the served release changed under us.
   * Say so in the state and tell the CMS, so the editors see their later changes are not shown.
   */
  private async noticeRollback(): Promise<void> {
    const rollback = await readRollback(this.options.siteRoot);
    if (!rollback || rollback.at === this.rollbackReported) return;
    const lastSuccess = this.state.lastSuccess ? Date.parse(this.state.lastSuccess.finishedAt) : 0;
    this.state.current = (await currentRelease(this.options.siteRoot)) ?? null;
    if (rollback.at > lastSuccess)
      this.log(`Publisher: the site was rolled back from ${rollback.from} to ${rollback.to}.`);
    if (await this.report()) this.rollbackReported = rollback.at;
  }

  /** Tells the CMS (for the editors' panel) how the last builds went; best effort. */
  private async report(): Promise<boolean> {
    const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
    const failure = this.state.lastFailure;
    try {
      const rollback = (await readRollback(this.options.siteRoot)) ?? null;
      await this.options.queue.report?.({
        lastSuccessAt: time(this.state.lastSuccess?.finishedAt),
        lastFailureAt: time(failure?.finishedAt),
        nextRetryAt: time(failure?.nextRetryAt),
        rollback,
      });
      return true;
    } catch (error) {
      this.log(`Publisher: could not report its status to the CMS (${message(error)}).`);
      return false;
    }
  }

  private async saveState(): Promise<void> {
    this.state.updatedAt = new Date().toISOString();
    const file = releasePaths(this.options.siteRoot).stateFile;
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(this.state, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
  }
}
