/**
 * Vietnamese labels of the Phân công cán bộ trả lời fields (api::officer-assignment.officer-assignment) and the
 * list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  officerEmail: {
    label: 'Thư điện tử đăng nhập của cán bộ',
    description: 'Đúng địa chỉ cán bộ dùng để đăng nhập phần quản trị (vai trò Cán bộ trả lời).',
  },
  agency: {
    label: 'Cơ quan cán bộ trả lời thay mặt',
    description: 'Cán bộ chỉ thấy và trả lời câu hỏi đã chuyển cho cơ quan này.',
  },
  note: { label: 'Ghi chú', description: 'Ví dụ: phòng, ban của cán bộ; quyết định phân công.' },
} satisfies FieldLabels;

/** The list view's columns. */
export const LIST: readonly string[] = ['officerEmail', 'agency', 'updatedAt'];
