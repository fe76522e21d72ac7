import { articleIndex } from './article.ts';
import type { SearchIndex } from './define.ts';

/** Every public index. A content type becomes searchable by adding its definition here. */
export const INDEXES: readonly SearchIndex[] = [articleIndex];

export { articleIndex, type ArticleDocument, type ArticleEntry } from './article.ts';
export { defineIndex, documentKey, type SearchIndex } from './define.ts';
