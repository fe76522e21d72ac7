/**
 * The publisher's site builder (started by site-builder.ts, cwd = site/): one Node process that runs
 * Astro's build once per publish, one build after another, instead of a new `astro build` process each
 * time. What a one-shot build redid on every publish stays here between builds: Node and Astro loaded,
 * and the kept content snapshot in memory (site/src/lib/build-memory.ts), which a 50k-entry publish
 * build otherwise reads and deserialises again (~320 MB). Every build still bundles and imports the
 * site's code afresh (Astro's build does), so pages never see state an earlier build left in a module.
 *
 * The same replacements of Astro's incremental cache as a one-shot build's preload
 * (astro-hard-links-preload.ts), counted per build. IPC with the parent: it sends
 * `{ type: 'build', id, env }` (the build's settings, set into process.env); this process answers
 * `{ type: 'built', id, rss }` or `{ type: 'failed', id, message }`. After a failed build the parent
 * stops this process: a build that failed half-way may leave state behind (the link worker, Astro's
 * globals), and the next build starts a new process.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { BUILD_MEMORY, type BuildMemory } from '@portal/site/build-memory';
import { linkInstalledAstro, logLinkSummary } from './astro-hard-links.ts';
import { packageDir } from './resolve.ts';

// The output is the public site: readable by a web server whatever the portal's own umask.
process.umask(0o022);
// The parent went away (stopped, crashed): nothing more to build.
process.on('disconnect', () => process.exit(0));

// Publish builds and full ones alike; each build says which it is (startBuild below).
const linked = await linkInstalledAstro(process.cwd(), { unchangedPages: true });
const dist = path.join(packageDir('astro', process.cwd()), 'dist');
// Astro's own `astro build` command calls this with the flags' config; the portal passes none.
const { default: build } = (await import(pathToFileURL(path.join(dist, 'core', 'build', 'index.js')).href)) as {
  default: (config: object, options: object) => Promise<void>;
};
const memory: BuildMemory = {};
(globalThis as Record<symbol, unknown>)[BUILD_MEMORY] = memory;

/**
 * Astro bundles the pages into `<site>/.astro/.prerender/` (the output folder is outside site/) and imports
 * the bundle from there: the same file names whenever the code is the same, so Node would hand every later
 * build the modules the first one loaded, with their state (that build's content). Every module of that
 * folder is imported under a URL of this build's own instead.
 */
let generation = 0;
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (!resolved.url.startsWith('file:') || !resolved.url.includes('/.prerender/')) return resolved;
    const url = new URL(resolved.url);
    url.searchParams.set('portal-build', String(generation));
    return { ...resolved, url: url.href };
  },
});

const BuildMessage = z.object({
  type: z.literal('build'),
  id: z.number().int(),
  env: z.record(z.string(), z.string()),
});

/** SITE_BUILD_CPU_PROFILE=<folder>: a V8 CPU profile of every build (read with scripts/bench/cpu-profile.ts). */
const profileDir = process.env['SITE_BUILD_CPU_PROFILE'];
const profiler = profileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
}

let building = false;
process.on('message', (message: unknown) => {
  const parsed = BuildMessage.safeParse(message);
  if (!parsed.success) return;
  const { id, env } = parsed.data;
  if (building) {
    process.send?.({ type: 'failed', id, message: 'a build is already running in this process' });
    return;
  }
  building = true;
  void (async () => {
    try {
      generation += 1;
      for (const [name, value] of Object.entries(env)) process.env[name] = value;
      linked?.startBuild({ unchangedPages: Boolean(env['SITE_CONTENT_CHANGES']) });
      await profiler?.post('Profiler.start');
      try {
        await build({}, { devOutput: false });
      } finally {
        // What the build's modules cached for it (they stay loaded): only the kept snapshot outlives a build.
        for (const forget of memory.afterBuild?.splice(0) ?? []) forget();
        if (profiler && profileDir) {
          const { profile } = await profiler.post('Profiler.stop');
          const file = path.join(profileDir, `site-build-${process.pid}-${generation}.cpuprofile`);
          await writeFile(file, JSON.stringify(profile));
          console.log(`[portal] CPU profile of this build: ${file}`);
        }
      }
      if (linked) logLinkSummary(linked.stats);
      process.send?.({ type: 'built', id, rss: process.memoryUsage.rss() });
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.send?.({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      building = false;
    }
  })();
});
