/**
 * Vietnamese labels and help texts of the Trang tĩnh fields (api::page.page), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here. Enumeration values without a list of their own are labelled here too.
 */
import type { FieldLabels, ValueLabels } from '../../../../editorial/field-labels';

export default {
  title: { label: 'Tiêu đề', description: 'Tên trang, hiện trên trình đơn và đầu trang.' },
  summary: { label: 'Tóm tắt', description: 'Một hai câu giới thiệu trang.' },
  body: { label: 'Nội dung', description: 'Nội dung trang.' },
  attachments: { label: 'Tệp đính kèm', description: 'Tài liệu tải về kèm trang.' },
  kind: { label: 'Loại trang', description: 'Giới thiệu, cơ cấu tổ chức, liên hệ, tiếp cận thông tin hoặc khác.' },
  position: { label: 'Thứ tự hiển thị', description: 'Số nhỏ hiện trước.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tiêu đề.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['title', 'kind', 'editorialStage', 'createdBy', 'updatedAt'];

export const VALUES = {
  kind: {
    gioi_thieu: 'Giới thiệu',
    co_cau_to_chuc: 'Cơ cấu tổ chức',
    lien_he: 'Liên hệ',
    tiep_can_thong_tin: 'Tiếp cận thông tin',
    khac: 'Khác',
  },
} as const satisfies ValueLabels;
