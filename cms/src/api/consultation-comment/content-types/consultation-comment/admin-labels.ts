/**
 * Vietnamese labels and help texts of the Góp ý dự thảo fields (api::consultation-comment.consultation-comment):
 * a citizen's comment, moderated by the board and never published one by one. The personal fields say so.
 * Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every attribute is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  consultation: { label: 'Dự thảo', description: 'Dự thảo được góp ý.', editable: false },
  section: { label: 'Điều, khoản góp ý', description: 'Phần của dự thảo người dân góp ý, nếu có ghi.' },
  content: {
    label: 'Nội dung góp ý (không công khai)',
    description: 'Dùng để tổng hợp vào báo cáo tiếp thu, giải trình; không đăng nguyên văn.',
  },
  moderationStatus: {
    label: 'Trạng thái xem xét',
    description: 'Mới nhận; hợp lệ (đưa vào tổng hợp) hoặc không hợp lệ.',
  },
  moderationNote: { label: 'Ghi chú xem xét', description: 'Lý do không hợp lệ hoặc ghi chú khi tổng hợp.' },
  receivedAt: { label: 'Thời điểm nhận', description: 'Hệ thống ghi lúc nhận góp ý.', editable: false },
  receiptCode: {
    label: 'Mã tiếp nhận (không công khai)',
    description: 'Mã người góp ý nhận được; không đăng lên cổng.',
    editable: false,
  },
  commenterName: { label: 'Họ tên người góp ý (dữ liệu cá nhân)', description: 'Không đăng, không sao chép ra ngoài.' },
  commenterEmail: {
    label: 'Thư điện tử người góp ý (dữ liệu cá nhân)',
    description: 'Chỉ dùng để liên hệ về góp ý này.',
  },
  commenterPhone: {
    label: 'Điện thoại người góp ý (dữ liệu cá nhân)',
    description: 'Chỉ dùng để liên hệ khi cần.',
  },
  commenterAddress: {
    label: 'Địa chỉ người góp ý (dữ liệu cá nhân)',
    description: 'Không đăng, không sao chép ra ngoài.',
  },
  commenterOrganisation: {
    label: 'Tổ chức, doanh nghiệp (dữ liệu cá nhân)',
    description: 'Tổ chức người góp ý đại diện, nếu có.',
  },
  consentVersion: { label: 'Phiên bản nội dung đồng ý', description: 'Hệ thống ghi.', editable: false },
  consentText: { label: 'Nội dung đã đồng ý', description: 'Điều khoản người góp ý đã đồng ý.', editable: false },
  consentAt: { label: 'Thời điểm đồng ý', description: 'Hệ thống ghi.', editable: false },
  proofOfWork: {
    label: 'Đã qua xác minh chống thư rác',
    description: 'Hệ thống ghi kết quả kiểm tra tự động.',
    editable: false,
  },
} satisfies FieldLabels;

/** The list view's columns. */
export const LIST: readonly string[] = ['consultation', 'section', 'moderationStatus', 'receivedAt'];
