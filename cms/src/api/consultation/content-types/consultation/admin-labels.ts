/**
 * Vietnamese labels and help texts of the Dự thảo lấy ý kiến fields (api::consultation.consultation), in the
 * order the edit view shows them, and the list view's columns. Read at start-up by bootstrap/admin-views.ts;
 * admin-labels.test.ts checks every attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  title: { label: 'Tên dự thảo', description: 'Tên đầy đủ của văn bản dự thảo, như trên tờ trình.' },
  summary: {
    label: 'Tóm tắt',
    description: 'Mục đích, phạm vi và những nội dung chính cần xin ý kiến; hiện trên trang và trong kết quả tìm kiếm.',
  },
  draftingAgency: { label: 'Cơ quan chủ trì soạn thảo', description: 'Cơ quan lấy ý kiến và tiếp thu, giải trình.' },
  field: { label: 'Lĩnh vực', description: 'Lĩnh vực của dự thảo.' },
  draftFiles: {
    label: 'Tệp dự thảo',
    description: 'Dự thảo văn bản, tờ trình và tài liệu kèm theo (PDF, DOC). Công khai khi xuất bản.',
  },
  openAt: {
    label: 'Bắt đầu lấy ý kiến',
    description: 'Thời điểm bắt đầu nhận góp ý (giờ Việt Nam). Trước thời điểm này cổng không nhận góp ý.',
  },
  closeAt: {
    label: 'Kết thúc lấy ý kiến',
    description: 'Thời điểm ngừng nhận góp ý (giờ Việt Nam), sau thời điểm bắt đầu. Góp ý gửi sau đó bị từ chối.',
  },
  report: {
    label: 'Báo cáo tổng hợp, tiếp thu, giải trình',
    description:
      'Sau khi hết hạn: tổng hợp ý kiến nhận được, ý kiến được tiếp thu và giải trình ý kiến không tiếp thu.',
  },
  reportFile: { label: 'Tệp báo cáo tổng hợp', description: 'Bản báo cáo có chữ ký (PDF), nếu có.' },
  reportDate: { label: 'Ngày báo cáo', description: 'Ngày ký hoặc công bố báo cáo tổng hợp.' },
  adoptedDocument: {
    label: 'Văn bản được ban hành',
    description: 'Khi dự thảo đã được ban hành: chọn văn bản chính thức trong mục Văn bản.',
  },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tên dự thảo.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['title', 'openAt', 'closeAt', 'editorialStage', 'updatedAt'];
