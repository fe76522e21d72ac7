/**
 * Vietnamese labels and help texts of the Hỏi đáp fields (api::question.question), in the order the edit view
 * shows them, and the list view's columns. The personal fields say so, so nobody copies them out. Read at
 * start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  title: { label: 'Tiêu đề (công khai)', description: 'Tóm ý câu hỏi trong một dòng, không nêu tên người hỏi.' },
  question: {
    label: 'Nội dung câu hỏi (công khai)',
    description: 'Xoá mọi thông tin cá nhân người hỏi tự viết vào.',
  },
  answer: { label: 'Câu trả lời (công khai)', description: 'Trả lời rõ ràng, dẫn căn cứ pháp lý nếu có.' },
  processingStatus: { label: 'Trạng thái xử lý', description: 'Mới nhận, đang xử lý, đã trả lời hoặc từ chối.' },
  rejectionReason: {
    label: 'Lý do từ chối (không công khai)',
    description: 'Bắt buộc khi từ chối; gửi cho người hỏi, không đăng lên cổng.',
  },
  field: { label: 'Lĩnh vực', description: 'Lĩnh vực của câu hỏi.' },
  agency: { label: 'Cơ quan nhận câu hỏi', description: 'Cơ quan người hỏi gửi tới.' },
  answeringAgency: { label: 'Cơ quan trả lời', description: 'Cơ quan chịu trách nhiệm trả lời.' },
  answeringUnit: { label: 'Đơn vị trả lời', description: 'Phòng, ban trực tiếp trả lời, nếu cần ghi.' },
  answeredAt: { label: 'Ngày trả lời', description: 'Ngày câu trả lời được duyệt.' },
  legalBasis: { label: 'Căn cứ pháp lý', description: 'Văn bản làm căn cứ trả lời.' },
  receivedAt: { label: 'Thời điểm nhận', description: 'Hệ thống ghi lúc nhận câu hỏi.', editable: false },
  answerDueDate: {
    label: 'Hạn trả lời',
    description:
      'Hệ thống tính khi nhận câu hỏi: số ngày làm việc trong Cài đặt cổng, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, có tính ngày làm bù; tính lại khi lịch nghỉ thay đổi.',
    editable: false,
  },
  trackingCode: {
    label: 'Mã theo dõi (không công khai)',
    description: 'Mã người hỏi dùng để tra cứu; không đăng lên cổng.',
    editable: false,
  },
  askerName: { label: 'Họ tên người hỏi (dữ liệu cá nhân)', description: 'Không đăng, không sao chép ra ngoài.' },
  askerEmail: { label: 'Thư điện tử người hỏi (dữ liệu cá nhân)', description: 'Chỉ dùng để gửi câu trả lời.' },
  askerPhone: { label: 'Điện thoại người hỏi (dữ liệu cá nhân)', description: 'Chỉ dùng để liên hệ khi cần.' },
  askerAddress: { label: 'Địa chỉ người hỏi (dữ liệu cá nhân)', description: 'Không đăng, không sao chép ra ngoài.' },
  consentVersion: { label: 'Phiên bản nội dung đồng ý', description: 'Hệ thống ghi.', editable: false },
  consentText: { label: 'Nội dung đã đồng ý', description: 'Điều khoản người hỏi đã đồng ý.', editable: false },
  consentAt: { label: 'Thời điểm đồng ý', description: 'Hệ thống ghi.', editable: false },
  proofOfWork: {
    label: 'Đã qua xác minh chống thư rác',
    description: 'Hệ thống ghi kết quả kiểm tra tự động.',
    editable: false,
  },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ tiêu đề.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = [
  'title',
  'processingStatus',
  'receivedAt',
  'answerDueDate',
  'editorialStage',
  'updatedAt',
];
