/**
 * Vietnamese labels and help texts of the Cài đặt cổng fields (api::site-setting.site-setting), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  portalName: { label: 'Tên cổng', description: 'Tên cổng thông tin điện tử, hiện ở đầu mọi trang.' },
  portalNameEn: { label: 'Tên cổng (tiếng Anh)', description: 'Dùng trên trang tiếng Anh.' },
  ownerAgency: { label: 'Cơ quan chủ quản', description: 'Cơ quan chịu trách nhiệm về cổng.' },
  ownerAgencyEn: { label: 'Cơ quan chủ quản (tiếng Anh)', description: 'Dùng trên trang tiếng Anh.' },
  licenceLine: { label: 'Giấy phép', description: 'Dòng giấy phép ở chân trang.' },
  licenceLineEn: { label: 'Giấy phép (tiếng Anh)', description: 'Dùng trên trang tiếng Anh.' },
  editorInChief: { label: 'Trưởng ban biên tập', description: 'Người chịu trách nhiệm nội dung, hiện ở chân trang.' },
  editorInChiefEn: { label: 'Trưởng ban biên tập (tiếng Anh)', description: 'Dùng trên trang tiếng Anh.' },
  address: { label: 'Địa chỉ', description: 'Địa chỉ cơ quan chủ quản.' },
  addressEn: { label: 'Địa chỉ (tiếng Anh)', description: 'Dùng trên trang tiếng Anh.' },
  phone: { label: 'Điện thoại', description: 'Số điện thoại liên hệ.' },
  email: { label: 'Thư điện tử', description: 'Hộp thư liên hệ của ban biên tập.' },
  emcSiteId: { label: 'Mã tín nhiệm mạng', description: 'Mã do Trung tâm Giám sát an toàn không gian mạng (EMC) cấp.' },
  emblem: { label: 'Biểu trưng', description: 'Quốc huy hoặc biểu trưng ở đầu trang.' },
  questionAnswerDays: {
    label: 'Hạn trả lời câu hỏi (ngày)',
    description: 'Số ngày làm việc để trả lời câu hỏi của người dân.',
  },
  separateApproval: {
    label: 'Người duyệt khác người viết',
    description: 'Bật: người sửa bài lần cuối không được tự duyệt bài đó.',
  },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['portalName', 'ownerAgency', 'updatedAt'];
