import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MARK_START, MARK_END } from '@portal/search/client';
import { hitView } from './search-hit.ts';

describe('hitView of a question (hỏi đáp)', () => {
  it('links the question page and shows the kind, answer date, agency and the matched text', () => {
    const view = hitView({
      id: 'question-q1-vi',
      type: 'question',
      slug: 'doi-giay-phep-lai-xe',
      fields: { kind: 'Hỏi đáp', title: 'Đổi giấy phép lái xe', answeredAt: '2026-12-02', agency: 'Sở Xây dựng' },
      formatted: {
        title: 'Đổi giấy phép lái xe',
        question: 'Giấy phép quá hạn thì sao?',
        text: `Được ${MARK_START}đổi${MARK_END} không phải sát hạch.`,
      },
    });
    assert.equal(view.href, '/hoi-dap/doi-giay-phep-lai-xe/');
    assert.equal(view.title, 'Đổi giấy phép lái xe');
    assert.deepEqual(view.meta, ['Hỏi đáp', 'Trả lời ngày 02/12/2026', 'Sở Xây dựng']);
    assert.equal(view.snippet, `Được ${MARK_START}đổi${MARK_END} không phải sát hạch.`);
  });
});
