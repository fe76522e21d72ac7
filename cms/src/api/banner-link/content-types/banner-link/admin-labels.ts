/**
 * Vietnamese labels and help texts of the Liên kết fields (api::banner-link.banner-link), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  title: { label: 'Tên liên kết', description: 'Chữ hiện trên biểu ngữ hoặc liên kết.' },
  url: { label: 'Địa chỉ', description: 'Đường dẫn đầy đủ, bắt đầu bằng https://.' },
  image: { label: 'Ảnh biểu ngữ', description: 'Ảnh hiển thị, nếu có.' },
  position: { label: 'Thứ tự hiển thị', description: 'Số nhỏ hiện trước.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['title', 'url', 'editorialStage', 'updatedAt'];
