/**
 * The baseline the portal search must beat: plain Okapi BM25 (k1 1.2, b 0.75) over each record's whole
 * text with tones folded away, any query word may match. No synonyms, typos, fields or phrases.
 */
import { fold } from '../../src/text/vietnamese.ts';

const tokens = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

export class Bm25 {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly keys: string[] = [];

  add(key: string, text: string): void {
    const at = this.keys.length;
    this.keys.push(key);
    const words = tokens(text);
    this.lengths.push(words.length);
    for (const word of words) {
      const list = this.postings.get(word) ?? new Map<number, number>();
      list.set(at, (list.get(at) ?? 0) + 1);
      this.postings.set(word, list);
    }
  }

  search(query: string, limit = 10): string[] {
    const n = this.keys.length;
    const average = this.lengths.reduce((a, b) => a + b, 0) / n;
    const scores = new Map<number, number>();
    for (const word of new Set(tokens(query))) {
      const list = this.postings.get(word);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
      for (const [doc, tf] of list) {
        const norm = tf + 1.2 * (1 - 0.75 + (0.75 * (this.lengths[doc] ?? 0)) / average);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * (tf * 2.2)) / norm);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([doc]) => this.keys[doc] ?? '');
  }
}
