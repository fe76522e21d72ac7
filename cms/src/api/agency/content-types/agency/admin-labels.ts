/**
 * Vietnamese labels and help texts of the Cơ quan, đơn vị fields (api::agency.agency), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  name: { label: 'Tên cơ quan', description: 'Tên đầy đủ, ví dụ Sở Tư pháp.' },
  code: { label: 'Mã cơ quan', description: 'Mã định danh của cơ quan, nếu có.' },
  description: { label: 'Chức năng, nhiệm vụ', description: 'Giới thiệu ngắn về cơ quan.' },
  headName: { label: 'Người đứng đầu', description: 'Họ tên người đứng đầu.' },
  headTitle: { label: 'Chức vụ người đứng đầu', description: 'Ví dụ: Giám đốc.' },
  address: { label: 'Địa chỉ', description: 'Địa chỉ trụ sở.' },
  phone: { label: 'Điện thoại', description: 'Số điện thoại liên hệ.' },
  email: { label: 'Thư điện tử', description: 'Hộp thư công vụ của cơ quan.' },
  website: { label: 'Trang thông tin điện tử', description: 'Địa chỉ đầy đủ, bắt đầu bằng https://.' },
  parent: { label: 'Cơ quan cấp trên', description: 'Cơ quan quản lý trực tiếp.' },
  children: { label: 'Đơn vị trực thuộc', description: 'Các đơn vị thuộc cơ quan này.' },
  position: { label: 'Thứ tự hiển thị', description: 'Số nhỏ hiện trước.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tên.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['name', 'editorialStage', 'createdBy', 'updatedAt'];
