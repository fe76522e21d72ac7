/**
 * What a site build may leave in memory for the next build of the same process. The publisher runs its
 * builds one after another in one long-lived process (scripts/src/services/site-builder-process.ts),
 * which sets this object before the first build; every build imports the site's bundle afresh, so
 * module state does not carry over, and only what is put here does. A plain `astro build` has none:
 * each build reads everything it needs from disk, as before.
 *
 * Today it carries the kept content snapshot as loaded from disk (content-snapshot.ts), so that a
 * publish build does not read and deserialise ~320 MB again (0.7-2 s at 50k entries) to patch a few
 * dozen entries.
 */
export const BUILD_MEMORY = Symbol.for('portal.site.buildMemory');

export interface BuildMemory {
  /** content-snapshot.ts's own record (its type is that module's business). */
  keptSnapshot?: unknown;
  /** keptWeakMap's maps, by name: the version of the code that filled each, and the map. */
  weakMaps?: Map<string, { version: string; map: WeakMap<object, unknown> }>;
  /** Run by the build process once a build has ended (then emptied): see forgetAfterBuild. */
  afterBuild?: Array<() => void>;
}

/** The memory of this process's builds, or undefined when a build runs on its own. */
export function buildMemory(): BuildMemory | undefined {
  const memory = (globalThis as Record<symbol, unknown>)[BUILD_MEMORY];
  return typeof memory === 'object' && memory !== null ? memory : undefined;
}

/**
 * Has `forget` run once this build has ended, in the publisher's build process: a module's cache of the
 * build's data (the joined articles, the lists…) would otherwise stay reachable from the module, which Node
 * keeps loaded after the build, and the process would hold every earlier build's data. A build on its own
 * needs nothing of the kind (its process ends).
 */
export function forgetAfterBuild(forget: () => void): void {
  const memory = buildMemory();
  if (memory) (memory.afterBuild ??= []).push(forget);
}

/**
 * Freezes `value` and everything in it (a frozen object is taken as frozen through: the walk stops there).
 * What outlives a build, or stands for a digest (part-digests.ts), must not change in place.
 */
export function freezeDeep(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeDeep(child);
}

/**
 * A WeakMap that a module fills with what it derives from the content (results by source object), kept from
 * build to build in the publisher's build process while the code that fills it is the same: an entry of the
 * kept snapshot is the same frozen object build after build, so what was derived from it holds, and the map
 * lets go of it when the snapshot does. `version` is the filling module's URL (its import.meta.url): in a
 * build that names a chunk of the bundle by a hash of its code and of the code it imports, so a module with
 * other code starts with an empty map. A build on its own gets a new map (the module's, for the build).
 */
export function keptWeakMap<K extends object, V>(name: string, version: string): WeakMap<K, V> {
  const memory = buildMemory();
  if (!memory) return new WeakMap();
  // The build process imports each build's bundle under a URL of its own (?portal-build=N).
  const code = version.replace(/[?#].*$/, '');
  const maps = (memory.weakMaps ??= new Map());
  let kept = maps.get(name);
  if (kept?.version !== code) {
    kept = { version: code, map: new WeakMap() };
    maps.set(name, kept);
  }
  return kept.map as WeakMap<K, V>;
}
