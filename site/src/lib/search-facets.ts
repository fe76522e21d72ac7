/** Facets of the search page, in display order, with their Vietnamese names; and the finders. */
import { routes } from './routes.ts';

export const FACET_LABELS: Readonly<Record<string, string>> = {
  kind: 'Loại nội dung',
  documentType: 'Loại văn bản',
  category: 'Chuyên mục',
  fields: 'Lĩnh vực',
  agency: 'Cơ quan',
  year: 'Năm',
  status: 'Tình trạng hiệu lực',
  serviceLevel: 'Mức độ dịch vụ công trực tuyến',
};

/** Where to look without the search box: the lists that work without JavaScript. */
export const FINDERS: ReadonlyArray<readonly [string, string]> = [
  ['Tra cứu văn bản', routes.documents()],
  ['Tra cứu thủ tục hành chính', routes.procedures()],
  ['Xem danh sách tin tức', routes.newsList()],
];
