/**
 * `npm test`: every *.test.ts in the workspaces with Node's own test runner. The CMS is compiled
 * once here because the integration and browser tests each start it; the runner's summary closes
 * the output and its exit code is ours.
 */
import { spawn } from 'node:child_process';
import { glob, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './config.ts';
import { buildCmsIfNeeded, StartError } from './services/index.ts';

const WORKSPACES = ['search', 'scripts', 'cms', 'site'];
const SHARED_PORTAL = 'site/tests/shared-portal.ts';

async function main(): Promise<number> {
  const filter = process.argv.slice(2);
  const files: string[] = [];
  for (const workspace of WORKSPACES) {
    for await (const file of glob(`${workspace}/**/*.test.ts`, {
      cwd: REPO_ROOT,
      exclude: (name) => name === 'node_modules' || name === 'dist' || name === '.astro',
    })) {
      if (filter.length === 0 || filter.some((part) => file.includes(part))) files.push(file);
    }
  }
  if (files.length === 0) {
    console.error(`No test files match ${filter.join(' ')}`);
    return 1;
  }
  // Unit tests first, then the slower ones that start services.
  files.sort((a, b) => Number(a.includes('/tests/')) - Number(b.includes('/tests/')) || a.localeCompare(b));

  const buildLog = path.join(os.tmpdir(), 'portal-test-cms-build.log');
  try {
    await buildCmsIfNeeded(buildLog, (line) => console.log(line));
  } catch (error) {
    if (error instanceof StartError) console.error(error.message);
    throw error;
  }

  // The browser tests that only read share one portal (site/tests/shared-portal.ts), started once here
  // as Node's global test setup, when more than one of them runs.
  const sharing: string[] = [];
  for (const file of files) {
    if ((await readFile(path.join(REPO_ROOT, file), 'utf8')).includes('usePortal()')) sharing.push(file);
  }
  const args = [
    '--test',
    ...(sharing.length > 1 ? [`--test-global-setup=${SHARED_PORTAL}`] : []),
    '--test-concurrency=1',
    '--test-timeout=900000',
    '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
    ...files,
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
