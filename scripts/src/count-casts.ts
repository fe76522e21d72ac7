// Counts type assertions (`x as T` and `<T>x`, not `as const`) per workspace, code and tests apart, with the
// TypeScript compiler's own parser, so comments, strings and `as` in import/export clauses never count.
// Issue 9 tracks these numbers: every cast is a place where the code stopped being typed against its model.
//
//   node scripts/src/count-casts.ts                  counts per workspace (code / tests), `as never`, `as unknown as`
//   node scripts/src/count-casts.ts --list cms       every cast in cms code with file:line, most frequent files first
//   node scripts/src/count-casts.ts --list cms/tests every cast in cms tests
//   node scripts/src/count-casts.ts --json           the counts as JSON
//
// Tests are `*.test.ts` files and everything under a workspace's `tests/` folder. Generated files (GraphQL types,
// Strapi's generated content types, build output) are not counted: nobody writes their casts. `.astro` files count
// with their frontmatter and `<script>` blocks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

export const workspaces = ['cms', 'site', 'search', 'scripts'] as const;
export type Workspace = (typeof workspaces)[number];

export interface Cast {
  file: string;
  line: number;
  text: string;
  /** `as never` / `<never>` */
  never: boolean;
  /** `as unknown as T` (counted once, as the outer assertion) */
  unknownAs: boolean;
}

const generated = [/\/types\/generated\//, /\/src\/gql\//, /\/graphql-env\.d\.ts$/, /\/dist\//, /\/\.astro\//];

export function isTest(file: string): boolean {
  return /\.test\.[cm]?tsx?$/.test(file) || /^[^/]+\/tests\//.test(file);
}

/** The TypeScript parts of a file: the whole of `.ts`, the frontmatter and `<script>` blocks of `.astro`. */
function scriptParts(file: string, text: string): { code: string; lineOffset: number }[] {
  if (!file.endsWith('.astro')) return [{ code: text, lineOffset: 0 }];
  const parts: { code: string; lineOffset: number }[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length - 1;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push({ code: front[1] ?? '', lineOffset: 1 });
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    parts.push({ code: match[1] ?? '', lineOffset: lineAt(start) });
  }
  return parts;
}

function isAsConst(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const';
}

export function castsIn(file: string, text: string): Cast[] {
  const found: Cast[] = [];
  for (const { code, lineOffset } of scriptParts(file, text)) {
    const source = ts.createSourceFile(
      file,
      code,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node: ts.Node): void => {
      if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isAsConst(node.type)) {
        const inner = ts.skipPartiallyEmittedExpressions(node.expression);
        const innerIsUnknownAs =
          (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) &&
          inner.type.kind === ts.SyntaxKind.UnknownKeyword;
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({
          file,
          line: line + 1 + lineOffset,
          text: node.getText(source).replace(/\s+/g, ' ').slice(0, 120),
          never: node.type.kind === ts.SyntaxKind.NeverKeyword,
          unknownAs: innerIsUnknownAs,
        });
        // `x as unknown as T` is one cast written in two steps: count the outer one only.
        if (innerIsUnknownAs) {
          ts.forEachChild(inner.expression, visit);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

export interface Counts {
  code: number;
  tests: number;
  never: number;
  unknownAs: number;
}

export function countRepository(root: string): { casts: Cast[]; counts: Map<Workspace, Counts> } {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...workspaces], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.(m|c)?tsx?$|\.astro$/.test(file) && !file.endsWith('.d.ts') && !file.includes('node_modules/'))
    .filter((file) => !generated.some((pattern) => pattern.test('/' + file)));
  const casts = files.flatMap((file) => {
    try {
      return castsIn(file, readFileSync(path.join(root, file), 'utf8'));
    } catch {
      return []; // listed by git but deleted in the worktree
    }
  });
  const counts = new Map<Workspace, Counts>();
  for (const workspace of workspaces) {
    const mine = casts.filter((cast) => cast.file.startsWith(workspace + '/'));
    counts.set(workspace, {
      code: mine.filter((cast) => !isTest(cast.file)).length,
      tests: mine.filter((cast) => isTest(cast.file)).length,
      never: mine.filter((cast) => cast.never).length,
      unknownAs: mine.filter((cast) => cast.unknownAs).length,
    });
  }
  return { casts, counts };
}

function main(argv: string[]): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const { values } = parseArgs({ args: argv, options: { list: { type: 'string' }, json: { type: 'boolean' } } });
  const { casts, counts } = countRepository(root);
  if (values.list !== undefined) {
    const [workspace, part] = values.list.split('/');
    if (
      !workspace ||
      ![...counts.keys()].some((name) => name === workspace) ||
      (part !== undefined && part !== 'tests')
    ) {
      throw new Error(`--list takes a workspace (${[...counts.keys()].join(', ')}), optionally followed by /tests`);
    }
    const selected = casts.filter(
      (cast) =>
        cast.file.startsWith((workspace ?? '') + '/') && (part === 'tests' ? isTest(cast.file) : !isTest(cast.file)),
    );
    const perFile = new Map<string, number>();
    for (const cast of selected) perFile.set(cast.file, (perFile.get(cast.file) ?? 0) + 1);
    selected.sort(
      (a, b) =>
        (perFile.get(b.file) ?? 0) - (perFile.get(a.file) ?? 0) || a.file.localeCompare(b.file) || a.line - b.line,
    );
    for (const cast of selected) console.log(`${cast.file}:${cast.line}\t${cast.text}`);
    console.log(`${selected.length} casts in ${perFile.size} files`);
    return;
  }
  if (values.json) {
    console.log(JSON.stringify(Object.fromEntries(counts), null, 2));
    return;
  }
  console.log('workspace   code  tests  as never  as unknown as');
  for (const [workspace, { code, tests, never, unknownAs }] of counts) {
    console.log(
      `${workspace.padEnd(10)} ${String(code).padStart(5)} ${String(tests).padStart(6)} ${String(never).padStart(9)} ${String(unknownAs).padStart(14)}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    // A bad flag: the message, without a stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
