/**
 * Vietnamese labels and help texts of the Chuyên mục fields (api::category.category), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  name: { label: 'Tên chuyên mục', description: 'Tên hiện trên trình đơn tin tức.' },
  description: { label: 'Mô tả', description: 'Giới thiệu ngắn về chuyên mục.' },
  parent: { label: 'Chuyên mục cha', description: 'Để trống nếu là chuyên mục cấp một.' },
  children: { label: 'Chuyên mục con', description: 'Các chuyên mục thuộc chuyên mục này.' },
  articles: { label: 'Bài viết', description: 'Các bài thuộc chuyên mục.' },
  position: { label: 'Thứ tự hiển thị', description: 'Số nhỏ hiện trước.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tên.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['name', 'parent', 'position', 'updatedAt'];
