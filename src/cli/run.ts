// The `star` command's dispatch table: one small command per verb.

import { ContentError } from '../content/load-scenarios.js';
import { UsageError } from './args.js';
import { runCalibrateCommand } from './calibrate-command.js';
import { runEvalCommand } from './eval-command.js';
import type { Io } from './io.js';
import { runPracticeCommand } from './practice-command.js';
import { runScenariosCommand } from './scenarios-command.js';
import { runScoreCommand } from './score-command.js';

const HELP = `star: practise behavioural interviews with a STAR rubric

  star score [--lp ID] [--level sde1|sde2|senior] [--scenario ID] [--question TEXT] [--json] [FILE|-]
  star score --jsonl [FILE|-]
  star eval FILE [--cv K] [--shipped]
  star calibrate FILE
  star rescore [--db PATH]
  star scenarios check
  star scenarios verify [--lp ID]
  star scenarios list [--lp ID] [--json]
  star practice [--lp ID] [--level sde1|sde2|senior]
  star help`;

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  score: runScoreCommand,
  eval: runEvalCommand,
  calibrate: runCalibrateCommand,
  // Loaded on demand: the database driver and services would slow every other command's start-up.
  rescore: async (args, io) => (await import('./rescore-command.js')).runRescoreCommand(args, io),
  scenarios: runScenariosCommand,
  practice: (args, io) => runPracticeCommand(args, io),
  help: (_args, io) => {
    io.out(HELP);
    return 0;
  },
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  // Own keys only: "toString" or "constructor" is an unknown command, not Object's method.
  const command =
    name === undefined || name === '--help' || name === '-h'
      ? COMMANDS.help
      : Object.hasOwn(COMMANDS, name)
        ? COMMANDS[name]
        : undefined;
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
