import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CHANNEL_LABELS,
  LEVEL_LABELS,
  SERVICE_LEVEL_LABELS,
  copiesLabel,
  isGovernmentUrl,
  levelLabel,
} from './procedures.ts';

const cmsJson = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../cms/src/${path}`, import.meta.url), 'utf8')) as {
    attributes: Record<string, { enum?: string[] }>;
  };
const procedureSchema = cmsJson('api/procedure/content-types/procedure/schema.json');
const methodSchema = cmsJson('components/procedure/method.json');
const sorted = (values: Iterable<string>) => [...values].sort();

describe('procedure label tables cover the CMS enumerations', () => {
  it('levels', () =>
    assert.deepEqual(sorted(Object.keys(LEVEL_LABELS)), sorted(procedureSchema.attributes.level?.enum ?? [])));
  it('service levels', () =>
    assert.deepEqual(
      sorted(Object.keys(SERVICE_LEVEL_LABELS)),
      sorted(procedureSchema.attributes.serviceLevel?.enum ?? []),
    ));
  it('submission channels', () =>
    assert.deepEqual(sorted(Object.keys(CHANNEL_LABELS)), sorted(methodSchema.attributes.channel?.enum ?? [])));
});

describe('procedure display', () => {
  it('labels a level', () => assert.equal(levelLabel('xa'), 'Cấp xã'));
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
