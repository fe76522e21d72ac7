/**
 * Where a site build's time goes, read from the build log the publisher appends to (logs/build.log):
 * for each build, GraphQL codegen, Astro's start-up, "Collecting build info", the static entrypoints
 * (Vite), "generating static routes" (which includes the content read: the first page's data waits for
 * it), the image step, and the CMS content read itself; plus how many pages were rendered and how many
 * copied from the incremental cache, by kind (publisher/build-log.ts).
 *
 *   node scripts/bench/build-phases.ts <build.log> [--since 2026-12-03T05:00:00Z] [--json]
 *
 * bench:site-publish puts the same breakdown for its builds into its JSON result.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { countByKind, lastBuildPages } from '../src/publisher/build-log.ts';
import { parseBenchArgs } from './args.ts';
import { imageStepSeconds } from './astro-log.ts';

export interface BuildPhases {
  /** When the build's first step (codegen) started (ISO, from the log's own "--- … starting" line). */
  startedAt: string;
  exitCode: number | null;
  codegenSeconds?: number;
  /** The Astro process starting, Vite's config and type generation, before "Collecting build info". */
  astroStartSeconds?: number;
  collectSeconds?: number;
  entrypointsSeconds?: number;
  /** Astro's "generating static routes" step: every page rendered or copied, the content read included. */
  staticRoutesSeconds?: number;
  imagesSeconds?: number;
  /** The build's one read of the CMS (site/src/lib/content-snapshot.ts). */
  contentReadSeconds?: number;
  /** 'delta': the kept snapshot patched with the changed entries; 'full': everything read. */
  contentReadPath?: 'delta' | 'full';
  /** Astro's own total ("N page(s) built in Xs"). */
  astroTotalSeconds?: number;
  /** Every page of the release: rendered, copied by Astro, or left unvisited (unchanged). */
  pages: number;
  rendered: number;
  /** Pages that were not rendered: those Astro copied from its cache and the unvisited ones. */
  copied: number;
  /** Unchanged pages a publish build did not hand to Astro at all (scripts/src/services/astro-unchanged-pages.ts). */
  unvisited: number;
  renderedByKind: Record<string, number>;
}

// eslint-disable-next-line no-control-regex -- Astro colours its log in a terminal
const ANSI = /\u001b\[[0-9;]*m/g;
const STEP_START = /^--- (\S+) (GraphQL codegen|Site build) (starting|skipped)/m;

/** "2.15s", "812ms", "3m 5s" → seconds. */
export function astroDuration(text: string): number | undefined {
  const match = /(?:(\d+)m (\d+)s|([\d.]+)(ms|s))/.exec(text);
  if (!match) return undefined;
  if (match[1] !== undefined) return Number(match[1]) * 60 + Number(match[2]);
  return match[4] === 'ms' ? Number(match[3]) / 1000 : Number(match[3]);
}

/** Seconds since midnight of an Astro log line's "HH:MM:SS" prefix. */
function clock(line: string | undefined): number | undefined {
  const match = /^(\d\d):(\d\d):(\d\d) /.exec(line ?? '');
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
}
const isoClock = (iso: string) => {
  const date = new Date(iso);
  return (
    date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds() + date.getUTCMilliseconds() / 1000
  );
};
const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);
/**
 * b − a in seconds of a day (a build may run past midnight). Astro's log clock has whole seconds, so a
 * line of the same second as `a` may read up to 1 s before it: 0, not a day less a fraction.
 */
export const between = (a: number | undefined, b: number | undefined) => {
  if (a === undefined || b === undefined) return undefined;
  const seconds = b - a;
  return round(seconds < 0 && seconds > -1 ? 0 : (seconds + 86_400) % 86_400);
};

