/**
 * Question submission benchmark: a real CMS (empty SQLite database) on loopback takes A accepted
 * questions, each with a solved proof-of-work (challenges fetched and solved beforehand, so the figures
 * are the server's: validation, proof verification and replay store, rate-limit row, the question with its
 * audit and outbox rows), then R rejected ones (invalid fields), from C concurrent clients, each request
 * from its own client address so the rate limit does not interfere. Prints requests/s and p50/p99 latency
 * per phase and writes them with the load average to scripts/bench/results/submit.json.
 *
 *   node scripts/bench/submit.ts [--accepted 300] [--rejected 2000] [--clients 16] [--out <file>]
 *                                [--cpu-prof <dir>]
 *
 * With --cpu-prof the CMS runs under `node --cpu-prof` (profile written to <dir> when it stops) and each
 * phase's share of CPU by project module, package and Strapi middleware is printed (cpu-profile.ts) and
 * kept in the JSON.
 *
 * The proof-of-work cost is lowered here (QA_POW_COST) so solving does not dominate the set-up; the
 * server verifies the signed key without re-deriving it, so its cost does not depend on that setting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import { printSummary, summarize, type CpuProfile } from './cpu-profile.ts';
import { CONSENT } from '../../cms/src/questions/questions.ts';
import { REPO_ROOT } from '../src/config.ts';
import { buildCmsIfNeeded } from '../src/services/index.ts';
import { adminSession, startTestBackend } from '../src/testing.ts';

const ArgsSchema = z.object({
  accepted: z.coerce.number().int().min(1).max(10_000).default(300),
  rejected: z.coerce.number().int().min(1).max(100_000).default(2000),
  clients: z.coerce.number().int().min(1).max(256).default(16),
  out: z
    .string()
    .min(1)
    .default(path.join(import.meta.dirname, 'results', 'submit.json')),
  'cpu-prof': z.string().min(1).optional(),
});
const args = parseBenchArgs(ArgsSchema, {
  accepted: { type: 'string' },
  rejected: { type: 'string' },
  clients: { type: 'string' },
  out: { type: 'string' },
  'cpu-prof': { type: 'string' },
});
const profileDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : null;
/** The monotonic clock in µs, the one V8's profile timestamps use. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const cmsRequire = createRequire(path.join(REPO_ROOT, 'cms', 'package.json'));
const { solveChallenge } = cmsRequire('altcha-lib') as {
  solveChallenge: (options: { challenge: unknown; deriveKey: unknown }) => Promise<unknown>;
};
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2') as { deriveKey: unknown };

/**
 * The CMS process's CPU time so far (user + system, ms), read from /proc: unlike requests/s it hardly depends
 * on what else the machine runs, so before/after comparisons hold on a busy machine. Null off Linux.
 */
function cmsProcess(cmsUrl: string): (() => number) | null {
  const port = new URL(cmsUrl).port;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('strapi.js\0start')) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) continue;
      return () => {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        // utime and stime, in clock ticks (100 per second on Linux).
        return (Number(fields[11]) + Number(fields[12])) * 10;
      };
    } catch {
      // A process that ended or is not ours to read.
    }
  }
  return null;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function post(agent: http.Agent, url: string, client: string, body: unknown): Promise<number> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, 'X-Forwarded-For': client },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', () => resolve(-1));
    request.end(data);
  });
}

async function phase(
  name: string,
  bodies: unknown[],
  url: string,
  clients: number,
  offset: number,
  cpu: (() => number) | null,
) {
  const cpuBefore = cpu?.() ?? null;
  const fromUs = monotonicUs();
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) {
        const index = next++;
        const client = `10.${((index + offset) >> 16) & 255}.${((index + offset) >> 8) & 255}.${(index + offset) & 255}`;
        const t0 = performance.now();
        const status = await post(agent, url, client, bodies[index]);
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpu && cpuBefore !== null ? cpu() - cpuBefore : null;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    name,
    requests: bodies.length,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Number((bodies.length / seconds).toFixed(1)),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    /** CMS CPU time per request (ms), and the requests/s one core would serve at that cost. */
    cmsCpuMsPerRequest: cpuMs === null ? null : Number((cpuMs / bodies.length).toFixed(2)),
    perSecondPerCore: cpuMs ? Number(((bodies.length * 1000) / cpuMs).toFixed(0)) : null,
    statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
    window: { fromUs, toUs: monotonicUs() },
  };
  console.log(
    `${name}: ${result.requests} in ${result.seconds} s → ${result.perSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, CMS CPU ${result.cmsCpuMsPerRequest} ms/request (${result.perSecondPerCore}/s per core), statuses ${JSON.stringify(result.statuses)}`,
  );
  return result;
}

