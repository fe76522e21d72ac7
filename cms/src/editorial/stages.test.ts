import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  approvalProblem,
  publishProblem,
  stageAfterEdit,
  stageChangeProblem,
  type Actor,
  type Stage,
} from './stages.ts';

type Row = [actor: Actor, from: Stage, to: Stage, own: boolean, note: string | null, allowed: boolean | 'reviewNote'];

describe('editorial stage changes', () => {
  const rows: Row[] = [
    ['editor', 'nhap', 'cho_duyet', true, null, true],
    ['editor', 'tra_lai', 'cho_duyet', true, null, true],
    ['editor', 'cho_duyet', 'nhap', true, null, true],
    ['editor', 'nhap', 'cho_duyet', false, null, false],
    ['editor', 'cho_duyet', 'da_duyet', true, null, false],
    ['editor', 'cho_duyet', 'tra_lai', true, 'Sửa tiêu đề', false],
    ['editor', 'da_duyet', 'da_xuat_ban', true, null, false],
    ['reviewer', 'cho_duyet', 'da_duyet', false, null, true],
    ['reviewer', 'cho_duyet', 'tra_lai', false, 'Thiếu nguồn tin', true],
    ['reviewer', 'cho_duyet', 'tra_lai', false, '   ', 'reviewNote'],
    ['reviewer', 'cho_duyet', 'tra_lai', false, null, 'reviewNote'],
    ['reviewer', 'da_duyet', 'da_xuat_ban', false, null, false],
    ['chief', 'cho_duyet', 'da_duyet', false, null, true],
    ['chief', 'da_duyet', 'da_xuat_ban', false, null, false],
    ['superAdmin', 'nhap', 'da_xuat_ban', false, null, true],
    ['system', 'nhap', 'da_xuat_ban', false, null, true],
    ['editor', 'da_duyet', 'da_duyet', false, null, true],
    // Agency officers answer questions the system created: the permission condition, not authorship, limits them.
    ['officer', 'nhap', 'cho_duyet', false, null, true],
    ['officer', 'cho_duyet', 'nhap', false, null, true],
    ['officer', 'cho_duyet', 'da_duyet', false, null, false],
    ['officer', 'cho_duyet', 'tra_lai', false, 'Thiếu căn cứ', false],
  ];
  for (const [actor, from, to, own, reviewNote, allowed] of rows) {
    const whose = own ? 'own' : "someone else's";
    const note = reviewNote === null ? '' : reviewNote.trim() ? ' with a reason' : ' with a blank reason';
    const move = from === to ? `keep ${whose} entry at ${from}` : `move ${whose} entry ${from} → ${to}${note}`;
    it(`${allowed === true ? 'lets' : 'refuses'} ${actor} ${move}`, () => {
      const problem = stageChangeProblem({ actor, from, to, own, reviewNote });
      if (allowed === true) assert.equal(problem, null);
      else {
        assert.equal(problem?.field, allowed === 'reviewNote' ? 'reviewNote' : 'editorialStage');
        assert.match(problem?.message ?? '', allowed === 'reviewNote' ? /^Lý do trả lại/ : /^Trạng thái biên tập/);
        assert.equal(problem?.message, problem?.message.normalize('NFC'));
      }
    });
  }
});

describe('publishing and editing', () => {
  const publish: Array<[Actor, Stage, boolean]> = [
    ['chief', 'da_duyet', true],
    ['chief', 'cho_duyet', false],
    ['chief', 'nhap', false],
    ['chief', 'tra_lai', false],
    ['chief', 'da_xuat_ban', false],
    ['superAdmin', 'nhap', true],
    ['system', 'nhap', true],
  ];
  for (const [actor, stage, allowed] of publish) {
    it(`${allowed ? 'lets' : 'refuses'} ${actor} publish an entry at ${stage}`, () => {
      const problem = publishProblem(actor, stage);
      if (allowed) assert.equal(problem, null);
      else assert.match(problem ?? '', /^Chỉ xuất bản được bài đã duyệt/);
    });
  }

  const edits: Array<[Actor, Stage, Stage]> = [
    ['editor', 'da_duyet', 'nhap'],
    ['editor', 'da_xuat_ban', 'nhap'],
    ['editor', 'cho_duyet', 'cho_duyet'],
    ['editor', 'tra_lai', 'tra_lai'],
    ['reviewer', 'da_duyet', 'da_duyet'],
    ['chief', 'da_xuat_ban', 'da_xuat_ban'],
    ['system', 'da_xuat_ban', 'da_xuat_ban'],
  ];
  for (const [actor, from, to] of edits) {
    it(`an edit by ${actor} of an entry at ${from} ${from === to ? 'leaves it there' : `sends it back to ${to}`}`, () => {
      assert.equal(stageAfterEdit(actor, from), to);
    });
  }
});

describe('separation of duties', () => {
  const cases: Array<[Actor, number | null, boolean, boolean]> = [
    // actor, last author, setting on, refused
    ['reviewer', 5, true, true],
    ['chief', 5, true, true],
    ['reviewer', 6, true, false],
    ['reviewer', null, true, false],
    ['reviewer', 5, false, false],
    ['superAdmin', 5, true, false],
    ['system', 5, true, false],
  ];
  for (const [actor, lastAuthorId, separate, refused] of cases) {
    it(`${refused ? 'refuses' : 'lets'} ${actor} approve when the last author is ${lastAuthorId ?? 'the system'}${separate ? '' : ' (setting off)'}`, () => {
      const problem = approvalProblem({ actor, approverId: actor === 'system' ? null : 5, lastAuthorId, separate });
      assert.equal(problem !== null, refused);
      if (problem) assert.match(problem.message, /^Trạng thái biên tập: người duyệt không được là người viết/);
    });
  }
});
