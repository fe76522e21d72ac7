import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deskListsFor } from './desk.ts';

describe('desk', () => {
  it('shows each role what waits for it', () => {
    const keys = (actor: Parameters<typeof deskListsFor>[0]) => deskListsFor(actor).map((list) => list.key);
    assert.deepEqual(keys('editor'), ['myDrafts', 'sentBack']);
    assert.deepEqual(keys('reviewer'), ['waitingReview', 'myDrafts', 'sentBack', 'overdueQuestions']);
    assert.deepEqual(keys('chief'), ['waitingPublication', 'scheduled', 'waitingReview', 'overdueQuestions']);
    assert.deepEqual(keys('officer'), ['agencyQuestions']);
    assert.deepEqual(keys('system'), []);
  });

  it('limits an editor’s lists to their own entries, and names every list in Vietnamese', () => {
    for (const list of deskListsFor('editor')) assert.equal(list.own, true, list.key);
    for (const actor of ['editor', 'reviewer', 'chief', 'superAdmin', 'officer'] as const)
      for (const list of deskListsFor(actor)) assert.match(list.title.normalize('NFD'), /[\u0300-\u036f]/);
  });
});
