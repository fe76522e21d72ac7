/**
 * The params of a Document Service call as the project's middlewares read and change them. Strapi types
 * them per content type and action (a union of several hundred shapes, where a locale may also be a
 * list); the middlewares here act on every type alike and are only called with one locale, so they share
 * this one view, narrowed in one place.
 */
import type { Modules } from '@strapi/strapi';

export type DocumentContext = Modules.Documents.Middleware.Context;

export type Data = Record<string, unknown>;

export interface CallParams {
  data?: Data;
  documentId?: string;
  locale?: string;
  status?: string;
}

/** The documentId of what a create or clone answered (its params name none yet). */
export function documentIdOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || !('documentId' in result)) return undefined;
  return typeof result.documentId === 'string' ? result.documentId : undefined;
}

/** The call's params object itself (not a copy), so a middleware's change reaches the call. */
export function callParams(context: DocumentContext): CallParams {
  return context.params as CallParams;
}
