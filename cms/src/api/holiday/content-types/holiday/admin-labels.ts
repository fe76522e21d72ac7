/**
 * Vietnamese labels of the Ngày nghỉ lễ, làm bù fields (api::holiday.holiday) and the list view's columns. Read at
 * start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  date: {
    label: 'Ngày nghỉ',
    description: 'Một ngày không tính là ngày làm việc (mỗi ngày của kỳ nghỉ Tết là một dòng; cả ngày nghỉ bù).',
  },
  name: { label: 'Tên ngày nghỉ', description: 'Ví dụ: Tết Nguyên đán (mùng 1), Giỗ Tổ Hùng Vương, nghỉ bù.' },
  makeUpDay: {
    label: 'Ngày làm bù',
    description:
      'Chọn “Có” khi đây là ngày thứ Bảy hoặc Chủ nhật phải đi làm bù theo thông báo của Chính phủ: ngày đó được tính là ngày làm việc.',
  },
} satisfies FieldLabels;

/** The list view's columns. */
export const LIST: readonly string[] = ['date', 'name', 'makeUpDay', 'updatedAt'];
