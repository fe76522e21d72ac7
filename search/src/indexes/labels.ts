/**
 * Vietnamese labels of the CMS enumerations that search shows as facet values. The CMS owns these lists
 * (cms/src/legal/document-types.ts, cms/src/legal/validity.ts, cms/src/procedures/procedure-code.ts); search
 * must not import the CMS, so labels.test.ts fails when a copy here drifts from its owner.
 */

export const DOCUMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  luat: 'Luật',
  nghi_quyet: 'Nghị quyết',
  nghi_dinh: 'Nghị định',
  quyet_dinh: 'Quyết định',
  chi_thi: 'Chỉ thị',
  thong_tu: 'Thông tư',
  thong_tu_lien_tich: 'Thông tư liên tịch',
  ke_hoach: 'Kế hoạch',
  thong_bao: 'Thông báo',
  thong_cao: 'Thông cáo',
  huong_dan: 'Hướng dẫn',
  bao_cao: 'Báo cáo',
  to_trinh: 'Tờ trình',
  quy_dinh: 'Quy định',
  quy_che: 'Quy chế',
  cong_van: 'Công văn',
  cong_dien: 'Công điện',
  chuong_trinh: 'Chương trình',
  de_an: 'Đề án',
  du_an: 'Dự án',
  phuong_an: 'Phương án',
  bien_ban: 'Biên bản',
  hop_dong: 'Hợp đồng',
  giay_moi: 'Giấy mời',
};

export const VALIDITY_LABELS: Readonly<Record<string, string>> = {
  con_hieu_luc: 'Còn hiệu lực',
  het_hieu_luc_mot_phan: 'Hết hiệu lực một phần',
  het_hieu_luc_toan_bo: 'Hết hiệu lực toàn bộ',
  chua_co_hieu_luc: 'Chưa có hiệu lực',
};

export const SERVICE_LEVEL_LABELS: Readonly<Record<string, string>> = {
  toan_trinh: 'Toàn trình',
  mot_phan: 'Một phần',
};

export const LEVEL_LABELS: Readonly<Record<string, string>> = { tinh: 'Cấp tỉnh', xa: 'Cấp xã', huyen: 'Cấp huyện' };

/** The "kind" facet: what sort of page a result is. */
export const KIND_LABELS = {
  article: 'Tin tức',
  'legal-document': 'Văn bản',
  procedure: 'Thủ tục hành chính',
  page: 'Giới thiệu',
} as const;

/** Statuses of a citizen's question (hỏi đáp), owned by cms/src/questions/questions.ts. */
export const QUESTION_STATUS_LABELS: Readonly<Record<string, string>> = {
  moi_nhan: 'Mới nhận',
  dang_xu_ly: 'Đang xử lý',
  da_tra_loi: 'Đã trả lời',
  tu_choi: 'Từ chối',
};

/** The consent a citizen gives on the question form, owned by cms/src/questions/submission.ts (CONSENT). */
export const QUESTION_CONSENT = {
  version: '2026-12-01',
  text:
    'Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý họ tên, thư điện tử, số điện thoại và địa chỉ ' +
    'tôi cung cấp, chỉ để tiếp nhận, chuyển cơ quan có thẩm quyền và trả lời câu hỏi này. Các thông tin ' +
    'này không được công khai.',
} as const;
