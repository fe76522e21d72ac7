// Temporary experiment (not committed): index N long texts under settings variants, time it, time body queries.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { legalDocumentIndex, createSearchIndex } from '@portal/search';
import { freePort, resolveMeilisearchBinary, startMeilisearch } from '../src/services/index.ts';
import { longLegalEntries, BENCH_QUERIES } from './search-corpus.ts';
import { prepareQuery } from '../../search/src/text/query.ts';

const N = Number(process.argv[2] ?? 100);
const variant = process.argv[3] ?? 'base';
const extra: Record<string, unknown> = JSON.parse(process.argv[4] ?? '{}');
const dir = await mkdtemp(path.join(os.tmpdir(), 'exp-'));
const key = randomBytes(24).toString('hex');
const server = await startMeilisearch({ binary: await resolveMeilisearchBinary(undefined), port: await freePort(), dataDir: dir, masterKey: key, logFile: path.join(dir, 'log'), niceness: 10 });
try {
  const admin = new Meilisearch({ host: server.url, apiKey: key });
  const def = { ...legalDocumentIndex, settings: { ...legalDocumentIndex.settings, ...extra } };
  await createSearchIndex(admin, 'x', def as typeof legalDocumentIndex);
  const docs = [...longLegalEntries(N)].map(({ entry }) => legalDocumentIndex.toDocument({ locale: 'vi', ...entry }));
  const t0 = performance.now();
  const tasks = [];
  for (let i = 0; i < docs.length; i += 25) tasks.push(admin.index('x').addDocuments(docs.slice(i, i + 25)).waitTask({ timeout: 3_600_000, interval: 200 }));
  await Promise.all(tasks);
  const secs = (performance.now() - t0) / 1000;
  const du0 = 0; void du0;
  for (const [label, params] of [
    ['frequency', { matchingStrategy: 'frequency' }],
    ['last', { matchingStrategy: 'last' }],
    ['frequency+hl', { matchingStrategy: 'frequency', attributesToHighlight: ['abstract'] }],
    ['frequency no-typo', { matchingStrategy: 'frequency', _typo: true }],
  ] as const) {
    const times: number[] = [];
    if ('_typo' in params) await admin.index('x').updateTypoTolerance({ disableOnAttributes: ['tonedTitle', 'tonedText', 'numberForms', 'codeForms', 'text'] }).waitTask();
    for (let r = 0; r < 3; r++) for (const q of BENCH_QUERIES) {
      const p = prepareQuery(q);
      const { _typo, ...rest } = params as Record<string, unknown>; void _typo;
      const res = await admin.index('x').search(p.text, { attributesToSearchOn: ['text'], limit: 20, attributesToRetrieve: ['id'], ...rest });
      times.push(res.processingTimeMs);
    }
    times.sort((a, b) => a - b);
    console.log(`  body ${label}: p50 ${times[Math.floor(times.length / 2)]} p95 ${times[Math.floor(times.length * 0.95)]} max ${times.at(-1)} ms`);
  }
  const toned: number[] = [];
  for (let r = 0; r < 3; r++) for (const q of BENCH_QUERIES) {
    const p = prepareQuery(q);
    if (p.toned) toned.push((await admin.index('x').search(p.toned, { attributesToSearchOn: ['tonedText'], matchingStrategy: 'all', limit: 20, attributesToRetrieve: ['id'] })).processingTimeMs);
  }
  toned.sort((a, b) => a - b);
  console.log(`  toned body all: p50 ${toned[Math.floor(toned.length / 2)]} p95 ${toned[Math.floor(toned.length * 0.95)]} max ${toned.at(-1)} ms`);
  const times = [0];
  const du = (await import('node:child_process')).execSync(`du -sm ${dir}`).toString().split('\t')[0];
  console.log(`${variant}: ${N} long texts in ${secs.toFixed(1)} s (${(N / secs).toFixed(2)}/s), disk ${du} MB, load ${os.loadavg()[0]?.toFixed(1)}`);
} finally {
  await server.process.stop();
  await rm(dir, { recursive: true, force: true });
}
