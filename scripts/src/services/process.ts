/**
 * Child processes of the portal (Meilisearch, Strapi, the site server in tests): started with their
 * output in a log file, awaited until they answer over HTTP, and stopped with the parent, so a crash,
 * a failed start or Ctrl-C leaves no orphan behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A failure with a message meant for the person at the terminal: no stack trace needed. */
export class StartError extends Error {}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ManagedProcess {
  name: string;
  logFile: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  stop(graceMs?: number): Promise<void>;
}

export async function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Run with this umask (e.g. 0o077: everything it creates is the owner's only). */
  umask?: number;
}): Promise<ManagedProcess> {
  // Logs may name editors and entries: the owner's only, like the rest of the data folder.
  await mkdir(path.dirname(options.logFile), { recursive: true, mode: 0o700 });
  const log = createWriteStream(options.logFile, { flags: 'a', mode: 0o600 });
  // A log that cannot be written (a full disk) loses lines; it must not take the portal down.
  log.on('error', () => {});
  log.write(
    `\n--- ${new Date().toISOString()} ${options.name} starting: ${options.command} ${options.args.join(' ')}\n`,
  );

  // Node cannot set a child's umask; a shell sets it and then becomes the command (exec).
  const [command, args] =
    options.umask === undefined
      ? [options.command, options.args]
      : [
          '/bin/sh',
          [
            '-c',
            `umask ${options.umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`,
            options.command,
            ...options.args,
          ],
        ];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  running.add(child);

  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (error) => {
      log.write(`${options.name} could not be started: ${error.message}\n`);
      running.delete(child);
      resolve(error.message);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      log.write(`--- ${options.name} exited (${signal ?? code})\n`);
      resolve(signal ?? code ?? 'unknown');
    });
  });

  return {
    name: options.name,
    logFile: options.logFile,
    child,
    exited,
    async stop(graceMs = 10_000) {
      if (!running.has(child)) return;
      child.kill('SIGTERM');
      const ended = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!ended) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits until GET url answers 2xx; fails early, naming the log, if the process dies first. */
export async function waitUntilReady(
  service: ManagedProcess,
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: number | string | undefined;
  void service.exited.then((code) => {
    exit = code;
  });
  while (Date.now() < deadline) {
    if (exit !== undefined) {
      throw new StartError(
        `${service.name} stopped before it was ready (exit ${exit}). Its log is ${service.logFile}:\n${await tail(service.logFile)}`,
      );
    }
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await service.stop();
  throw new StartError(
    `${service.name} did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s. Its log is ${service.logFile}:\n${await tail(service.logFile)}`,
  );
}

/** The last lines of a log file, indented, for error messages. */
export async function tail(file: string, lines = 15): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((line) => `    ${line}`)
      .join('\n');
  } catch {
    return '    (no log yet)';
  }
}

/** Throws a StartError naming the setting to change when something already listens on the port. */
export async function assertPortFree(port: number, setting: string, host = '127.0.0.1'): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new StartError(
      `Port ${port} on ${host} is already in use, so it cannot be used for ${setting}. ` +
        `Stop the program using it (see \`ss -ltnp 'sport = :${port}'\`) or choose another port with ${setting}=<port>.`,
    );
  }
}

/** A port that is free now on 127.0.0.1 (for tests: each service gets its own). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
