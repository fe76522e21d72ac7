import { articleIndex } from './article.ts';
import type { SearchIndex } from './define.ts';
import { pageIndex } from './page.ts';

/** Every public index. A content type becomes searchable by adding its definition here. */
export const INDEXES: readonly SearchIndex[] = [articleIndex, pageIndex];

export { articleIndex, type ArticleDocument, type ArticleEntry } from './article.ts';
export { pageIndex, type PageDocument, type PageEntry } from './page.ts';
export { defineIndex, documentKey, type SearchIndex } from './define.ts';
