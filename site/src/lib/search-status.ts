/** What the search page says about a result, for its live region. Pure, so it is tested in Node. */

const count = new Intl.NumberFormat('vi-VN');

export interface SearchStatus {
  message: string;
  /** Shown (and announced) only when nothing was found. */
  suggestions: string[];
}

export const NO_RESULT_SUGGESTIONS = [
  'Gõ không dấu vẫn được, ví dụ “thu tuc hanh chinh”.',
  'Dùng từ khóa ngắn hơn hoặc ít từ hơn.',
  'Kiểm tra lỗi chính tả của từ khóa.',
];

export function searchStatus(query: string, total: number): SearchStatus {
  const q = query.trim();
  if (!q) return { message: '', suggestions: [] };
  if (total === 0) return { message: `Không tìm thấy kết quả nào cho “${q}”.`, suggestions: NO_RESULT_SUGGESTIONS };
  return { message: `Tìm thấy ${count.format(total)} kết quả cho “${q}”.`, suggestions: [] };
}

/** Before the suggested query of a misspelt one, shown as a link ("did you mean"). */
export const DID_YOU_MEAN = 'Có phải bạn muốn tìm:';

/**
 * Whether to offer the suggested spelling (search/src/suggest.ts) beside the results: it is offered only
 * when a query word is not in the portal's title vocabulary, and differs from what was typed.
 */
export function offerSuggestion(query: string, suggestion: string | undefined): suggestion is string {
  return Boolean(suggestion) && suggestion !== query.trim();
}

export const SEARCH_ERROR_MESSAGE =
  'Xin lỗi, chức năng tìm kiếm đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút hoặc xem danh sách tin tức.';
