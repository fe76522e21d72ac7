/**
 * Words citizens wrap around what they look for ("xin cho hỏi thủ tục làm …", "… cần giấy tờ gì",
 * "… mất bao lâu"): they name no record, and with Meilisearch's word-dropping strategies a filler that
 * appears in few records (or none) can decide which records are found at all. They are taken off a query
 * before it is sent, as whole words, typed with or without tones; a query that is only fillers is kept.
 * Pure, small enough for the browser bundle.
 */
import { fold } from './vietnamese.ts';

/** Folded phrases, longest first so "cho toi hoi" goes before "cho hoi". */
const PHRASES = [
  'xin cho toi hoi',
  'xin cho hoi',
  'cho toi hoi',
  'cho em hoi',
  'cho hoi',
  'xin hoi',
  'toi muon',
  'em muon',
  'minh muon',
  'lam the nao de',
  'thi lam the nao',
  'lam the nao',
  'nhu the nao',
  'the nao',
  'can nhung giay to gi',
  'can giay to gi',
  'can nhung gi',
  'can gi',
  'giay to gi',
  'het bao nhieu tien',
  'mat bao nhieu tien',
  'bao nhieu tien',
  'mat bao lau',
  'bao lau',
  'o dau',
  'nop o dau',
  'lam o dau',
  'thu tuc lam',
  'thu tuc xin',
  'huong dan lam',
  'online',
].sort((a, b) => b.split(' ').length - a.split(' ').length);

/** Single words that are fillers only at the start or the end ("xin giấy phép", "… vậy ạ"). */
const EDGE_WORDS = new Set(['xin', 'lam', 'a', 'vay', 'nhe']);

/** The query without the filler phrases (whole words), or the query itself when nothing would be left. */
export function stripFillers(query: string): string {
  const tokens = query.split(/\s+/).filter(Boolean);
  const folded = tokens.map((token) => fold(token).replace(/[^\p{L}\p{N}]/gu, ''));
  const keep = tokens.map(() => true);
  for (const phrase of PHRASES) {
    const words = phrase.split(' ');
    for (let i = 0; i + words.length <= tokens.length; i += 1) {
      if (words.every((word, k) => keep[i + k] && folded[i + k] === word))
        for (let k = 0; k < words.length; k += 1) keep[i + k] = false;
    }
  }
  // "xin …", "làm …", "… ạ" go at the edges only: "hỗ trợ làm nhà ở" keeps its "làm".
  const edgeless = (at: number) => keep[at] && EDGE_WORDS.has(folded[at] ?? '');
  for (let i = 0; i < tokens.length && (!keep[i] || edgeless(i)); i += 1) keep[i] = false;
  for (let i = tokens.length - 1; i >= 0 && (!keep[i] || edgeless(i)); i -= 1) keep[i] = false;
  const kept = tokens.filter((_, i) => keep[i]);
  return kept.length ? kept.join(' ') : query.trim();
}
