import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stripFillers } from './fillers.ts';

describe('stripFillers', () => {
  it('takes the colloquial wrapping off, typed with or without tones', () => {
    assert.equal(stripFillers('xin cho hỏi thủ tục làm đăng ký kết hôn'), 'đăng ký kết hôn');
    assert.equal(stripFillers('cho hoi cap lai so bhxh can giay to gi'), 'cap lai so bhxh');
    assert.equal(stripFillers('tôi muốn đăng ký tàu cá thì làm thế nào'), 'đăng ký tàu cá');
    assert.equal(stripFillers('dang ky ket hon mat bao lau'), 'dang ky ket hon');
  });

  it('keeps words that only look like fillers inside a name, and a query made only of fillers', () => {
    assert.equal(stripFillers('hỗ trợ làm nhà ở'), 'hỗ trợ làm nhà ở');
    assert.equal(stripFillers('xin giấy phép xây dựng ạ'), 'giấy phép xây dựng');
    assert.equal(stripFillers('thủ tục hành chính'), 'thủ tục hành chính');
    assert.equal(stripFillers('xin'), 'xin');
    assert.equal(stripFillers('2543/QĐ-UBND'), '2543/QĐ-UBND');
  });
});
