/** The "kind" facet: what sort of page a search result is (the index's own knowledge, not the CMS's). */
export const KIND_LABELS = {
  article: 'Tin tức',
  'legal-document': 'Văn bản',
  procedure: 'Thủ tục hành chính',
  page: 'Giới thiệu',
  question: 'Hỏi đáp',
  consultation: 'Dự thảo lấy ý kiến',
} as const;
