/** The benchmarks' command line: parsed strictly, checked with zod, a clear message and exit 2 on bad flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

export function parseBenchArgs<S extends z.ZodType>(schema: S, options: ParseArgsConfig['options']): z.infer<S> {
  let values: unknown;
  try {
    ({ values } = parseArgs({ options, strict: true }));
  } catch (error) {
    // An unknown flag or a flag without its value: node:util's own message, without a stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
    process.exit(2);
  }
  return parsed.data;
}