await buildCmsIfNeeded(path.join(os.tmpdir(), 'portal-bench-build.log'), console.log);
if (profileDir) await mkdir(profileDir, { recursive: true });
const profilesBefore = new Set(profileDir ? await readdir(profileDir) : []);
const backend = await startTestBackend({
  demoContent: false,
  cmsEnv: {
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    PROXY_TRUSTED_HOPS: '1',
    QA_LIMIT_WITH_PROOF: '1000000',
    QA_LIMIT_WITHOUT_PROOF: '1000000',
    QA_POW_COST: '10',
    QA_POW_MAX_COUNTER: '500',
  },
});
try {
  const admin = await adminSession(backend);
  const fieldId = String((await admin.createDraft('api::field.field', { name: 'Đất đai' })).documentId);
  const question = (i: number) => ({
    hoTen: 'Nguyễn Văn Thử',
    email: `thu${i}@example.vn`,
    linhVuc: fieldId,
    tieuDe: `Câu hỏi thử tải số ${i} về thủ tục đất đai`,
    noiDung: 'Xin hỏi thời hạn giải quyết thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu là bao lâu?',
    dongY: true,
    phienBanDongY: CONSENT.version,
  });
  console.log(`Solving ${args.accepted} proof-of-work challenges…`);
  const accepted = [];
  for (let i = 0; i < args.accepted; i++) {
    const challenge: unknown = await (await fetch(`${backend.cmsUrl}/api/hoi-dap/thu-thach`)).json();
    const solution = await solveChallenge({ challenge, deriveKey });
    accepted.push({ ...question(i), altcha: Buffer.from(JSON.stringify({ challenge, solution })).toString('base64') });
  }
  const rejected = Array.from({ length: args.rejected }, (_, i) => ({ ...question(i), tieuDe: 'x', email: 'sai' }));
  const url = `${backend.cmsUrl}/api/hoi-dap/cau-hoi`;
  const cpu = cmsProcess(backend.cmsUrl);
  const results = [
    await phase('accepted (with proof-of-work)', accepted, url, args.clients, 0, cpu),
    await phase('rejected (invalid fields)', rejected, url, args.clients, 100_000, cpu),
  ];
  await backend.dispose();
  const profiles = [];
  if (profileDir) {
    // Written by the CMS as it stopped.
    const written = (await readdir(profileDir)).filter(
      (name) => name.endsWith('.cpuprofile') && !profilesBefore.has(name),
    );
    const sizes = await Promise.all(written.map(async (name) => (await stat(path.join(profileDir, name))).size));
    const file = written[sizes.indexOf(Math.max(...sizes))];
    if (!file) console.error(`No CPU profile was written to ${profileDir}`);
    else {
      const profile = JSON.parse(await readFile(path.join(profileDir, file), 'utf8')) as CpuProfile;
      for (const result of results) {
        const summary = summarize(profile, { from: result.window.fromUs, to: result.window.toUs });
        console.log(`\n=== ${result.name} (${path.join(profileDir, file)}) ===`);
        printSummary(summary, 20, result.requests);
        const perRequest = (rows: Array<[string, number]>) =>
          Object.fromEntries(rows.slice(0, 15).map(([name, ms]) => [name, Number((ms / result.requests).toFixed(3))]));
        profiles.push({
          phase: result.name,
          sampledMs: Number(summary.sampledMs.toFixed(0)),
          selfMsPerRequest: perRequest(summary.self),
          inclusiveMsPerRequest: perRequest(summary.inclusive),
          ourFunctionsMsPerRequest: perRequest(summary.ourFunctions),
        });
      }
    }
  }
  const report = {
    at: new Date().toISOString(),
    clients: args.clients,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    cpus: os.cpus().length,
    database: 'sqlite',
    results: results.map(({ window: _window, ...result }) => result),
    ...(profiles.length > 0 ? { cpuProfile: profiles } : {}),
  };
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Load average ${report.loadAverage.join(' ')}; wrote ${args.out}`);
} finally {
  await backend.dispose();
}
