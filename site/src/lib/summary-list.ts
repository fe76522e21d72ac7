/**
 * Rows of a summary list (GOV.UK's "summary list": a key and its value, one row each), built as data
 * by the detail pages and drawn by components/SummaryList.astro. A value is one or more parts: text,
 * a link, or a date; parts are joined with ", ". Rows without a value are dropped, so a page lists
 * its fields in order and never writes a conditional per field.
 */
import { formatIsoDate } from './documents.ts';

export interface SummaryPart {
  text: string;
  href?: string | undefined;
  /** YYYY-MM-DD: the part is drawn as <time datetime> (see datePart). */
  datetime?: string | undefined;
  /** Quieter words after the part: "(CHỦ TỊCH)". */
  note?: string | undefined;
}

export interface SummaryRow {
  key: string;
  value: SummaryPart[];
  /** data-testid of the value, for the browser tests. */
  testid?: string | undefined;
}

type Value = string | SummaryPart | ReadonlyArray<SummaryPart> | null | undefined | false;

/** One row, or null when there is nothing to show. */
export function summaryRow(key: string, value: Value, testid?: string): SummaryRow | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  const parts = typeof value === 'string' ? [{ text: value }] : 'text' in value ? [value] : [...value];
  if (parts.length === 0) return null;
  return { key, value: parts, ...(testid ? { testid } : {}) };
}

/** A calendar date part (dd/mm/yyyy on screen, the ISO date in <time datetime>); null without a date. */
export const datePart = (iso: string | null | undefined): SummaryPart | null =>
  iso ? { text: formatIsoDate(iso), datetime: iso } : null;

/** The rows worth showing, in the order given. */
export const summaryRows = (...rows: Array<SummaryRow | null>): SummaryRow[] =>
  rows.filter((row): row is SummaryRow => row !== null);
