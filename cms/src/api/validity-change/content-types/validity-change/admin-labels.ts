/**
 * Vietnamese labels and help texts of the Lịch sử hiệu lực fields (api::validity-change.validity-change), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  document: { label: 'Văn bản', description: 'Văn bản đổi tình trạng hiệu lực.' },
  date: { label: 'Ngày', description: 'Ngày đổi tình trạng.' },
  status: { label: 'Tình trạng hiệu lực', description: 'Tình trạng từ ngày này.' },
  cause: { label: 'Văn bản gây thay đổi', description: 'Văn bản thay thế, sửa đổi hoặc bãi bỏ.' },
  note: { label: 'Ghi chú', description: 'Giải thích thêm, nếu cần.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['document', 'date', 'status', 'cause'];
