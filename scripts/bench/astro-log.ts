/** Reading Astro's build log in benchmarks. */

/** Seconds of Astro's image step: "generating optimized images" … "✓ Completed in 12.34s." (or "812ms", "3m 5s"). */
export function imageStepSeconds(log: string): number | undefined {
  const from = log.indexOf('generating optimized images');
  if (from < 0) return undefined;
  const done = /Completed in (?:(\d+)m (\d+)s|([\d.]+)(ms|s))/.exec(log.slice(from));
  if (!done) return undefined;
  if (done[1] !== undefined) return Number(done[1]) * 60 + Number(done[2]);
  return done[4] === 'ms' ? Number(done[3]) / 1000 : Number(done[3]);
}
