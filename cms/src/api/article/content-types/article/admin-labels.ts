/**
 * Vietnamese labels and help texts of the Tin tức fields (api::article.article), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here. Enumeration values without a list of their own are labelled here too.
 */
import type { FieldLabels, ValueLabels } from '../../../../editorial/field-labels';

export default {
  title: { label: 'Tiêu đề', description: 'Ngắn gọn, đủ ý; hiện trên trang và trong kết quả tìm kiếm.' },
  lead: { label: 'Tóm tắt', description: 'Một hai câu nêu ý chính, hiện dưới tiêu đề và trong danh sách tin.' },
  body: { label: 'Nội dung', description: 'Toàn văn bài viết.' },
  cover: {
    label: 'Ảnh đại diện',
    description: 'Ảnh chính của bài; nhớ ghi chú thích và mô tả ảnh (alt) trong thư viện.',
  },
  coverCaption: { label: 'Chú thích ảnh', description: 'Dòng chữ dưới ảnh đại diện; ghi nguồn ảnh nếu có.' },
  slug: {
    label: 'Đường dẫn',
    description: 'Phần cuối địa chỉ trang, tự tạo từ tiêu đề; không dấu, nối bằng gạch ngang.',
  },
  kind: { label: 'Loại tin', description: 'Tin tức hoặc thông cáo báo chí.' },
  category: { label: 'Chuyên mục', description: 'Chuyên mục hiển thị bài trên cổng.' },
  tags: { label: 'Thẻ', description: 'Từ khoá giúp người đọc tìm các bài cùng chủ đề.' },
  postedAt: { label: 'Ngày đăng', description: 'Ngày giờ hiển thị trên bài; để trống thì lấy lúc xuất bản.' },
  author: { label: 'Tác giả', description: 'Người viết bài, ghi như muốn hiện trên cổng.' },
  source: { label: 'Nguồn tin', description: 'Cơ quan hoặc báo đã đăng trước, nếu có.' },
  featured: { label: 'Tin nổi bật', description: 'Bật để đưa bài lên khu vực tin nổi bật ở trang chủ.' },
  relatedDocuments: { label: 'Văn bản liên quan', description: 'Văn bản được nhắc tới trong bài.' },
  relatedProcedures: { label: 'Thủ tục liên quan', description: 'Thủ tục hành chính người đọc có thể cần.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['title', 'editorialStage', 'createdBy', 'updatedAt'];

export const VALUES = {
  kind: {
    tin_tuc: 'Tin tức',
    thong_cao_bao_chi: 'Thông cáo báo chí',
  },
} as const satisfies ValueLabels;
