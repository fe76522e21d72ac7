/**
 * Editor-managed abbreviations (Từ viết tắt, api::abbreviation.abbreviation): an abbreviation citizens type
 * and the spellings it stands for, one per line. The site search turns each entry into a synonym group beside
 * the built-in list (search/data/synonyms.vi.json, owned by the search workspace); a change reaches
 * Meilisearch through the search outbox. Pure and without imports: the CMS validates with it, the search
 * workspace reads entries with it (@portal/cms/model/abbreviations).
 */

export const ABBREVIATION_UID = 'api::abbreviation.abbreviation';
/** REST collection path of the type under /api. */
export const ABBREVIATION_COLLECTION = 'abbreviations';

export const MAX_EXPANSIONS = 20;
export const MAX_EXPANSION_LENGTH = 100;

/** The spellings of an entry's "Nghĩa đầy đủ": one per line (a semicolon also separates), trimmed, each once. */
export function expansionLines(text: string): string[] {
  const lines = text
    .split(/[\n;]+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const seen = new Set<string>();
  return lines.filter((line) => !seen.has(line.toLowerCase()) && Boolean(seen.add(line.toLowerCase())));
}

/** What is wrong with an entry, in Vietnamese, naming the field; empty when it is fine. */
export function abbreviationProblems(data: {
  abbreviation?: unknown;
  expansions?: unknown;
}): Array<{ path: string[]; message: string }> {
  const problems: Array<{ path: string[]; message: string }> = [];
  if (data.abbreviation !== undefined) {
    const value = typeof data.abbreviation === 'string' ? data.abbreviation.trim() : '';
    if (!/^[\p{L}\p{N}][\p{L}\p{N}.&\-/ ]{0,28}[\p{L}\p{N}]$/u.test(value))
      problems.push({
        path: ['abbreviation'],
        message: 'Từ viết tắt phải dài 2–30 ký tự, gồm chữ và số (có thể có dấu chấm, gạch nối, “&”).',
      });
  }
  if (data.expansions !== undefined) {
    const lines = typeof data.expansions === 'string' ? expansionLines(data.expansions) : [];
    if (lines.length === 0)
      problems.push({ path: ['expansions'], message: 'Nghĩa đầy đủ không được để trống: mỗi dòng một cách viết.' });
    else if (lines.length > MAX_EXPANSIONS)
      problems.push({ path: ['expansions'], message: `Nghĩa đầy đủ có tối đa ${MAX_EXPANSIONS} dòng.` });
    else if (lines.some((line) => line.length > MAX_EXPANSION_LENGTH))
      problems.push({
        path: ['expansions'],
        message: `Mỗi dòng của nghĩa đầy đủ dài tối đa ${MAX_EXPANSION_LENGTH} ký tự.`,
      });
  }
  return problems;
}

/** The synonym group of an entry (abbreviation first), or undefined for an entry that is not valid. */
export function abbreviationGroup(entry: { abbreviation?: unknown; expansions?: unknown }): string[] | undefined {
  if (typeof entry.abbreviation !== 'string' || typeof entry.expansions !== 'string') return undefined;
  if (abbreviationProblems(entry).length) return undefined;
  return [entry.abbreviation.trim(), ...expansionLines(entry.expansions)];
}
