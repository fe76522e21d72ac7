/** Scores a ranked list of record keys against the test set's expectations. Pure. */
import { z } from 'zod';

export const QuerySchema = z.object({
  category: z.string(),
  q: z.string().min(1),
  expected: z.array(z.string()),
  after: z.array(z.string()).optional(),
  absent: z.array(z.string()).optional(),
});
export type RelevanceQuery = z.infer<typeof QuerySchema>;
export const QueryFileSchema = z.object({ queries: z.array(QuerySchema).min(60) });

export interface QueryScore {
  recallAt5: number;
  reciprocalRank: number;
  /** Tone-exact order kept and no forbidden record returned. */
  orderOk: boolean;
}

const rankOf = (keys: readonly string[], wanted: string) => keys.findIndex((key) => key.startsWith(wanted));

export function scoreQuery(query: RelevanceQuery, keys: readonly string[]): QueryScore {
  const ranks = query.expected.map((wanted) => rankOf(keys, wanted));
  const found = ranks.filter((rank) => rank >= 0 && rank < 5).length;
  const first = Math.min(...ranks.filter((rank) => rank >= 0));
  const recallAt5 = query.expected.length ? found / Math.min(query.expected.length, 5) : 1;
  const reciprocalRank = query.expected.length ? (Number.isFinite(first) ? 1 / (first + 1) : 0) : 1;
  const lastExpected = Math.max(...ranks);
  const orderOk =
    (query.after ?? []).every((other) => {
      const rank = rankOf(keys, other);
      return rank < 0 || (ranks.every((r) => r >= 0) && rank > lastExpected);
    }) && (query.absent ?? []).every((other) => rankOf(keys, other) < 0);
  return { recallAt5, reciprocalRank, orderOk };
}

export interface CategoryScore {
  queries: number;
  recallAt5: number;
  mrr: number;
  orderOk: number;
}

export function summarise(results: Array<{ category: string; score: QueryScore }>): Record<string, CategoryScore> {
  const groups = new Map<string, QueryScore[]>();
  for (const { category, score } of results) {
    groups.set(category, [...(groups.get(category) ?? []), score]);
    groups.set('all', [...(groups.get('all') ?? []), score]);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary: Record<string, CategoryScore> = {};
  for (const [category, scores] of groups) {
    summary[category] = {
      queries: scores.length,
      recallAt5: mean(scores.map((s) => s.recallAt5)),
      mrr: mean(scores.map((s) => s.reciprocalRank)),
      orderOk: mean(scores.map((s) => (s.orderOk ? 1 : 0))),
    };
  }
  return summary;
}
