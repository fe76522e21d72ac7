import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toPortalSettings } from './portal.ts';

const demo = {
  portalName: 'Cổng thông tin điện tử tỉnh Sơn Hà',
  portalNameEn: 'Son Ha Provincial Government Portal',
  ownerAgency: 'Ủy ban nhân dân tỉnh Sơn Hà',
  licenceLine: 'Giấy phép số 15/GP-TTĐT',
  editorInChief: null,
  address: '  ',
  phone: '0203 3812 345',
  email: 'bbt@sonha.example.gov.vn',
  emcSiteId: 'sonha',
};

describe('portal settings', () => {
  it('splits the portal name into the two masthead lines', () =>
    assert.deepEqual(toPortalSettings(demo).masthead, ['Cổng thông tin điện tử', 'Tỉnh Sơn Hà']));

  it('keeps a name that does not start with the usual words on one line', () =>
    assert.deepEqual(toPortalSettings({ ...demo, portalName: 'Sơn Hà trực tuyến' }).masthead, ['Sơn Hà trực tuyến']));

  it('treats blank and missing optional fields alike', () => {
    const settings = toPortalSettings(demo);
    assert.equal(settings.editorInChief, undefined);
    assert.equal(settings.address, undefined);
    assert.equal(settings.phone, '0203 3812 345');
  });

  it('falls back to the Vietnamese name in English when there is no English one', () =>
    assert.equal(toPortalSettings({ ...demo, portalNameEn: null }).nameEn, demo.portalName));

  it('builds a portal with neutral settings when none are saved', () =>
    assert.equal(toPortalSettings(null).name, 'Cổng thông tin điện tử'));

  it('refuses settings without the owner agency', () =>
    assert.throws(() => toPortalSettings({ ...demo, ownerAgency: ' ' }), /ownerAgency/));
});
