/**
 * Fuzz and abuse of the public write routes on loopback, against a real CMS (empty SQLite database) with
 * the default rate limits:
 *
 * 1. N malformed submissions to each route, the question (POST /api/hoi-dap/cau-hoi) and the comment on an
 *    open draft (POST /api/du-thao/gop-y) (cms/tests/submission-fuzz.ts: wrong types, missing and oversized
 *    fields, broken UTF-8, markup and script, forged and replayed proofs-of-work, honeypot, wrong content
 *    types, unknown choices), each from its own client address so validation, not the rate limit, answers:
 *    expects only 4xx with a Vietnamese message, no 5xx, no row stored.
 * 2. T valid submissions from ONE client (no proof-of-work, so the strict no-JavaScript limit) while another
 *    client submits now and then: the first is throttled (429) after the limit, the second is accepted.
 *
 * Prints a histogram of status codes per phase and writes it with the load average to
 * scripts/bench/results/submit-fuzz.json. Exit code 1 when an expectation fails.
 *
 *   node scripts/bench/submit-fuzz.ts [--count 10000] [--throttle 10000] [--clients 8] [--seed 1] [--out <file>]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseBenchArgs } from './args.ts';
import {
  commentForm,
  fuzzCases,
  isVietnamese,
  messageOf,
  send,
  validSubmission,
  type FuzzCase,
} from '../../cms/tests/submission-fuzz.ts';
import { readAbuseSettings } from '../../cms/src/questions/abuse.ts';
import { REPO_ROOT } from '../src/config.ts';
import { buildCmsIfNeeded } from '../src/services/index.ts';
import { adminSession, startTestBackend } from '../src/testing.ts';

const ArgsSchema = z.object({
  count: z.coerce.number().int().min(1).max(100_000).default(10_000),
  throttle: z.coerce.number().int().min(1).max(100_000).default(10_000),
  clients: z.coerce.number().int().min(1).max(64).default(8),
  seed: z.coerce.number().int().min(0).default(1),
  out: z
    .string()
    .min(1)
    .default(path.join(import.meta.dirname, 'results', 'submit-fuzz.json')),
});
const args = parseBenchArgs(ArgsSchema, {
  count: { type: 'string' },
  throttle: { type: 'string' },
  clients: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
});

const cmsRequire = createRequire(path.join(REPO_ROOT, 'cms', 'package.json'));
const { solveChallenge } = cmsRequire('altcha-lib') as {
  solveChallenge: (options: { challenge: unknown; deriveKey: unknown }) => Promise<unknown>;
};
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2') as { deriveKey: unknown };

const histogram = (map: Map<number | string, number>) =>
  Object.fromEntries([...map].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

await buildCmsIfNeeded(path.join(os.tmpdir(), 'portal-bench-build.log'), console.log);
const limits = readAbuseSettings({});
const backend = await startTestBackend({
  demoContent: false,
  // Default limits; only the proof-of-work is made cheap to solve (the server's check does not depend on it).
  cmsEnv: { PROXY_TRUSTED_HOPS: '1', QA_POW_COST: '10', QA_POW_MAX_COUNTER: '500' },
});
let failed = false;
const expect = (ok: boolean, message: string) => {
  if (!ok) {
    failed = true;
    console.error(`FAILED: ${message}`);
  }
};
try {
  const admin = await adminSession(backend);
  const fieldId = String((await admin.createDraft('api::field.field', { name: 'Đất đai' })).documentId);
  const url = `${backend.cmsUrl}/api/hoi-dap/cau-hoi`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: args.clients });
  const stored = async () => {
    const list = await admin.request('GET', `${admin.base('api::question.question')}?page=1&pageSize=1`);
    return (list.body as { pagination: { total: number } }).pagination.total;
  };

  // A proof spent on one accepted question, to replay in the fuzz.
  const challenge: unknown = await (await fetch(`${backend.cmsUrl}/api/hoi-dap/thu-thach`)).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  const replayedProof = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  const first = await send(
    agent,
    url,
    '192.0.2.1',
    'application/json',
    Buffer.from(JSON.stringify({ ...validSubmission(fieldId, 0), altcha: replayedProof })),
  );
  expect(first.status === 201, `the proof's first use was not accepted: ${first.status} ${first.text}`);

  // 1. Malformed submissions, to each route.
  const fuzz = async (
    route: string,
    routeUrl: string,
    cases: FuzzCase[],
    rows: () => Promise<number>,
    octet: number,
  ) => {
    const before = await rows();
    const statuses = new Map<number, number>();
    const byKind = new Map<string, Map<number, number>>();
    const unclear: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: args.clients }, async () => {
        while (next < cases.length) {
          const index = next++;
          const item = cases[index]!;
          const client = `${octet}.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
          const answer = await send(agent, routeUrl, client, item.contentType, item.body);
          bump(statuses, answer.status);
          bump(byKind.get(item.kind) ?? byKind.set(item.kind, new Map()).get(item.kind)!, answer.status);
          if (answer.status < 400 || answer.status >= 500) unclear.push(`${item.kind}: HTTP ${answer.status}`);
          else if (!isVietnamese(messageOf(answer.text))) unclear.push(`${item.kind}: ${answer.text.slice(0, 160)}`);
          if (index > 0 && index % 2000 === 0) console.log(`  … ${index} / ${cases.length}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const storedByFuzz = (await rows()) - before;
    const fivexx = [...statuses].filter(([status]) => status >= 500 || status < 0).reduce((n, [, c]) => n + c, 0);
    console.log(`Fuzz (${route}): ${cases.length} malformed submissions in ${seconds.toFixed(1)} s`);
    console.log(
      `  statuses ${JSON.stringify(histogram(statuses))}; 5xx or dropped: ${fivexx}; stored: ${storedByFuzz}`,
    );
    for (const [kind, map] of [...byKind].sort()) console.log(`  ${kind.padEnd(20)} ${JSON.stringify(histogram(map))}`);
    expect(
      unclear.length === 0,
      `${route}: ${unclear.length} answers were not a 4xx with a Vietnamese message: ${unclear.slice(0, 5).join(' | ')}`,
    );
    expect(storedByFuzz === 0, `${route}: ${storedByFuzz} malformed submissions were stored`);
    return {
      route: routeUrl.slice(backend.cmsUrl.length),
      requests: cases.length,
      seconds: Number(seconds.toFixed(1)),
      statuses: histogram(statuses),
      byKind: Object.fromEntries([...byKind].sort().map(([kind, map]) => [kind, histogram(map)])),
      fiveHundredsOrDropped: fivexx,
      notClearlyRefused: unclear.length,
      stored: storedByFuzz,
    };
  };
  const questionFuzz = await fuzz(
    'questions',
    url,
    fuzzCases({ seed: args.seed, count: args.count, fieldId, replayedProof }),
    stored,
    10,
  );
  // An open draft to comment on; the proof already spent on the question is replayed on comments too.
  const now = Date.now();
  const slug = 'du-thao-thu-nghiem-fuzz';
  await admin.createPublished('api::consultation.consultation', {
    title: 'Dự thảo thử nghiệm nhận góp ý',
    slug,
    summary: 'Dự thảo để thử các góp ý sai định dạng.',
    openAt: new Date(now - 86_400_000).toISOString(),
    closeAt: new Date(now + 30 * 86_400_000).toISOString(),
  });
  const comments = async () => {
    const list = await admin.request(
      'GET',
      `${admin.base('api::consultation-comment.consultation-comment')}?page=1&pageSize=1`,
    );
    return (list.body as { pagination: { total: number } }).pagination.total;
  };
  const commentFuzz = await fuzz(
    'comments',
    `${backend.cmsUrl}/api/du-thao/gop-y`,
    fuzzCases({ seed: args.seed + 1, count: args.count, form: commentForm(slug), replayedProof }),
    comments,
    11,
  );
  // 2. One client floods; another submits meanwhile.
  const flooder = '198.51.100.7';
  const other = '198.51.100.99';
  const flood = new Map<number, number>();
  const others = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const otherCount = Math.min(limits.withoutProof, 3);
  const spacing = Math.max(1, Math.floor(args.throttle / (otherCount + 1)));
  await Promise.all(
    Array.from({ length: args.clients }, async () => {
      while (next < args.throttle) {
        const index = next++;
        const answer = await send(
          agent,
          url,
          flooder,
          'application/json',
          Buffer.from(JSON.stringify(validSubmission(fieldId, 100_000 + index))),
        );
        bump(flood, answer.status);
        if (index > 0 && index % spacing === 0 && index / spacing <= otherCount) {
          const mine = await send(
            agent,
            url,
            other,
            'application/json',
            Buffer.from(JSON.stringify(validSubmission(fieldId, 200_000 + index))),
          );
          bump(others, mine.status);
        }
      }
    }),
  );
  const floodSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  console.log(
    `Throttling: ${args.throttle} submissions from one client in ${floodSeconds.toFixed(1)} s (limit ${limits.withoutProof} per ${limits.windowSeconds} s without proof-of-work)`,
  );
  console.log(
    `  that client: ${JSON.stringify(histogram(flood))}; another client meanwhile: ${JSON.stringify(histogram(others))}`,
  );
  expect(
    flood.get(201) === Math.min(limits.withoutProof, args.throttle),
    `the flooding client had ${flood.get(201) ?? 0} accepted`,
  );
  expect((flood.get(429) ?? 0) === args.throttle - (flood.get(201) ?? 0), 'the rest of the flood was not all 429');
  expect(others.get(201) === otherCount, `the other client had ${others.get(201) ?? 0} of ${otherCount} accepted`);

  const report = {
    at: new Date().toISOString(),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    cpus: os.cpus().length,
    database: 'sqlite',
    seed: args.seed,
    fuzz: questionFuzz,
    commentFuzz,
    throttling: {
      requests: args.throttle,
      seconds: Number(floodSeconds.toFixed(1)),
      limitWithoutProof: limits.withoutProof,
      windowSeconds: limits.windowSeconds,
      floodingClient: histogram(flood),
      otherClient: histogram(others),
    },
    passed: !failed,
  };
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Load average ${report.loadAverage.join(' ')}; wrote ${args.out}`);
} finally {
  await backend.dispose();
}
process.exitCode = failed ? 1 : 0;
