import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedFileInfo } from './file-info.ts';

describe('what a change of a file’s information alters', () => {
  const stored = { name: 'quyet-dinh.pdf', alternativeText: null };

  it('names each public field it changes, before and after', () => {
    assert.deepEqual(changedFileInfo(stored, { name: 'qd-moi.pdf', alternativeText: 'Ảnh trụ sở' }), {
      name: { before: 'quyet-dinh.pdf', after: 'qd-moi.pdf' },
      alternativeText: { before: null, after: 'Ảnh trụ sở' },
    });
  });

  it('sees no change in the same values, in a field left out or null (kept as stored), or "" for nothing', () => {
    assert.deepEqual(changedFileInfo(stored, { ...stored }), {});
    assert.deepEqual(changedFileInfo(stored, {}), {});
    assert.deepEqual(changedFileInfo(stored, { name: null, alternativeText: undefined }), {});
    assert.deepEqual(changedFileInfo(stored, { alternativeText: '' }), {});
  });

  it('counts emptying a stored value as a change, and leaves the caption (no page shows it) out', () => {
    assert.deepEqual(changedFileInfo(stored, { name: '' }), { name: { before: 'quyet-dinh.pdf', after: '' } });
    assert.deepEqual(changedFileInfo(stored, { caption: 'Bản sửa' } as never), {});
  });
});
