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
