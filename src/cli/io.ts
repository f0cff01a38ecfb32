/** What a CLI command may touch, passed in so tests can drive commands without a process. */
export interface Io {
  out(line: string): void;
  /** Several lines in one write (bulk output); without it, out is called once a line. */
  outLines?(lines: readonly string[]): void;
  err(line: string): void;
  /** Reads all of standard input, or undefined when the command should not wait for it. */
  readStdin(): Promise<Buffer>;
  /** Standard input as it arrives (for inputs of any size); without it, readStdin is used. */
  stdinChunks?(): AsyncIterable<Buffer>;
  /** Reads one line typed at the terminal, undefined at end of input. */
  readLine(prompt: string): Promise<string | undefined>;
  color: boolean;
  /** Standard input is a terminal: a command that reads it says how to end the input. */
  stdinIsTTY?: boolean;
  /** The terminal's width in columns (80 when it is not a terminal). */
  columns?: number;
}
