/**
 * What grew between two V8 heap snapshots (bench:insert-memory --snapshots): objects grouped by type and
 * constructor/name, largest growth in self size first, and for the top groups the retainer path (who
 * holds them, up to the GC roots) of a few objects found only in the second snapshot.
 *
 *   node --max-old-space-size=4096 scripts/bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 25]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, paths: { type: 'string', default: '6' } },
});
const [beforeFile, afterFile] = positionals;
if (!beforeFile || !afterFile) {
  console.error('Usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 25] [--paths 6]');
  process.exit(2);
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

async function load(file: string) {
  const raw = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const field = (fields: string[], name: string): number => {
    const index = fields.indexOf(name);
    if (index < 0) throw new Error(`${file}: no ${name} field in the snapshot`);
    return index;
  };
  const TYPE = field(meta.node_fields, 'type');
  const NAME = field(meta.node_fields, 'name');
  const ID = field(meta.node_fields, 'id');
  const SIZE = field(meta.node_fields, 'self_size');
  const EDGES = field(meta.node_fields, 'edge_count');
  const ETYPE = field(meta.edge_fields, 'type');
  const ENAME = field(meta.edge_fields, 'name_or_index');
  const ETO = field(meta.edge_fields, 'to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = raw.nodes.length / nf;
  const label = (n: number) => {
    const type = nodeTypes[raw.nodes[n * nf + TYPE]!]!;
    const name = raw.strings[raw.nodes[n * nf + NAME]!]!;
    return type === 'object' || type === 'closure' || type === 'native' ? `${type}:${name}` : `${type}`;
  };
  const id = (n: number) => raw.nodes[n * nf + ID]!;
  const size = (n: number) => raw.nodes[n * nf + SIZE]!;
  // Reverse edges (retainers), skipping weak ones.
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0; n < count; n += 1) firstEdge[n + 1] = firstEdge[n]! + raw.nodes[n * nf + EDGES]!;
  const retainers: number[][] = Array.from({ length: count }, () => []);
  const edgeFrom = new Uint32Array(raw.edges.length / ef);
  for (let n = 0; n < count; n += 1)
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += 1) {
      edgeFrom[e] = n;
      if (edgeTypes[raw.edges[e * ef + ETYPE]!] === 'weak') continue;
      retainers[raw.edges[e * ef + ETO]! / nf]!.push(e);
    }
  const edgeLabel = (e: number) => {
    const type = edgeTypes[raw.edges[e * ef + ETYPE]!];
    const name = raw.edges[e * ef + ENAME]!;
    return type === 'element' || type === 'hidden' ? `[${name}]` : `.${raw.strings[name]}`;
  };
  return {
    count,
    label,
    id,
    size,
    retainers,
    edgeFrom,
    edgeLabel,
    nodeName: (n: number) => raw.strings[raw.nodes[n * nf + NAME]!]!,
  };
}

type Loaded = Awaited<ReturnType<typeof load>>;
function groups(s: Loaded) {
  const byLabel = new Map<string, { count: number; size: number; nodes: number[] }>();
  for (let n = 0; n < s.count; n += 1) {
    const key = s.label(n);
    const group = byLabel.get(key) ?? { count: 0, size: 0, nodes: [] };
    group.count += 1;
    group.size += s.size(n);
    group.nodes.push(n);
    byLabel.set(key, group);
  }
  return byLabel;
}

/** A retainer chain from node n towards a root, avoiding cycles, preferring non-internal retainers. */
function pathOf(s: Loaded, n: number, depth = 14): string {
  const parts: string[] = [];
  const seen = new Set<number>([n]);
  let current = n;
  for (let d = 0; d < depth; d += 1) {
    const options = s.retainers[current]!.filter((e) => !seen.has(s.edgeFrom[e]!));
    if (options.length === 0) break;
    const e = options.find((x) => !s.label(s.edgeFrom[x]!).startsWith('hidden')) ?? options[0]!;
    const from = s.edgeFrom[e]!;
    parts.push(`${s.label(from)} ${JSON.stringify(s.nodeName(from).slice(0, 40))}${s.edgeLabel(e)}`);
    seen.add(from);
    current = from;
  }
  return parts.join('\n      <- ');
}

const before = await load(beforeFile);
const beforeIds = new Set<number>();
for (let n = 0; n < before.count; n += 1) beforeIds.add(before.id(n));
const beforeGroups = groups(before);
const after = await load(afterFile);
const afterGroups = groups(after);
const diff = [...afterGroups].map(([key, group]) => {
  const old = beforeGroups.get(key);
  return { key, count: group.count - (old?.count ?? 0), size: group.size - (old?.size ?? 0), nodes: group.nodes };
});
diff.sort((a, b) => b.size - a.size);
const top = Number(values.top);
const total = diff.reduce((sum, d) => sum + d.size, 0);
console.log(`Heap growth: ${(total / 1e6).toFixed(1)} MB over ${after.count - before.count} more objects`);
for (const d of diff.slice(0, top))
  console.log(`${(d.size / 1e6).toFixed(2).padStart(8)} MB ${String(d.count).padStart(8)} objects  ${d.key}`);
for (const d of diff.slice(0, Number(values.paths))) {
  const fresh = d.nodes.filter((n) => !beforeIds.has(after.id(n)));
  console.log(`\n${d.key}: ${fresh.length} new; retainers of two of them (largest-index last):`);
  for (const n of [fresh[Math.floor(fresh.length / 2)], fresh.at(-1)].filter((x) => x !== undefined))
    console.log(`   ${after.label(n)} ${JSON.stringify(after.nodeName(n).slice(0, 60))}\n      <- ${pathOf(after, n)}`);
}
