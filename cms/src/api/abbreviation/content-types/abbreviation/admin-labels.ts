/**
 * Vietnamese labels and help texts of the Từ viết tắt fields (api::abbreviation.abbreviation), in the order
 * the edit view shows them, and the list view's columns. Read at start-up by bootstrap/admin-views.ts;
 * admin-labels.test.ts checks every attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  abbreviation: {
    label: 'Từ viết tắt',
    description:
      'Cách người dân gõ tắt, ví dụ GPLX hoặc CCCD. Tìm kiếm trên cổng không phân biệt chữ hoa, có dấu hay không dấu.',
  },
  expansions: {
    label: 'Nghĩa đầy đủ',
    description:
      'Mỗi dòng một cách viết đầy đủ, có dấu, ví dụ “giấy phép lái xe”. Tìm từ viết tắt sẽ ra các cách viết này và ngược lại.',
  },
} satisfies FieldLabels;

/** The list view's columns. */
export const LIST: readonly string[] = ['abbreviation', 'expansions', 'updatedAt'];
