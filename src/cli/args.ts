import { parseArgs } from 'node:util';
import { StarError } from '../core/errors.js';

/** A mistake in how the command was called: printed as one line, exit status 2. */
export class UsageError extends StarError {
  readonly code = 'usage';
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;
type Flags<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** node:util parseArgs with its errors turned into one-line UsageErrors. */
export function parseFlags<O extends Options>(args: string[], options: O): Flags<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0].replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * The valid value closest to a mistyped one, when it is close enough to be what was meant (or
 * when the typed value is the start of exactly one valid value).
 */
export function didYouMean(value: string, valid: readonly string[]): string | undefined {
  const typed = value.toLowerCase();
  const starts = valid.filter((v) => v.startsWith(typed));
  if (typed.length >= 3 && starts.length === 1) return starts[0];
  let best: { v: string; d: number } | undefined;
  for (const v of valid) {
    const d = distance(typed, v);
    if (!best || d < best.d) best = { v, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.v.length / 4)) ? best.v : undefined;
}

/** A value matched case-insensitively against a closed list; a miss names the nearest and lists them all. */
export function parseChoice<T extends string>(value: string, valid: readonly T[], what: string): T {
  const found = valid.find((v) => v === value.toLowerCase());
  if (found) return found;
  const near = didYouMean(value, valid);
  throw new UsageError(`unknown ${what} "${value}"${near ? `; did you mean ${near}?` : ''} Valid: ${valid.join(', ')}`);
}
