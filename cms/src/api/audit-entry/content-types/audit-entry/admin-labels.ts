/**
 * Vietnamese labels and help texts of the Nhật ký biên tập fields (api::audit-entry.audit-entry), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  at: { label: 'Thời điểm', description: 'Lúc thao tác được ghi.' },
  action: { label: 'Thao tác', description: 'Tạo, sửa, chuyển trạng thái, xuất bản, gỡ, xoá…' },
  entryTitle: { label: 'Mục', description: 'Tiêu đề của mục lúc thao tác.' },
  contentType: { label: 'Loại nội dung', description: 'Loại của mục (tin tức, văn bản…).' },
  actorName: { label: 'Người thực hiện', description: 'Tài khoản đã thao tác, hoặc Hệ thống.' },
  actorEmail: { label: 'Thư điện tử người thực hiện', description: 'Hộp thư của tài khoản.' },
  actorId: { label: 'Mã người thực hiện', description: 'Mã tài khoản quản trị.' },
  onBehalfOf: { label: 'Thay mặt', description: 'Người đã hẹn giờ, khi hệ thống làm thay.' },
  entryDocumentId: { label: 'Mã mục', description: 'Mã tài liệu của mục, để lọc mọi thao tác trên một mục.' },
  entryLocale: { label: 'Ngôn ngữ', description: 'Ngôn ngữ của bản được thao tác.' },
  changes: { label: 'Thay đổi', description: 'Giá trị trước và sau của các trường đã đổi.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['at', 'action', 'entryTitle', 'actorName', 'contentType'];
