import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyRetention, ARCHIVE_PATTERN, archiveName } from './create.ts';

describe('archive names and retention', () => {
  it('names archives by UTC time, sortable, with milliseconds only when asked', () => {
    const date = new Date('2026-12-02T01:30:05.123Z');
    assert.equal(archiveName(date), 'portal-20261202T013005Z.pbak');
    assert.equal(archiveName(date, true), 'portal-20261202T013005123Z.pbak');
    assert.match(archiveName(date, true), ARCHIVE_PATTERN);
  });

  it('keeps the newest N archives and never touches other files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retention-'));
    try {
      const names = [
        'portal-20261128T013000Z.pbak',
        'portal-20261129T013000Z.pbak',
        'portal-20261130T013000Z.pbak',
        'portal-20261130T013000500Z.pbak',
        'portal-20261201T013000Z.pbak',
        'ghi-chu.txt',
        'portal-ban-tay.pbak',
      ];
      for (const name of names) await writeFile(path.join(dir, name), 'x');
      const newest = path.join(dir, 'portal-20261201T013000Z.pbak');
      const deleted = await applyRetention(dir, 2, newest);
      assert.deepEqual(deleted.map((file) => path.basename(file)).sort(), [
        'portal-20261128T013000Z.pbak',
        'portal-20261129T013000Z.pbak',
        'portal-20261130T013000Z.pbak',
      ]);
      assert.deepEqual((await readdir(dir)).sort(), [
        'ghi-chu.txt',
        'portal-20261130T013000500Z.pbak',
        'portal-20261201T013000Z.pbak',
        'portal-ban-tay.pbak',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
