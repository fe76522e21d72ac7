import type { Core } from '@strapi/strapi';
import { WORKFLOW_TYPES } from '../editorial/roles';
import { QUESTION_UID } from '../questions/questions';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
interface Configuration {
  layouts: { list: string[] };
  metadatas?: Record<string, Metadata>;
}

/** Vietnamese labels for the editorial fields; who set a schedule is recorded, never typed. */
const EDIT: Record<string, Record<string, unknown>> = {
  editorialStage: { label: 'Trạng thái biên tập' },
  reviewNote: { label: 'Lý do trả lại', description: 'Bắt buộc khi trả lại bài cho biên tập viên.' },
  scheduledPublishAt: { label: 'Hẹn giờ xuất bản', description: 'Chỉ trưởng ban biên tập; bài phải đã duyệt.' },
  scheduledUnpublishAt: { label: 'Hẹn giờ gỡ bài', description: 'Chỉ trưởng ban biên tập.' },
  scheduledById: { label: 'Người hẹn giờ', visible: false, editable: false },
};

/** Vietnamese labels of a citizen's question; the personal fields say so, so nobody copies them out. */
const QUESTION_EDIT: Record<string, Record<string, unknown>> = {
  title: { label: 'Tiêu đề (công khai)' },
  question: { label: 'Nội dung câu hỏi (công khai)', description: 'Xoá mọi thông tin cá nhân người hỏi tự viết vào.' },
  field: { label: 'Lĩnh vực' },
  agency: { label: 'Cơ quan nhận câu hỏi' },
  receivedAt: { label: 'Thời điểm nhận', editable: false },
  processingStatus: { label: 'Trạng thái xử lý' },
  rejectionReason: { label: 'Lý do từ chối (không công khai)' },
  answer: { label: 'Câu trả lời (công khai)' },
  answeringAgency: { label: 'Cơ quan trả lời' },
  answeringUnit: { label: 'Đơn vị trả lời' },
  answeredAt: { label: 'Ngày trả lời' },
  legalBasis: { label: 'Căn cứ pháp lý' },
  trackingCode: { label: 'Mã theo dõi (không công khai)', editable: false },
  askerName: { label: 'Họ tên người hỏi (dữ liệu cá nhân)' },
  askerEmail: { label: 'Thư điện tử người hỏi (dữ liệu cá nhân)' },
  askerPhone: { label: 'Điện thoại người hỏi (dữ liệu cá nhân)' },
  askerAddress: { label: 'Địa chỉ người hỏi (dữ liệu cá nhân)' },
  consentVersion: { label: 'Phiên bản nội dung đồng ý', editable: false },
  consentText: { label: 'Nội dung đã đồng ý', editable: false },
  consentAt: { label: 'Thời điểm đồng ý', editable: false },
  proofOfWork: { label: 'Đã qua xác minh chống thư rác', editable: false },
};

/**
 * Shows the editorial stage as a column of each Content Manager list (filters already offer every field)
 * and labels the editorial fields in Vietnamese. Done once per type, when the column is missing, so later
 * changes made in the panel's "Configure the view" stay.
 */
export async function configureEditorialViews(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const uid of WORKFLOW_TYPES) {
    const contentType = service.findContentType(uid);
    if (!contentType) continue;
    const configuration = (await service.findConfiguration(contentType)) as Configuration;
    if (configuration.layouts.list.includes('editorialStage')) continue;
    const metadatas = { ...configuration.metadatas };
    const labels = uid === QUESTION_UID ? { ...QUESTION_EDIT, ...EDIT } : EDIT;
    for (const [field, edit] of Object.entries(labels)) {
      metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, ...edit } };
    }
    metadatas.editorialStage = {
      ...metadatas.editorialStage,
      list: { ...metadatas.editorialStage?.list, label: 'Trạng thái biên tập', sortable: true, searchable: true },
    };
    await service.updateConfiguration(contentType, {
      ...configuration,
      layouts: {
        ...configuration.layouts,
        list:
          uid === QUESTION_UID
            ? ['id', 'title', 'processingStatus', 'receivedAt', 'editorialStage']
            : [...configuration.layouts.list, 'editorialStage'],
      },
      metadatas,
    });
  }
}
