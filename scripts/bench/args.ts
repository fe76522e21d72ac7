/** The benchmarks' command line: parsed strictly, checked with zod, a clear message and exit 2 on bad flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

export function parseBenchArgs<S extends z.ZodType>(schema: S, options: ParseArgsConfig['options']): z.infer<S> {
  const { values } = parseArgs({ options, strict: true });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
    process.exit(2);
  }
  return parsed.data;
}
