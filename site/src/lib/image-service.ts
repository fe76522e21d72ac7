/**
 * Astro's sharp image service with a cache keyed by content: a transform's result is stored under
 * the SHA-256 of the original image's bytes and of the transform (width, height, format, quality,
 * fit, position, background, encoder settings, sharp's and libvips's versions), never its URL.
 *
 * Astro's own cache (`cacheDir/assets`) names remote images by URL, so a new CMS address, a fresh
 * install (`npm ci` wipes `node_modules/.astro`) or a re-uploaded file (Strapi names uploads with a
 * random suffix) made every variant again: ~9 s of CPU per cover, minutes per cold build. With
 * `imageCacheDir` set (the publisher: `$PORTAL_DATA_DIR/image-cache`, see astro.config.mjs) each
 * variant of an image is made once; later builds download the original and copy the result.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalImageService } from 'astro';
import sharpService, { type SharpImageServiceConfig } from 'astro/assets/services/sharp';
import sharp from 'sharp';

export interface CachedSharpConfig extends SharpImageServiceConfig {
  /** Where results are kept; unset: no cache of ours (Astro's own still applies). */
  imageCacheDir?: string;
}

/** Bump when the way a result is made changes without any of the keyed inputs changing. */
const FORMAT_VERSION = 1;
const KEYED_OPTIONS = ['width', 'height', 'format', 'quality', 'fit', 'position', 'background'] as const;

/** The cache key of one transform of one original (exported for the unit test). */
export function transformKey(
  original: Uint8Array,
  transform: Record<string, unknown>,
  serviceConfig: CachedSharpConfig,
): string {
  const { imageCacheDir: _folder, ...encoder } = serviceConfig;
  const options = Object.fromEntries(KEYED_OPTIONS.map((name) => [name, transform[name] ?? null]));
  return createHash('sha256')
    .update(createHash('sha256').update(original).digest('hex'))
    .update(JSON.stringify({ FORMAT_VERSION, options, encoder, versions: sharp.versions }))
    .digest('hex');
}

const service: LocalImageService<CachedSharpConfig> = {
  ...(sharpService as LocalImageService<CachedSharpConfig>),
  async transform(inputBuffer, transform, imageConfig, logger) {
    const folder = imageConfig.service.config.imageCacheDir;
    const make = () => sharpService.transform(inputBuffer, transform, imageConfig, logger);
    if (!folder) return make();
    const key = transformKey(inputBuffer, transform, imageConfig.service.config);
    const file = path.join(folder, key.slice(0, 2), key);
    const cached = await readFile(`${file}.json`, 'utf8')
      .then(async (meta) => ({
        format: (JSON.parse(meta) as { format: Awaited<ReturnType<typeof make>>['format'] }).format,
        data: new Uint8Array(await readFile(file)),
      }))
      .catch(() => undefined);
    if (cached) return cached;
    const made = await make();
    // Written under a temporary name and renamed: a killed build never leaves half a file under the key.
    // The metadata goes last, so a key with metadata always has its data.
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, made.data);
      await rename(temporary, file);
      await writeFile(`${temporary}.json`, JSON.stringify({ format: made.format }));
      await rename(`${temporary}.json`, `${file}.json`);
    } catch (error) {
      // A full or read-only disk costs the next build time, not this build.
      logger.warn(`Image cache: could not keep ${transform.src} (${String(error)})`);
    }
    return made;
  },
};

export default service;
