import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args.js';
import type { Io } from './io.js';

/** Far beyond any spoken answer (a Slack message is at most 40,000 characters). */
export const MAX_INPUT_BYTES = 256 * 1024;

/** Checks that bytes are a usable answer and decodes them; every problem is a one-line UsageError. */
export function decodeAnswer(bytes: Buffer, source: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new UsageError(
      `${source} is ${formatBytes(bytes.length)}; an answer may be at most ${formatBytes(MAX_INPUT_BYTES)}`,
    );
  }
  if (bytes.includes(0)) throw new UsageError(`${source} looks binary (it contains NUL bytes); give a text answer`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${source} is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new UsageError(`${source} is empty; write an answer first`);
  return text;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/** Reads a FILE argument, or standard input for "-" or no argument. */
export async function readInput(file: string | undefined, io: Io): Promise<{ bytes: Buffer; source: string }> {
  if (file === undefined || file === '-') return { bytes: await io.readStdin(), source: 'standard input' };
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UsageError(`${file} is ${formatBytes(size)}; an answer may be at most ${formatBytes(MAX_INPUT_BYTES)}`);
  }
  try {
    return { bytes: readFileSync(file), source: file };
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
