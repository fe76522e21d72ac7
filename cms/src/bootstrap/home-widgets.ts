import type { Core } from '@strapi/strapi';
import { extendService } from '../strapi-services';

const AUDIT_LOG = 'api::audit-entry.audit-entry';

interface RecentDocument {
  contentTypeUid: string;
}
interface HomepageService {
  queryLastDocuments(params: Record<string, unknown>, draftAndPublishOnly?: boolean): Promise<RecentDocument[]>;
  addStatusToDocuments(documents: RecentDocument[]): Promise<unknown>;
}

/**
 * The home page's "Sửa gần đây" lists what people edited, not the editorial log's own lines: every edit
 * writes one, so a chief's widget would otherwise show "Hùng Thử nghiệm · Nhật ký biên tập" beside the entries.
 */
export function hideLogFromRecentEdits(strapi: Core.Strapi): void {
  extendService(strapi, 'plugin::content-manager.homepage', (service: HomepageService) => ({
    ...service,
    async getRecentlyUpdatedDocuments(this: HomepageService) {
      const documents = await this.queryLastDocuments({ sort: 'updatedAt:desc' });
      return this.addStatusToDocuments(documents.filter((document) => document.contentTypeUid !== AUDIT_LOG));
    },
  }));
}
