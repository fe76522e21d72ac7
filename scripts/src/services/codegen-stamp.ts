/**
 * GraphQL codegen runs before every site build (services/site.ts) and cost 1.2-3.3 s of each publish,
 * though its inputs change only with the code. The build now skips it while a stamp in the generated
 * folder says the generated files were made from exactly these inputs and are still those files:
 *
 *   inputs   site/codegen.ts, every .graphql under site/src/graphql (the schema and the documents), and
 *            the installed versions of the codegen packages
 *   outputs  every file of site/src/graphql/generated/ but the stamp
 *
 * A changed, added or removed input or generated file, or a missing stamp, runs codegen again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageDir } from './resolve.ts';

const STAMP = '.codegen-stamp.json';
const PACKAGES = ['@graphql-codegen/cli', '@graphql-codegen/client-preset'];

interface Stamp {
  inputs: string;
  outputs: string;
}

const generatedDir = (siteDir: string) => path.join(siteDir, 'src', 'graphql', 'generated');

/** Files under dir (relative, sorted), recursively; none if it does not exist. */
async function files(dir: string, keep: (relative: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter(keep)
    .sort();
}

async function digest(dir: string, names: string[], extra: string[] = []): Promise<string> {
  const hash = createHash('sha256');
  for (const part of extra) hash.update(part).update('\0');
  for (const name of names)
    hash
      .update(name)
      .update('\0')
      .update(await readFile(path.join(dir, name)))
      .update('\0');
  return hash.digest('hex');
}

/** The digest of codegen's inputs (taken before it runs: an input changed meanwhile is not stamped as done). */
export async function codegenInputs(siteDir: string): Promise<string> {
  const graphqlDir = path.join(siteDir, 'src', 'graphql');
  const documents = await files(
    graphqlDir,
    (name) => name.endsWith('.graphql') && !name.startsWith(`generated${path.sep}`),
  );
  const versions = await Promise.all(
    PACKAGES.map(async (name) => {
      const manifest = JSON.parse(await readFile(path.join(packageDir(name, siteDir), 'package.json'), 'utf8')) as {
        version?: string;
      };
      return `${name}@${manifest.version ?? '?'}`;
    }),
  );
  const config = await readFile(path.join(siteDir, 'codegen.ts'), 'utf8');
  return digest(graphqlDir, documents, [...versions, config]);
}

async function outputsDigest(siteDir: string): Promise<string | undefined> {
  const dir = generatedDir(siteDir);
  const names = await files(dir, (name) => name !== STAMP);
  return names.length > 0 ? digest(dir, names) : undefined;
}

/** True when the generated types were made from these inputs and are unchanged since. */
export async function codegenUpToDate(siteDir: string, inputs: string): Promise<boolean> {
  let stamp: Partial<Stamp>;
  try {
    stamp = JSON.parse(await readFile(path.join(generatedDir(siteDir), STAMP), 'utf8')) as Partial<Stamp>;
  } catch {
    return false;
  }
  const outputs = await outputsDigest(siteDir);
  return stamp.inputs === inputs && outputs !== undefined && stamp.outputs === outputs;
}

/** After a successful codegen: remember what it was made from (written whole, then renamed into place). */
export async function stampCodegen(siteDir: string, inputs: string): Promise<void> {
  const outputs = await outputsDigest(siteDir);
  if (!outputs) return;
  const file = path.join(generatedDir(siteDir), STAMP);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ inputs, outputs } satisfies Stamp)}\n`);
  await rename(temporary, file);
}
