/**
 * Vietnamese labels and help texts of the Lĩnh vực fields (api::field.field), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  name: { label: 'Tên lĩnh vực', description: 'Ví dụ: Tư pháp, Đất đai.' },
  nameEn: { label: 'Tên tiếng Anh', description: 'Dùng trên trang tiếng Anh.' },
  code: { label: 'Mã lĩnh vực', description: 'Mã theo danh mục quốc gia, nếu có.' },
  position: { label: 'Thứ tự hiển thị', description: 'Số nhỏ hiện trước.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tên.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['name', 'code', 'updatedAt'];
