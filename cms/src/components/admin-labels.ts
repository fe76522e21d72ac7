/**
 * Vietnamese labels and help texts of the components' fields, one table per component (keyed by its uid), in
 * the order the edit view shows them. Kept here, beside the component folders, because Strapi reads every file
 * inside them as a component. admin-labels.test.ts checks every attribute is here.
 */
import type { FieldLabels } from '../editorial/field-labels';

export const COMPONENT_LABELS: Readonly<Record<string, FieldLabels>> = {
  'legal.document-relation': {
    type: { label: 'Quan hệ', description: 'Văn bản này thay thế, sửa đổi, bãi bỏ, hướng dẫn… văn bản được chọn.' },
    target: { label: 'Văn bản', description: 'Văn bản được thay thế, sửa đổi, bãi bỏ hoặc hướng dẫn.' },
    note: { label: 'Ghi chú', description: 'Ví dụ: các điều khoản bị bãi bỏ.' },
  },
  'procedure.step': {
    title: { label: 'Bước', description: 'Tên bước, ví dụ: Nộp hồ sơ.' },
    description: { label: 'Mô tả', description: 'Ai làm gì, ở đâu, trong bao lâu.' },
  },
  'procedure.method': {
    channel: { label: 'Hình thức nộp', description: 'Trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính.' },
    duration: { label: 'Thời hạn giải quyết', description: 'Ví dụ: 05 ngày làm việc.' },
    fee: { label: 'Phí, lệ phí', description: 'Ghi “Không” nếu miễn phí.' },
    description: { label: 'Mô tả', description: 'Giải thích thêm về hình thức nộp này.' },
  },
  'procedure.dossier-item': {
    name: { label: 'Tên giấy tờ', description: 'Tên giấy tờ trong hồ sơ.' },
    form: { label: 'Mẫu đơn, tờ khai', description: 'Tệp mẫu để người dân tải về, nếu có.' },
    originals: { label: 'Số bản chính', description: 'Để trống nếu không yêu cầu.' },
    copies: { label: 'Số bản sao', description: 'Để trống nếu không yêu cầu.' },
  },
};
