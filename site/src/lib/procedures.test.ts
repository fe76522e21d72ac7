import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copiesLabel, isGovernmentUrl, levelLabel, serviceLevelLabel } from './procedures.ts';

describe('procedure display', () => {
  it('labels a level', () => assert.equal(levelLabel('xa'), 'Cấp xã'));
  it('spells a service level out', () =>
    assert.equal(serviceLevelLabel('toan_trinh'), 'Dịch vụ công trực tuyến toàn trình'));
  it('counts originals and copies', () => {
    assert.equal(copiesLabel(1, 0), '1 bản chính');
    assert.equal(copiesLabel(0, 2), '2 bản sao');
    assert.equal(copiesLabel(1, 1), '1 bản chính, 1 bản sao');
    assert.equal(copiesLabel(null, null), '—');
  });
});

describe('isGovernmentUrl (only these become the "Nộp hồ sơ trực tuyến" button)', () => {
  it('accepts the national public service portal over https', () =>
    assert.ok(
      isGovernmentUrl('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193'),
    ));
  for (const url of [
    'http://dichvucong.gov.vn/',
    'https://dichvucong.gov.vn.example.com/',
    'https://evilgov.vn/',
    'javascript:alert(1)',
    'not a url',
    '',
    null,
  ])
    it(`refuses ${JSON.stringify(url)}`, () => assert.equal(isGovernmentUrl(url), false));
});
