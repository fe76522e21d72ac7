/**
 * The publisher's long-lived site builder: the build step of services/site.ts run in one Node process
 * (site-builder-process.ts) kept between publishes, instead of a new `astro build` process each time.
 * At 50k entries a one-shot publish build spent ~1 s starting Node and Astro and 0.7-2 s reading and
 * deserialising the kept content snapshot again, plus the garbage collection of those ~320 MB, to render
 * a few dozen pages; the builder keeps them (README, "Publishing the site", has the measurements).
 *
 * One build at a time (the publisher runs one anyway). A build that fails, is aborted (the publisher's
 * timeout, its stop) or whose process dies ends the process: the next build starts a new one, which
 * reads the snapshot from disk, as a one-shot build does. The process also ends after `idleMs` without
 * a build (its memory, 2-3.8 GB resident at 50k entries, goes back to the machine) and is replaced after
 * `maxBuilds` builds or once it holds more than `maxRssBytes` (each build imports a freshly bundled copy
 * of the site's code, which Node keeps).
 *
 * Its output goes to the log of the build that runs, framed by the same "--- … Site build starting" and
 * "--- Site build exited (code)" lines as a one-shot build's (scripts/bench/build-phases.ts reads them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartError, tail } from './process.ts';

const CHILD = fileURLToPath(new URL('./site-builder-process.ts', import.meta.url));

export interface SiteBuilderOptions {
  /** The folder Astro builds (site/). */
  cwd: string;
  /** The process ends after this long without a build (ms). */
  idleMs: number;
  /** Replaced after this many builds… */
  maxBuilds?: number;
  /** …or once its resident memory after a build is above this. */
  maxRssBytes?: number;
  /** The process's script (tests give one that answers without building). */
  script?: string;
}

interface Running {
  child: ChildProcess;
  exited: Promise<string>;
  builds: number;
  /** The running build's log, which its output goes to… */
  log: WriteStream | undefined;
  /** …or, between builds, the last build's log file. */
  lastLogFile: string | undefined;
}

type Answer = { type: 'built'; id: number; rss: number } | { type: 'failed'; id: number; message: string };

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class SiteBuilder {
  private process: Running | undefined;
  private idle: NodeJS.Timeout | undefined;
  private ids = 0;
  private busy = false;
  private readonly options: SiteBuilderOptions;

  constructor(options: SiteBuilderOptions) {
    this.options = options;
  }

  /** The builder's process id while it runs (tests stop it mid-build). */
  get pid(): number | undefined {
    return this.process?.child.pid;
  }

  /**
   * Runs one build with these settings (set into the process's environment), its output appended to
   * logFile. Rejects when it fails, with the log's tail; when the signal aborts, kills the process and
   * rejects with the signal's reason.
   */
  async build(env: Record<string, string>, logFile: string, signal?: AbortSignal): Promise<void> {
    if (this.busy) throw new Error('The site builder is already building');
    this.busy = true;
    clearTimeout(this.idle);
    try {
      signal?.throwIfAborted();
      await mkdir(path.dirname(logFile), { recursive: true, mode: 0o700 });
      const log = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
      // A log that cannot be written (a full disk) loses lines; it must not take the portal down.
      log.on('error', () => {});
      const current = this.process ?? this.start(env);
      this.process = current;
      current.log = log;
      current.lastLogFile = logFile;
      const id = (this.ids += 1);
      log.write(
        `\n--- ${new Date().toISOString()} Site build starting: build ${current.builds + 1} of the site builder (pid ${current.child.pid})\n`,
      );
      const answer = await new Promise<Answer | string>((resolve) => {
        const onMessage = (message: unknown) => {
          const answer = message as Partial<Answer> | null;
          if (answer?.id !== id || (answer.type !== 'built' && answer.type !== 'failed')) return;
          done(answer as Answer);
        };
        const kill = () => current.child.kill('SIGKILL');
        const done = (result: Answer | string) => {
          current.child.off('message', onMessage);
          signal?.removeEventListener('abort', kill);
          resolve(result);
        };
        current.child.on('message', onMessage);
        signal?.addEventListener('abort', kill, { once: true });
        void current.exited.then(done);
        current.child.send({ type: 'build', id, env }, (error) => {
          if (error) current.child.kill('SIGKILL');
        });
      });
      const built = typeof answer !== 'string' && answer.type === 'built' ? answer : undefined;
      if (!built) await this.stop('SIGKILL');
      const exit = typeof answer === 'string' ? answer : built ? '0' : '1';
      current.log = undefined;
      const memory = built ? `; site builder RSS ${(built.rss / 1024 ** 3).toFixed(2)} GB` : '';
      await new Promise<void>((resolve) => log.end(`--- Site build exited (${exit})${memory}\n`, () => resolve()));
      signal?.throwIfAborted();
      if (!built) {
        const why = typeof answer === 'string' ? `exit ${answer}` : answer.type === 'failed' ? answer.message : '';
        throw new StartError(`Site build failed (${why}). Its log is ${logFile}:\n${await tail(logFile, 30)}`);
      }
      current.builds += 1;
      const { maxBuilds = 200, maxRssBytes = 6 * 1024 ** 3 } = this.options;
      if (current.builds >= maxBuilds || built.rss > maxRssBytes) await this.stop('SIGTERM');
    } finally {
      this.busy = false;
      if (this.process) {
        this.idle = setTimeout(() => void this.stop('SIGTERM'), this.options.idleMs);
        this.idle.unref();
      }
    }
  }

  /** Stops the process (a build it runs fails). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    await this.stop('SIGTERM');
  }

  private start(env: Record<string, string>): Running {
    const child = spawn(process.execPath, [this.options.script ?? CHILD], {
      cwd: this.options.cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    running.add(child);
    const started: Running = {
      child,
      builds: 0,
      log: undefined,
      lastLogFile: undefined,
      exited: new Promise<string>((resolve) => {
        child.once('error', (error) => resolve(error.message));
        child.once('exit', (code, signal) => {
          running.delete(child);
          if (this.process?.child === child) this.process = undefined;
          resolve(String(signal ?? code ?? 'unknown'));
        });
      }),
    };
    const write = (chunk: Buffer) => {
      if (started.log) started.log.write(chunk);
      else if (started.lastLogFile) void appendFile(started.lastLogFile, chunk).catch(() => {});
    };
    child.stdout?.on('data', write);
    child.stderr?.on('data', write);
    return started;
  }

  private async stop(signal: NodeJS.Signals): Promise<void> {
    const current = this.process;
    if (!current) return;
    this.process = undefined;
    if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal);
    const killed = setTimeout(() => current.child.kill('SIGKILL'), 5_000);
    await current.exited;
    clearTimeout(killed);
  }
}
