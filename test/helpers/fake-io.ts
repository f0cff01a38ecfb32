import type { Io } from '../../src/cli/io.js';

/** An Io that records output and plays back scripted standard input. */
export function fakeIo(stdin: string | Buffer = '', lines: string[] = []): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const queue = [...lines];
  return {
    stdout,
    stderr,
    color: false,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin),
    readLine: async () => queue.shift(),
  };
}
