// The `star` command: `npm run star -- <command>`. A dispatch table to small commands.
import { createInterface } from 'node:readline';
import { UsageError } from './cli/args.js';
import type { Io } from './cli/io.js';
import { runScenariosCommand } from './cli/scenarios-command.js';
import { ContentError } from './content/load-scenarios.js';

const HELP = `star: practise behavioural interviews with a STAR rubric

  star score [--lp ID] [--level sde1|sde2|senior] [--scenario ID] [--json] [FILE|-]
  star score --jsonl [FILE|-]
  star scenarios check
  star scenarios list [--lp ID] [--json]
  star practice [--lp ID] [--level sde1|sde2|senior]
  star help`;

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  scenarios: runScenariosCommand,
  help: (_args, io) => {
    io.out(HELP);
    return 0;
  },
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined || name === '--help' || name === '-h' ? COMMANDS.help : COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; try: star help`);
    return await command(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`star: ${err.message}`);
      return 2;
    }
    if (err instanceof ContentError) {
      io.err(`star: ${err.message}`);
      return 1;
    }
    io.err(`star: unexpected error: ${(err as Error).message}`);
    return 1;
  }
}

function processIo(): Io {
  let rl: ReturnType<typeof createInterface> | undefined;
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
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
