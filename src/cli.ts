// Entry point of `npm run star -- <command>`: wires the process to the CLI and exits.
import { createInterface } from 'node:readline';
import type { Io } from './cli/io.js';
import { runCli } from './cli/run.js';

function processIo(): Io {
  let rl: ReturnType<typeof createInterface> | undefined;
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    outLines: (lines) => process.stdout.write(`${lines.join('\n')}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stdinIsTTY: process.stdin.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinChunks: () => process.stdin,
    readLine: (prompt) => {
      if (!rl) {
        rl = createInterface({ input: process.stdin, terminal: false });
        rl.on('line', (line) => {
          const next = waiting.shift();
          if (next) next(line);
          else lines.push(line);
        });
        rl.on('close', () => {
          closed = true;
          for (const next of waiting.splice(0)) next(undefined);
        });
      }
      if (prompt) process.stdout.write(prompt);
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

// A reader that goes away early (`star scenarios list | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const io = processIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
    process.stdin.destroy();
  },
  (err) => {
    process.stderr.write(`star: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
