import assert from 'node:assert/strict';
import { it } from 'node:test';
import { astroDuration, between, buildPhases } from './build-phases.ts';

const build = (start: string, pages: string) => `--- ${start}:00.000Z GraphQL codegen starting: node codegen
✔ Generate outputs
--- GraphQL codegen exited (0)
--- ${start}:03.500Z Site build starting: node astro.mjs build
${start.slice(11)}:05 [build] Collecting build info...
${start.slice(11)}:06 [build] ✓ Completed in 812ms.
${start.slice(11)}:06 [build] Building static entrypoints...
${start.slice(11)}:08 [vite] ✓ built in 1.84s
${start.slice(11)}:08 [vite] ✓ built in 80ms
 generating static routes 
[site] content read: delta (1 change(s), 1 named + 0 shown looked up, 1 re-read, 0 of other types): 3 articles, 0 documents, 0 procedures in 2450 ms
${pages}
${start.slice(11)}:40 ✓ Completed in 31.20s.
 generating optimized images 
${start.slice(11)}:41 ✓ Completed in 1m 2s.
${start.slice(11)}:41 [build] 3 page(s) built in 35.10s
--- Site build exited (0)
`;

it("splits a build log into builds and reads each step's time and the pages rendered and copied", () => {
  const log = [
    '--- 2026-12-03T04:00:00.000Z CMS build starting: strapi build\n--- CMS build exited (0)\n',
    build('2026-12-03T04:10', '04:10:12 ├─ /index.html (+120ms)\n04:10:12 ├─ /tin-tuc/a/index.html (+3ms)'),
    build('2026-12-03T04:20', '04:20:12 ├─ /index.html (+120ms)\n04:20:12 └─ /tin-tuc/a/index.html (cached)'),
  ].join('');
  const builds = buildPhases(log);
  assert.equal(builds.length, 2, 'the CMS build is not a site build');
  assert.deepEqual(builds[1], {
    startedAt: '2026-12-03T04:20:00.000Z',
    exitCode: 0,
    codegenSeconds: 3.5,
    astroStartSeconds: 1.5,
    collectSeconds: 0.812,
    entrypointsSeconds: 1.92,
    staticRoutesSeconds: 31.2,
    imagesSeconds: 62,
    contentReadSeconds: 2.45,
    contentReadPath: 'delta',
    astroTotalSeconds: 35.1,
    pages: 2,
    rendered: 1,
    copied: 1,
    unvisited: 0,
    renderedByKind: { home: 1 },
  });
  assert.equal(builds[0]?.copied, 0);
});

it('counts the unchanged pages a publish build did not visit as copied pages of the release', () => {
  const summary =
    '[portal] Incremental cache: 41 page(s) hard-linked, 0 copied, 1 rendered page(s) cached; ' +
    '40 unchanged page(s) not visited; 41 page folder(s) made ahead, 0 of them removed unused.';
  const [phases] = buildPhases(
    build('2026-12-03T04:10', `04:10:12 ├─ /index.html (+120ms)\n04:10:12 └─ /tin-tuc/a/index.html (restored)`).replace(
      '--- Site build exited',
      `${summary}\n--- Site build exited`,
    ),
  );
  assert.deepEqual([phases?.pages, phases?.rendered, phases?.copied, phases?.unvisited], [42, 1, 41, 40]);
});

it("reads Astro's durations in each of its formats", () => {
  assert.equal(astroDuration('812ms.'), 0.812);
  assert.equal(astroDuration('12.34s'), 12.34);
  assert.equal(astroDuration('3m 5s'), 185);
  assert.equal(astroDuration('soon'), undefined);
});

it('counts a build whose codegen was skipped (its types up to date) as a build', () => {
  const skipped = build('2026-12-03T04:30', '04:30:12 └─ /index.html (restored)').replace(
    /^--- (\S+) GraphQL codegen starting: node codegen\n✔ Generate outputs\n--- GraphQL codegen exited \(0\)\n/,
    '--- $1 GraphQL codegen skipped: site/src/graphql/generated is up to date\n',
  );
  assert.match(skipped, /codegen skipped/);
  const builds = buildPhases(build('2026-12-03T04:10', '04:10:12 └─ /index.html (+120ms)') + skipped);
  assert.equal(builds.length, 2);
  assert.equal(builds[1]?.startedAt, '2026-12-03T04:30:00.000Z');
  assert.equal(builds[1]?.codegenSeconds, 3.5, 'from the line saying it was skipped to the start of Astro');
  assert.equal(builds[1]?.copied, 1);
});

it("reads a step that began in the same whole second of Astro's clock as 0 s, and one past midnight as a few", () => {
  // 08:29:17.007 (ISO, ms) against Astro's "08:29:17": 0, not 86,399.99 s.
  assert.equal(between(8 * 3600 + 29 * 60 + 17.007, 8 * 3600 + 29 * 60 + 17), 0);
  assert.equal(between(86_399.5, 2), 2.5);
  assert.equal(between(10, 12.25), 2.25);
});
