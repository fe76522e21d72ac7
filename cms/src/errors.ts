/**
 * A caught value read as what it is: `catch` gives `unknown` (anything can be thrown), so its message and
 * system error code are read here with a check, not assumed with a cast. Pure.
 */

/** What went wrong, as text: an Error's message, anything else as written. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A Node system error's code (ENOENT, EEXIST, …), or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
