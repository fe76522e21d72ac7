import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RELATION_TYPES,
  inverseOf,
  isRelationKey,
  relationLabel,
  validateRelations,
  validityEffect,
  type RelationInput,
  type RelationKey,
} from './relations.ts';

const allKeys: RelationKey[] = RELATION_TYPES.flatMap((type) => [type.key, type.inverseKey]);

describe('RELATION_TYPES', () => {
  it('has unique keys across both directions', () => {
    assert.equal(new Set(allKeys).size, allKeys.length);
  });

  it('lists the relations the legal-document component offers', () => {
    assert.deepEqual(
      RELATION_TYPES.map((type) => type.key),
      [
        'thay_the',
        'sua_doi_bo_sung',
        'bai_bo',
        'bai_bo_mot_phan',
        'huong_dan',
        'quy_dinh_chi_tiet',
        'can_cu',
        'dinh_chinh',
        'dan_chieu',
      ],
    );
  });

  it('uses schema-safe keys and NFC labels', () => {
    for (const key of allKeys) assert.match(key, /^[a-z]+(?:_[a-z]+)*$/);
    for (const type of RELATION_TYPES) {
      for (const label of [type.active.vi, type.passive.vi]) assert.equal(label, label.normalize('NFC'));
    }
  });
});

describe('inverseOf', () => {
  for (const key of allKeys) {
    it(`returns to ${key} when applied twice`, () => {
      assert.equal(inverseOf(inverseOf(key)), key);
      assert.notEqual(inverseOf(key), key);
    });
  }

  it('maps thay_the to bi_thay_the and back', () => {
    assert.equal(inverseOf('thay_the'), 'bi_thay_the');
    assert.equal(inverseOf('bi_thay_the'), 'thay_the');
  });
});

describe('relationLabel', () => {
  const cases: Array<[RelationKey, 'active' | 'passive', 'vi' | 'en', string]> = [
    ['thay_the', 'active', 'vi', 'Thay thế'],
    ['thay_the', 'passive', 'vi', 'Bị thay thế bởi'],
    ['bi_thay_the', 'passive', 'vi', 'Bị thay thế bởi'],
    ['bi_thay_the', 'active', 'vi', 'Thay thế'],
    ['sua_doi_bo_sung', 'passive', 'vi', 'Được sửa đổi, bổ sung bởi'],
    ['bai_bo_mot_phan', 'passive', 'vi', 'Bị bãi bỏ một phần bởi'],
    ['can_cu', 'active', 'vi', 'Căn cứ ban hành'],
    ['can_cu', 'passive', 'vi', 'Là căn cứ ban hành của'],
    ['quy_dinh_chi_tiet', 'passive', 'vi', 'Được quy định chi tiết bởi'],
    ['dinh_chinh', 'active', 'en', 'Corrects'],
    ['duoc_dan_chieu', 'passive', 'en', 'Referred to by'],
    ['bai_bo', 'passive', 'en', 'Repealed by'],
  ];
  for (const [key, direction, locale, expected] of cases) {
    it(`reads ${key} ${direction} in ${locale} as ${JSON.stringify(expected)}`, () => {
      assert.equal(relationLabel(key, direction, locale), expected);
    });
  }

  it('throws on an unknown key', () => {
    assert.throws(() => relationLabel('thay-the' as RelationKey, 'active', 'vi'), RangeError);
  });
});

describe('validityEffect', () => {
  const cases: Array<[RelationKey, string | null]> = [
    ['thay_the', 'het_hieu_luc_toan_bo'],
    ['bai_bo', 'het_hieu_luc_toan_bo'],
    ['bai_bo_mot_phan', 'het_hieu_luc_mot_phan'],
    ['sua_doi_bo_sung', 'het_hieu_luc_mot_phan'],
    ['bi_thay_the', 'het_hieu_luc_toan_bo'],
    ['huong_dan', null],
    ['quy_dinh_chi_tiet', null],
    ['can_cu', null],
    ['dinh_chinh', null],
    ['dan_chieu', null],
  ];
  for (const [key, expected] of cases) {
    it(`gives ${expected ?? 'no effect'} for ${key}`, () => {
      assert.equal(validityEffect(key), expected);
    });
  }

  it('is the same for both keys of a pair', () => {
    for (const key of allKeys) assert.equal(validityEffect(key), validityEffect(inverseOf(key)));
  });
});

