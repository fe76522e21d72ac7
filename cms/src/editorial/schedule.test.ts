import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { due, type ScheduledEntry } from './schedule.ts';

const NOW = new Date('2026-11-21T08:00:00Z');
const BEFORE = '2026-11-21T07:59:00Z';
const AFTER = '2026-11-21T08:01:00Z';

const entry = (overrides: Partial<ScheduledEntry>): ScheduledEntry => ({
  documentId: 'doc',
  locale: 'vi',
  stage: 'da_duyet',
  published: false,
  scheduledPublishAt: null,
  scheduledUnpublishAt: null,
  ...overrides,
});

describe('due scheduled actions', () => {
  const cases: Array<[string, Partial<ScheduledEntry>, Array<'publish' | 'unpublish'>]> = [
    ['publishes an approved entry whose time has come', { scheduledPublishAt: BEFORE }, ['publish']],
    ['publishes at exactly the scheduled time', { scheduledPublishAt: NOW.toISOString() }, ['publish']],
    ['waits for a publication time in the future', { scheduledPublishAt: AFTER }, []],
    ['does not publish an entry that is not approved', { stage: 'cho_duyet', scheduledPublishAt: BEFORE }, []],
    ['does not publish a draft sent back', { stage: 'tra_lai', scheduledPublishAt: BEFORE }, []],
    [
      'does not publish again once published',
      { stage: 'da_xuat_ban', published: true, scheduledPublishAt: BEFORE },
      [],
    ],
    [
      'unpublishes a published entry whose withdrawal time has come',
      { stage: 'da_xuat_ban', published: true, scheduledUnpublishAt: BEFORE },
      ['unpublish'],
    ],
    [
      'keeps a published entry until its withdrawal time',
      { stage: 'da_xuat_ban', published: true, scheduledUnpublishAt: AFTER },
      [],
    ],
    ['does not unpublish what is not published', { stage: 'nhap', scheduledUnpublishAt: BEFORE }, []],
    [
      'does not publish what is already due for withdrawal',
      { scheduledPublishAt: BEFORE, scheduledUnpublishAt: BEFORE },
      [],
    ],
    ['does nothing without a schedule', {}, []],
  ];
  for (const [behaviour, overrides, expected] of cases) {
    it(behaviour, () => {
      assert.deepEqual(
        due(NOW, [entry(overrides)]).map((d) => d.action),
        expected,
      );
    });
  }
});
