import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The installed folder of a package as Node would find it from `fromDir`. Packages' "exports" maps
 * often hide their bin scripts and package.json from require.resolve, so this walks the lookup paths.
 */
export function packageDir(name: string, fromDir: string): string {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`Package ${name} is not installed (looked from ${fromDir}); run npm install`);
}