describe('isRelationKey', () => {
  const cases: Array<[string, boolean]> = [
    ['thay_the', true],
    ['duoc_huong_dan', true],
    ['thay-the', false],
    ['', false],
  ];
  for (const [key, expected] of cases) {
    it(`${expected ? 'knows' : 'does not know'} ${JSON.stringify(key)}`, () => {
      assert.equal(isRelationKey(key), expected);
    });
  }
});

describe('validateRelations', () => {
  const cases: Array<[string, RelationInput[], string[]]> = [
    ['accepts no relations', [], []],
    [
      'accepts distinct relations, including active and passive keys to the same target',
      [
        { type: 'thay_the', targetId: 'b' },
        { type: 'can_cu', targetId: 'c' },
        { type: 'dan_chieu', targetId: 'b' },
        { type: 'duoc_huong_dan', targetId: 'd' },
      ],
      [],
    ],
    [
      'rejects a relation to the document itself',
      [{ type: 'thay_the', targetId: 'a' }],
      ['Quan hệ văn bản thứ 1: Văn bản không thể thay thế chính nó.'],
    ],
    [
      'rejects a passive relation to the document itself',
      [{ type: 'bi_bai_bo', targetId: 'a' }],
      ['Quan hệ văn bản thứ 1: Văn bản không thể bị bãi bỏ bởi chính nó.'],
    ],
    [
      'names the relation in the message about itself',
      [{ type: 'sua_doi_bo_sung', targetId: 'a' }],
      ['Quan hệ văn bản thứ 1: Văn bản không thể sửa đổi, bổ sung chính nó.'],
    ],
    [
      'rejects an unknown relation type',
      [{ type: 'thay-the', targetId: 'b' }],
      ['Quan hệ văn bản thứ 1: loại quan hệ “thay-the” không có trong danh mục.'],
    ],
    [
      'rejects a row without a target',
      [{ type: 'huong_dan', targetId: null }],
      ['Quan hệ văn bản thứ 1 (Hướng dẫn): chưa chọn văn bản liên quan.'],
    ],
    [
      'rejects the same type and target twice',
      [
        { type: 'bai_bo', targetId: 'b' },
        { type: 'huong_dan', targetId: 'c' },
        { type: 'bai_bo', targetId: 'b' },
      ],
      ['Quan hệ văn bản thứ 3 trùng với quan hệ thứ 1: cùng loại “Bãi bỏ” và cùng văn bản liên quan.'],
    ],
    [
      'reports every bad row',
      [
        { type: 'dinh_chinh', targetId: 'a' },
        { type: 'xyz', targetId: 'b' },
        { type: 'dan_chieu', targetId: 'b' },
        { type: 'dan_chieu', targetId: 'b' },
      ],
      [
        'Quan hệ văn bản thứ 1: Văn bản không thể đính chính chính nó.',
        'Quan hệ văn bản thứ 2: loại quan hệ “xyz” không có trong danh mục.',
        'Quan hệ văn bản thứ 4 trùng với quan hệ thứ 3: cùng loại “Dẫn chiếu” và cùng văn bản liên quan.',
      ],
    ],
  ];
  for (const [behaviour, relations, expected] of cases) {
    it(behaviour, () => {
      assert.deepEqual(validateRelations('a', relations), expected);
    });
  }

  it('treats a numeric source id like its string form', () => {
    assert.deepEqual(validateRelations(7, [{ type: 'thay_the', targetId: '7' }]), [
      'Quan hệ văn bản thứ 1: Văn bản không thể thay thế chính nó.',
    ]);
  });
});
