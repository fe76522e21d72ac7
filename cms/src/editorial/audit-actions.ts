/**
 * The audit trail's actions (the `action` enumeration of the audit-entry schema) as the editorial log shows
 * them. No imports, so tests load it directly.
 */
export const AUDIT_ACTION_LABELS = {
  create: { vi: 'Tạo mới', en: 'Created' },
  clone: { vi: 'Nhân bản', en: 'Cloned' },
  update: { vi: 'Sửa', en: 'Edited' },
  refuse: { vi: 'Bị từ chối', en: 'Refused' },
  stage: { vi: 'Chuyển trạng thái', en: 'Stage changed' },
  publish: { vi: 'Xuất bản', en: 'Published' },
  publish_unreviewed: { vi: 'Xuất bản không qua duyệt', en: 'Published without review' },
  unpublish: { vi: 'Gỡ xuất bản', en: 'Unpublished' },
  discard: { vi: 'Bỏ thay đổi', en: 'Changes discarded' },
  delete: { vi: 'Xoá', en: 'Deleted' },
  export: { vi: 'Xuất dữ liệu cá nhân', en: 'Personal data exported' },
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
