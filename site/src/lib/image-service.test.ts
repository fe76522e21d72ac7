import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import service, { transformKey } from './image-service.ts';

const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Parameters<typeof service.transform>[3];
const config = (imageCacheDir?: string) =>
  ({ service: { entrypoint: 'test', config: imageCacheDir ? { imageCacheDir } : {} } }) as unknown as Parameters<
    typeof service.transform
  >[2];
const image = (r: number) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
const files = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name);

describe('image service: results cached by content', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'image-service-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keys a transform by the bytes and the options, not by the URL', async () => {
    const bytes = await image(10);
    const base = { src: 'http://127.0.0.1:1337/uploads/a_1f2e.jpg', width: 400, format: 'avif', quality: 70 };
    const key = transformKey(bytes, base, {});
    assert.equal(transformKey(bytes, { ...base, src: 'https://cms.example.gov.vn/uploads/a_99aa.jpg' }, {}), key);
    assert.notEqual(transformKey(bytes, { ...base, width: 800 }, {}), key);
    assert.notEqual(transformKey(bytes, { ...base, format: 'webp' }, {}), key);
    assert.notEqual(transformKey(bytes, { ...base, quality: 80 }, {}), key);
    assert.notEqual(transformKey(await image(200), base, {}), key);
    assert.notEqual(transformKey(bytes, base, { avif: { effort: 2 } }), key, 'encoder settings are part of the key');
    assert.equal(transformKey(bytes, base, { imageCacheDir: '/elsewhere' }), key, 'the folder is not');
  });

  it('makes a variant once and reuses it under another URL', async () => {
    const bytes = await image(30);
    const transform = { src: 'http://127.0.0.1:4000/uploads/cover_abc.jpg', width: 32, format: 'webp', quality: 70 };
    const made = await service.transform(bytes, transform, config(dir), logger);
    assert.equal(made.format, 'webp');
    assert.equal((await sharp(made.data).metadata()).width, 32);
    const stored = await files(dir);
    assert.deepEqual(stored.length, 2, `a result and its format: ${stored.join(', ')}`);
    // Replace the stored result: a second call under a new address must return it, not make a new one.
    const key = transformKey(bytes, transform, {});
    await writeFile(path.join(dir, key.slice(0, 2), key), 'kept');
    const again = await service.transform(
      bytes,
      { ...transform, src: 'http://10.0.0.5/uploads/cover_def.jpg' },
      config(dir),
      logger,
    );
    assert.equal(Buffer.from(again.data).toString(), 'kept');
    assert.equal(again.format, 'webp');
  });

  it('makes a new variant for other options and keeps nothing without a folder', async () => {
    const bytes = await image(30);
    const other = await service.transform(
      bytes,
      { src: 'http://x/y.jpg', width: 16, format: 'jpg' },
      config(dir),
      logger,
    );
    assert.equal((await sharp(other.data).metadata()).format, 'jpeg');
    assert.equal((await files(dir)).length, 4);
    const plain = await service.transform(bytes, { src: 'http://x/y.jpg', width: 16, format: 'png' }, config(), logger);
    assert.equal(plain.format, 'png');
    assert.equal((await files(dir)).length, 4, 'no folder given: nothing written anywhere we know of');
  });
});
