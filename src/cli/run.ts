// The `star` command's dispatch table: one small command per verb.

import { ContentError } from '../content/content-error.js';
import { didYouMean, UsageError } from './args.js';
import type { Io } from './io.js';

/** Each command's usage, shown by `star help`, `star <command> --help` and `star help <command>`. */
const USAGE: Record<string, string> = {
  score: `star score [--lp ID] [--level sde1|sde2|senior] [--scenario ID] [--question TEXT] [--json] [FILE|-]
star score --jsonl [FILE|-]
star score --vtt FILE [--lp ID] [--level sde1|sde2|senior] [--scenario ID] [--json]
  Scores one answer from FILE or standard input: the verdict and the three fixes that matter most,
  then the detail. On a terminal, type or paste the answer and end it with Ctrl-D.
  --question scores it against the question asked (default: the scenario's question).
  --json prints one object; --jsonl scores one {"text", "lp", "level", "scenario", "question"} per line.
  --vtt scores a spoken answer's WebVTT transcript and adds its real timing per STAR part.`,
  eval: `star eval FILE [--cv K] [--shipped]
  Measures the rubric on labelled answers (JSON lines): AUC, verdict agreement per level, the
  confusion matrix and flag precision/recall, cross-validated by default (--shipped: with the
  shipped weights); the last 6 lines summarise.`,
  rescore: `star rescore [--db PATH]
  Re-scores the stored answers an older rubric scored (below RUBRIC_VERSION), against their
  question, in batches; safe to run twice. The database is STAR_DB, or PostgreSQL at DATABASE_URL.`,
  calibrate: `star calibrate FILE
  Fits the scorecard's weights on labelled answers and writes src/core/rubric/scorecard-weights.ts.`,
  stories: `star stories export --team ID --user ID [--db FILE]
  Prints a person's story bank as the Markdown prep document (the database is STAR_DB by default).`,
  practice: `star practice [--lp ID] [--level sde1|sde2|senior] [--scenario ID]
  A question, your answer (blank lines are fine; end with a line holding only "." or Ctrl-D),
  the feedback, then follow-up questions chosen by what your answer left out.`,
  learn: `star learn [--lp ID] [--scenario ID] [--level sde1|sde2|senior]
  A model answer step by step: the story, each STAR part with coaching and the common mistake,
  a weak answer with the bar raiser's verdict. Ends with the command to practise it.`,
  quiz: `star quiz [--lp ID] [--count N]
  Multiple-choice questions (the story first when a question depends on one); answer with a letter.`,
  scenarios: `star scenarios check [--lp ID] [--write]
star scenarios verify [--lp ID]
star scenarios list [--lp ID] [--json]
  Validates the library, checks each scenario's model answers score as intended, or lists them.`,
  help: `star help [COMMAND]
  Every command, or one command's usage. Also: star COMMAND --help.`,
};

const HELP = `star: practise behavioural interviews with a STAR rubric

${Object.values(USAGE).join('\n\n')}

LP ids and levels are not case-sensitive.`;

type Command = (args: string[], io: Io) => number | Promise<number>;

// Each command is loaded on demand: a command pays only for its own modules at start-up (the
// database driver, the YAML parser and the schemas would otherwise slow every run of `score`).
const COMMANDS: Record<string, Command> = {
  score: async (args, io) => (await import('./score-command.js')).runScoreCommand(args, io),
  eval: async (args, io) => (await import('./eval-command.js')).runEvalCommand(args, io),
  calibrate: async (args, io) => (await import('./calibrate-command.js')).runCalibrateCommand(args, io),
  rescore: async (args, io) => (await import('./rescore-command.js')).runRescoreCommand(args, io),
  scenarios: async (args, io) => (await import('./scenarios-command.js')).runScenariosCommand(args, io),
  practice: async (args, io) => (await import('./practice-command.js')).runPracticeCommand(args, io),
  stories: async (args, io) => (await import('./stories-command.js')).runStoriesCommand(args, io),
  learn: async (args, io) => (await import('./learn-command.js')).runLearnCommand(args, io),
  quiz: async (args, io) => (await import('./learn-command.js')).runQuizCommand(args, io),
  help: ([topic], io) => {
    if (topic === undefined) io.out(HELP);
    else io.out(usageOf(topic));
    return 0;
  },
};

function usageOf(name: string): string {
  const key = name.toLowerCase();
  if (Object.hasOwn(USAGE, key)) return USAGE[key];
  const near = didYouMean(name, Object.keys(COMMANDS));
  throw new UsageError(`unknown command "${name}"${near ? `; did you mean ${near}?` : ''} Try: star help`);
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [given, ...args] = argv;
  const name = given?.toLowerCase();
  // Own keys only: "toString" or "constructor" is an unknown command, not Object's method.
  const command =
    name === undefined || name === '--help' || name === '-h'
      ? COMMANDS.help
      : Object.hasOwn(COMMANDS, name)
        ? COMMANDS[name]
        : undefined;
  try {
    if (!command) {
      usageOf(given ?? ''); // throws: the unknown command, the nearest one
      return 2;
    }
    if (name && (args.includes('--help') || args.includes('-h'))) {
      io.out(usageOf(name));
      return 0;
    }
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