/** Every site build in `log` (codegen + astro build), oldest first. Astro's clock is UTC (as the log's ISO). */
export function buildPhases(log: string): BuildPhases[] {
  const text = log.replace(ANSI, '');
  // A build starts with its codegen step (or the line saying it was skipped: services/codegen-stamp.ts);
  // the CMS's own builds in the same log are left out.
  const chunks = text
    .split(/^(?=--- \S+ GraphQL codegen (starting|skipped))/m)
    .filter((chunk) => STEP_START.test(chunk));
  return chunks
    .filter((chunk) => chunk.includes('Site build starting'))
    .map((chunk) => {
      const lines = chunk.split('\n');
      const find = (pattern: RegExp, from = 0) => {
        for (let i = from; i < lines.length; i += 1) if (pattern.test(lines[i] ?? '')) return i;
        return -1;
      };
      const codegenAt = /^--- (\S+) GraphQL codegen (starting|skipped)/m.exec(chunk)?.[1] ?? '';
      const astroAt = /^--- (\S+) Site build starting/m.exec(chunk)?.[1];
      const collect = find(/\[build\] Collecting build info/);
      const collectDone = find(/\[build\] ✓ Completed in/, collect + 1);
      const entry = find(/\[build\] Building static entrypoints/);
      const routes = find(/generating static routes/);
      const routesDone = find(/^\d\d:\d\d:\d\d ✓ Completed in/, routes + 1);
      const vite = lines
        .slice(Math.max(entry, 0), routes < 0 ? undefined : routes)
        .filter((line) => /\[vite\] ✓ built in/.test(line))
        .map((line) => astroDuration(line.split('built in')[1] ?? '') ?? 0);
      const read = /\[site\] content read: .* in (\d+) ms/.exec(chunk);
      const readPath = /\[site\] content read: (delta|full) /.exec(chunk)?.[1] as 'delta' | 'full' | undefined;
      const total = /\[build\] \d+ page\(s\) built in (.*)$/m.exec(chunk);
      const exit = /^--- Site build exited \((\d+|[A-Z]+)\)/m.exec(chunk);
      const pages = lastBuildPages(chunk);
      const unvisited = Number(/(\d+) unchanged page\(s\) not visited/.exec(chunk)?.[1] ?? 0);
      return {
        startedAt: codegenAt,
        exitCode: exit && /^\d+$/.test(exit[1] ?? '') ? Number(exit[1]) : null,
        codegenSeconds: astroAt ? round((Date.parse(astroAt) - Date.parse(codegenAt)) / 1000) : undefined,
        astroStartSeconds: astroAt && collect >= 0 ? between(isoClock(astroAt), clock(lines[collect])) : undefined,
        collectSeconds:
          collectDone >= 0 ? astroDuration(lines[collectDone]?.split('Completed in')[1] ?? '') : undefined,
        entrypointsSeconds: vite.length > 0 ? round(vite.reduce((a, b) => a + b, 0)) : undefined,
        staticRoutesSeconds:
          routesDone >= 0 ? astroDuration(lines[routesDone]?.split('Completed in')[1] ?? '') : undefined,
        imagesSeconds: round(imageStepSeconds(chunk)),
        contentReadSeconds: read ? round(Number(read[1]) / 1000) : undefined,
        contentReadPath: readPath,
        astroTotalSeconds: total ? astroDuration(total[1] ?? '') : undefined,
        pages: pages.pages.length + unvisited,
        rendered: pages.rendered.length,
        copied: pages.copied.length + unvisited,
        unvisited,
        renderedByKind: countByKind(pages.rendered),
      };
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file || file.startsWith('--')) {
    console.error('Usage: node scripts/bench/build-phases.ts <build.log> [--since ISO] [--json]');
    process.exit(2);
  }
  process.argv.splice(2, 1);
  const { since, json } = parseBenchArgs(
    z.object({ since: z.iso.datetime().optional(), json: z.boolean().default(false) }),
    { since: { type: 'string' }, json: { type: 'boolean' } },
  );
  const builds = buildPhases(await readFile(file, 'utf8')).filter(
    (build) => !since || Date.parse(build.startedAt) >= Date.parse(since),
  );
  if (json) console.log(JSON.stringify(builds, null, 2));
  else
    for (const build of builds) {
      const { renderedByKind, ...rest } = build;
      console.log(
        Object.entries(rest)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join(' '),
        JSON.stringify(renderedByKind),
      );
    }
}
