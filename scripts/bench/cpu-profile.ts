/**
 * Where a Node process spent its CPU, from a V8 .cpuprofile (`node --cpu-prof`), over a time window: each
 * sample's whole stack is attributed once to every group on it, so "inclusive" shares add up across nesting
 * levels the way a flame graph reads, and the leaf frame's group gives the "self" share. Groups are the
 * project's own modules (cms/dist/src/…, by file) and the packages under node_modules (Strapi's by
 * sub-package and, for @strapi/core's Koa middlewares, by middleware file). Used by submit.ts --cpu-prof.
 *
 *   node scripts/bench/cpu-profile.ts <file.cpuprofile> [--from <µs> --to <µs>] [--top 25]
 *
 * `from` and `to` are the monotonic clock in microseconds (process.hrtime.bigint() / 1000n in any process
 * on the same Linux machine reads the same clock as V8's profile timestamps).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The group a frame belongs to, or null for frames that name none (V8 and Node internals). */
export function frameGroup(frame: CallFrame): string | null {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) {
    const name = frame.functionName;
    return name.startsWith('(') ? name : null;
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    const middleware = /@strapi\/core\/dist\/middlewares\/([\w-]+)\.js$/.exec(url);
    if (middleware) return `@strapi/core middleware ${middleware[1]}`;
    return name;
  }
  const ours = /\/cms\/dist\/(src\/.+?)\.js$/.exec(url) ?? /\/(cms\/src\/.+?)\.ts$/.exec(url);
  if (ours) return `ours ${ours[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

export interface Summary {
  windowMs: number;
  sampledMs: number;
  self: Array<[string, number]>;
  inclusive: Array<[string, number]>;
  ourFunctions: Array<[string, number]>;
}

export function summarize(profile: CpuProfile, window: { from?: number; to?: number } = {}): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const ourFunctions = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let time = profile.startTime;
  let sampled = 0;
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (time < from || time > to || us <= 0) continue;
    sampled += us;
    let id: number | undefined = profile.samples[i];
    const groups = new Set<string>();
    const functions = new Set<string>();
    let leaf: string | null | undefined;
    while (id !== undefined) {
      const frame = byId.get(id)!.callFrame;
      const group = frameGroup(frame);
      if (leaf === undefined && group !== null) leaf = group;
      if (group) groups.add(group);
      if (group?.startsWith('ours '))
        functions.add(`${group.slice(5)}:${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`);
      id = parent.get(id);
    }
    add(self, leaf ?? 'node internals', us);
    for (const group of groups) add(inclusive, group, us);
    for (const name of functions) add(ourFunctions, name, us);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([key, us]): [string, number] => [key, us / 1000]);
  return {
    windowMs: (Math.min(to, profile.endTime) - Math.max(from, profile.startTime)) / 1000,
    sampledMs: sampled / 1000,
    self: sorted(self),
    inclusive: sorted(inclusive),
    ourFunctions: sorted(ourFunctions),
  };
}

export function printSummary(summary: Summary, top = 25, requests?: number): void {
  const share = (ms: number) =>
    `${((100 * ms) / summary.sampledMs).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms` +
    (requests ? `  ${(ms / requests).toFixed(2).padStart(6)} ms/request` : '');
  console.log(`CPU profile: ${summary.sampledMs.toFixed(0)} ms sampled in a ${summary.windowMs.toFixed(0)} ms window`);
  for (const [title, rows] of [
    ['Self time by group (the leaf frame)', summary.self],
    ['Inclusive time by group (any frame on the stack)', summary.inclusive],
    ["Inclusive time of the project's own functions", summary.ourFunctions],
  ] as const) {
    console.log(`\n${title}:`);
    for (const [name, ms] of rows.slice(0, top)) console.log(`  ${share(ms)}  ${name}`);
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: node scripts/bench/cpu-profile.ts <file.cpuprofile> [--from <µs> --to <µs>] [--top 25]');
    process.exit(2);
  }
  const profile = JSON.parse(await readFile(positionals[0]!, 'utf8')) as CpuProfile;
  printSummary(
    summarize(profile, {
      from: values.from ? Number(values.from) : undefined,
      to: values.to ? Number(values.to) : undefined,
    }),
    values.top ? Number(values.top) : 25,
  );
}
