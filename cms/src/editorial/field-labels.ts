/**
 * The shape of the Vietnamese labels the Content Manager shows for each field (the tables next to each schema,
 * `admin-labels.ts`), and the labels of the editorial fields every workflow type shares. No imports, so
 * tests and the admin panel's bundle load it directly.
 */
export interface FieldLabel {
  /** The field's name on screen. */
  label: string;
  /** One short sentence under the field: what to write there. */
  description: string;
  /** Shown in the edit view (default true). */
  visible?: boolean;
  /** Editable in the edit view (default true). */
  editable?: boolean;
}

export type FieldLabels = Readonly<Record<string, FieldLabel>>;

/** Labels of an enumeration's values, by field then value. */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The editorial fields (editorial/roles.ts WORKFLOW_FIELDS); who set a schedule is recorded, never typed. */
export const EDITORIAL_FIELD_LABELS: FieldLabels = {
  editorialStage: {
    label: 'Trạng thái biên tập',
    description: 'Nháp → Chờ duyệt → Đã duyệt → Đã xuất bản; thư ký có thể trả lại kèm lý do.',
  },
  reviewNote: { label: 'Lý do trả lại', description: 'Bắt buộc khi trả lại bài cho biên tập viên.' },
  scheduledPublishAt: { label: 'Hẹn giờ xuất bản', description: 'Chỉ trưởng ban biên tập; bài phải đã duyệt.' },
  scheduledUnpublishAt: { label: 'Hẹn giờ gỡ bài', description: 'Chỉ trưởng ban biên tập.' },
  scheduledById: {
    label: 'Người hẹn giờ',
    description: 'Hệ thống ghi người đã hẹn giờ.',
    visible: false,
    editable: false,
  },
};

/** The fields Strapi adds to every type, as list columns and filters name them. */
export const SYSTEM_FIELD_LABELS: FieldLabels = {
  id: { label: 'Mã số', description: 'Số thứ tự trong cơ sở dữ liệu.' },
  documentId: { label: 'Mã tài liệu', description: 'Mã cố định của mục qua các phiên bản.' },
  createdAt: { label: 'Ngày tạo', description: 'Thời điểm mục được tạo.' },
  updatedAt: { label: 'Cập nhật lần cuối', description: 'Thời điểm lưu gần nhất.' },
  publishedAt: { label: 'Ngày xuất bản', description: 'Thời điểm xuất bản.' },
  createdBy: { label: 'Người tạo', description: 'Tài khoản đã tạo mục này.' },
  updatedBy: { label: 'Người sửa cuối', description: 'Tài khoản lưu gần nhất.' },
  locale: { label: 'Ngôn ngữ', description: 'Ngôn ngữ của bản này.' },
};
