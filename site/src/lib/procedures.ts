/**
 * Administrative procedures (thủ tục hành chính) as the site shows them: labels for the CMS's
 * enumerations (cms/src/api/procedure, cms/src/components/procedure; procedures.test.ts checks
 * they cover the schema) and what the finder groups them by.
 */

import {
  CHANNEL_LABELS,
  LEVEL_LABELS,
  SERVICE_LEVEL_LABELS as SHORT_SERVICE_LEVELS,
} from '@portal/cms/model/procedures';

/** Cấp thực hiện (the CMS's list). Cấp huyện was abolished by the 2025 reform but old entries keep it. */
export { CHANNEL_LABELS, LEVEL_LABELS };

/** Mức độ dịch vụ công trực tuyến, spelled out on a procedure's page: "Dịch vụ công trực tuyến toàn trình". */
export const SERVICE_LEVEL_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHORT_SERVICE_LEVELS).map(([key, short]) => [key, `Dịch vụ công trực tuyến ${short.toLowerCase()}`]),
);

function label(table: Readonly<Record<string, string>>, key: string, what: string): string {
  const found = table[key];
  if (found === undefined) throw new RangeError(`No Vietnamese label for ${what} "${key}"`);
  return found;
}

export const levelLabel = (key: string): string => label(LEVEL_LABELS, key, 'procedure level');
export const serviceLevelLabel = (key: string): string => label(SERVICE_LEVEL_LABELS, key, 'service level');
export const channelLabel = (key: string): string => label(CHANNEL_LABELS, key, 'submission channel');

/** "1 bản chính, 1 bản sao" for a dossier item; "—" when neither is asked for. */
export function copiesLabel(originals: number | null | undefined, copies: number | null | undefined): string {
  const parts: string[] = [];
  if (originals) parts.push(`${originals} bản chính`);
  if (copies) parts.push(`${copies} bản sao`);
  return parts.length ? parts.join(', ') : '—';
}

/**
 * Only links to the national public service portal (or another government site) become the
 * "Nộp hồ sơ trực tuyến" button: a typo'd or foreign URL must not look like an official channel.
 */
export function isGovernmentUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && (parsed.hostname === 'gov.vn' || parsed.hostname.endsWith('.gov.vn'));
  } catch {
    return false;
  }
}
