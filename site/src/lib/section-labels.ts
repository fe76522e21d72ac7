/**
 * The Vietnamese name of each section of the site, as its list page's title, the breadcrumbs and the main
 * menu show it: one table, so a renamed section changes everywhere at once. `menu` is the shorter word the
 * main menu uses where the title is long (ten sections share one row from 1024 px). The URL words are the
 * CMS's (@portal/cms/model/url-words SECTIONS); the links are built by routes.ts.
 */
import type { SECTIONS } from '@portal/cms/model/url-words';

export interface SectionLabel {
  title: string;
  menu?: string;
}

export const SECTION_LABELS = {
  home: { title: 'Trang chủ' },
  news: { title: 'Tin tức' },
  documents: { title: 'Văn bản' },
  procedures: { title: 'Thủ tục hành chính' },
  calendar: { title: 'Lịch công tác' },
  agencies: { title: 'Cơ quan' },
  questions: { title: 'Hỏi đáp' },
  consultations: { title: 'Lấy ý kiến dự thảo', menu: 'Dự thảo' },
  search: { title: 'Tìm kiếm' },
} as const satisfies Partial<Record<keyof typeof SECTIONS | 'home', SectionLabel>>;

export type LabelledSection = keyof typeof SECTION_LABELS;

/** The section's word in the main menu. */
export const menuLabel = (section: LabelledSection): string => {
  const label: SectionLabel = SECTION_LABELS[section];
  return label.menu ?? label.title;
};

/** The section's title (list page, breadcrumbs). */
export const sectionTitle = (section: LabelledSection): string => SECTION_LABELS[section].title;
