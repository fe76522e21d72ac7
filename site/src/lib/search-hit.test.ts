import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MARK_START, MARK_END, markedFields } from '@portal/search/client';
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

describe('hitView of a law found only through its full text', () => {
  it('shows its abstract with the query words the client marked (Meilisearch does not highlight body hits)', () => {
    const fields = {
      kind: 'Văn bản',
      documentType: 'Luật',
      documentNumber: '31/2024/QH15',
      abstract: 'Luật Đất đai',
      issueDate: '2024-01-18',
    };
    const view = hitView({
      id: 'legal-document-l1-vi',
      type: 'legal-document',
      slug: 'luat-dat-dai',
      fields,
      formatted: markedFields(fields, ['dat', 'dai', 'thu', 'hoi'], 'folded'),
    });
    assert.equal(view.title, 'Luật số 31/2024/QH15');
    assert.equal(view.snippet, `Luật ${MARK_START}Đất${MARK_END} ${MARK_START}đai${MARK_END}`);
  });
});
