import type { Core } from '@strapi/strapi';
import { WORKFLOW_TYPES } from '../editorial/roles';

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
    for (const [field, edit] of Object.entries(EDIT)) {
      metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, ...edit } };
    }
    metadatas.editorialStage = {
      ...metadatas.editorialStage,
      list: { ...metadatas.editorialStage?.list, label: 'Trạng thái biên tập', sortable: true, searchable: true },
    };
    await service.updateConfiguration(contentType, {
      ...configuration,
      layouts: { ...configuration.layouts, list: [...configuration.layouts.list, 'editorialStage'] },
      metadatas,
    });
  }
}
