import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArchiveError, CHUNK_SIZE } from './archive.ts';
import { isSafeArchivePath, readArchive, writeArchive, type Manifest, type SourcePart } from './payload.ts';

const KEY = 'khoa-sao-luu-thu-nghiem-2026';
const describeManifest = (): Omit<Manifest, 'parts' | 'format'> => ({
  createdAt: new Date().toISOString(),
  portal: { version: '0.0.0-test' },
  database: { client: 'sqlite', part: 'database/data.db' },
  counts: { articles: { entries: 2, published: 1 } },
  uploads: { files: 2, bytes: 0 },
  secrets: { included: true, fromEnvironment: [] },
});

describe('backup archive format', () => {
  let dir: string;
  let sources: SourcePart[];
  const contents = new Map<string, Buffer>();

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'archive-test-'));
    await mkdir(path.join(dir, 'src'));
    // A database bigger than two chunks (compressible), an incompressible upload, an empty file, secrets.
    const files: Array<[string, Buffer]> = [
      ['database/data.db', Buffer.from('SQLite format 3\0'.repeat(200_000))],
      ['uploads/anh_dai_dien_3f2a.jpg', randomBytes(CHUNK_SIZE + 12_345)],
      ['uploads/trong.txt', Buffer.alloc(0)],
      ['secrets.json', Buffer.from('{"APP_KEYS":"a,b"}\n')],
    ];
    sources = [];
    for (const [name, bytes] of files) {
      const file = path.join(dir, 'src', name.replaceAll('/', '_'));
      await writeFile(file, bytes);
      contents.set(name, bytes);
      sources.push({ path: name, file });
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const archive = async (name: string, key?: string) => {
    const file = path.join(dir, name);
    await writeArchive(file, sources, describeManifest(), { key });
    return file;
  };

  for (const key of [KEY, undefined]) {
    const mode = key ? 'encrypted' : 'unencrypted';

    it(`${mode}: round trip gives every file back byte for byte, with its checksum in the manifest`, async () => {
      const file = await archive(`round-${mode}.pbak`, key);
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      const into = path.join(dir, `out-${mode}`);
      const manifest = await readArchive(file, { key, into });
      assert.equal(manifest.parts.length, contents.size);
      for (const [name, bytes] of contents) {
        assert.ok((await readFile(path.join(into, name))).equals(bytes), name);
      }
      assert.deepEqual(manifest.counts, { articles: { entries: 2, published: 1 } });
      if (key) {
        // Encrypted: no plaintext of the secrets or the database is visible in the file.
        const raw = await readFile(file);
        assert.equal(raw.includes(Buffer.from('APP_KEYS')), false);
        assert.equal(raw.includes(Buffer.from('articles')), false);
      }
    });

    it(`${mode}: a changed byte is refused and nothing is left in the target folder`, async () => {
      const file = await archive(`tamper-${mode}.pbak`, key);
      const bytes = await readFile(file);
      const at = Math.floor(bytes.length * 0.6);
      bytes[at] = bytes[at]! ^ 0x01;
      await writeFile(file, bytes);
      const into = path.join(dir, `tampered-${mode}`);
      await assert.rejects(readArchive(file, { key, into }), (error: unknown) => {
        assert.ok(error instanceof ArchiveError, String(error));
        assert.equal(error.reason, 'damaged');
        return true;
      });
      assert.equal(existsSync(into), false);
    });

    for (const cut of ['mid-chunk', 'at a chunk boundary'] as const) {
      it(`${mode}: an archive truncated ${cut} is refused`, async () => {
        const file = await archive(`cut-${mode}-${cut.length}.pbak`, key);
        const size = (await stat(file)).size;
        // The first chunk ends after the header and one full chunk (plus its frame and tag).
        const headerEnd = (await readFile(file)).indexOf('}') + 1;
        const boundary = headerEnd + 5 + CHUNK_SIZE + (key ? 16 : 0);
        await truncate(file, cut === 'mid-chunk' ? size - 100 : boundary);
        const into = path.join(dir, `cut-${mode}-${cut.length}`);
        await assert.rejects(readArchive(file, { key, into }), (error: unknown) => {
          assert.ok(error instanceof ArchiveError, String(error));
          assert.ok(['truncated', 'damaged'].includes(error.reason), error.reason);
          assert.match(error.message, /truncated|damaged/);
          return true;
        });
        assert.equal(existsSync(into), false);
      });
    }
  }

  it('a wrong key is refused before anything is written', async () => {
    const file = await archive('wrong-key.pbak', KEY);
    const into = path.join(dir, 'wrong-key');
    await assert.rejects(readArchive(file, { key: 'not-the-key-at-all', into }), (error: unknown) => {
      assert.ok(error instanceof ArchiveError);
      assert.equal(error.reason, 'wrong-key');
      return true;
    });
    assert.equal(existsSync(into), false);
  });

  it('an encrypted archive without a key says which setting is missing', async () => {
    const file = await archive('no-key.pbak', KEY);
    await assert.rejects(readArchive(file, {}), /PORTAL_BACKUP_KEY/);
  });

  it('a file that is not an archive is named as such', async () => {
    const file = path.join(dir, 'not-an-archive.pbak');
    await writeFile(file, 'SQLite format 3\0');
    await assert.rejects(readArchive(file, {}), (error: unknown) => {
      assert.ok(error instanceof ArchiveError);
      assert.equal(error.reason, 'not-an-archive');
      return true;
    });
  });

  it('only paths under the database, uploads and secrets roots can be archived or restored', () => {
    for (const good of ['database/data.db', 'uploads/a.jpg', 'uploads/thumbs/a.jpg', 'secrets.json']) {
      assert.ok(isSafeArchivePath(good), good);
    }
    for (const bad of [
      '../x',
      'uploads/../../etc/passwd',
      '/etc/passwd',
      'database/a/b',
      'logs/cms.log',
      'uploads/',
      'a\\b',
    ]) {
      assert.equal(isSafeArchivePath(bad), false, bad);
    }
  });
});
