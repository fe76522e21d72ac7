/**
 * Vietnamese labels and help texts of the Văn bản fields (api::legal-document.legal-document), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  documentNumber: { label: 'Số ký hiệu', description: 'Ghi đúng như trên văn bản, ví dụ 12/2025/QĐ-UBND.' },
  abstract: { label: 'Trích yếu', description: 'Trích yếu nội dung như trên văn bản.' },
  documentType: { label: 'Loại văn bản', description: 'Theo danh mục của Nghị định 30/2020/NĐ-CP.' },
  issuingAgency: { label: 'Cơ quan ban hành', description: 'Cơ quan ký ban hành văn bản.' },
  signer: { label: 'Người ký', description: 'Họ tên người ký văn bản.' },
  signerTitle: { label: 'Chức vụ người ký', description: 'Ví dụ: Chủ tịch, Phó Chủ tịch.' },
  issueDate: { label: 'Ngày ban hành', description: 'Ngày ghi trên văn bản.' },
  effectiveDate: { label: 'Ngày có hiệu lực', description: 'Để trống nếu văn bản không ghi.' },
  expiryDate: { label: 'Ngày hết hiệu lực', description: 'Chỉ ghi khi văn bản quy định thời hạn.' },
  validityStatus: {
    label: 'Tình trạng hiệu lực',
    description: 'Hệ thống tự tính từ ngày hiệu lực và văn bản thay thế.',
  },
  validityOverride: {
    label: 'Tự đặt tình trạng hiệu lực',
    description: 'Chỉ bật khi cách tính tự động sai với văn bản này.',
  },
  fields: { label: 'Lĩnh vực', description: 'Lĩnh vực văn bản điều chỉnh.' },
  body: { label: 'Nội dung', description: 'Toàn văn (nếu có); tệp gốc đính kèm bên dưới.' },
  attachments: { label: 'Tệp đính kèm', description: 'Bản PDF hoặc Word của văn bản.' },
  relations: {
    label: 'Văn bản liên quan',
    description: 'Văn bản này thay thế, sửa đổi, bãi bỏ hoặc hướng dẫn văn bản nào.',
  },
  validityChanges: { label: 'Lịch sử hiệu lực', description: 'Hệ thống ghi các lần đổi tình trạng hiệu lực.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ số ký hiệu.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['documentNumber', 'abstract', 'editorialStage', 'createdBy', 'updatedAt'];
