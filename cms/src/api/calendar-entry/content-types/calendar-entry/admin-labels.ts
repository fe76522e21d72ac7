/**
 * Vietnamese labels and help texts of the Lịch công tác fields (api::calendar-entry.calendar-entry), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here. Enumeration values without a list of their own are labelled here too.
 */
import type { FieldLabels, ValueLabels } from '../../../../editorial/field-labels';

export default {
  date: { label: 'Ngày', description: 'Ngày diễn ra.' },
  session: { label: 'Buổi', description: 'Sáng, chiều hoặc tối.' },
  time: { label: 'Giờ', description: 'Giờ bắt đầu, nếu đã định.' },
  content: { label: 'Nội dung', description: 'Nội dung công việc, cuộc họp.' },
  leaders: { label: 'Lãnh đạo chủ trì', description: 'Lãnh đạo dự hoặc chủ trì.' },
  attendees: { label: 'Thành phần', description: 'Thành phần tham dự.' },
  venue: { label: 'Địa điểm', description: 'Nơi diễn ra.' },
  preparedBy: { label: 'Đơn vị chuẩn bị', description: 'Đơn vị chuẩn bị nội dung.' },
  revision: { label: 'Lần điều chỉnh', description: 'Hệ thống tăng mỗi lần lịch đã đăng được sửa.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['date', 'session', 'content', 'editorialStage', 'updatedAt'];

export const VALUES = {
  session: {
    sang: 'Sáng',
    chieu: 'Chiều',
    toi: 'Tối',
  },
} as const satisfies ValueLabels;
