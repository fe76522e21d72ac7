/**
 * Vietnamese labels and help texts of the Thẻ fields (api::tag.tag), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  name: { label: 'Tên thẻ', description: 'Từ khoá ngắn, viết thường.' },
  articles: { label: 'Bài viết', description: 'Các bài gắn thẻ này.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tên.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['name', 'updatedAt'];
