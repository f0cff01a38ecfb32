import { ephemeral, say } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import type { Subcommand } from './command.js';

export const helpCommand: Subcommand = async (_services, { ack }) => {
  await ack(ephemeral(helpMessage()));
};

/** Subcommands a mistyped word is compared with (the help names every one). */
const KNOWN = [
  'practice',
  'learn',
  'quiz',
  'level',
  'stats',
  'schedule',
  'prompt',
  'leaderboard',
  'away',
  'export',
  'forget-me',
  'mocks',
  'mock',
  'help',
];

/** The known subcommand a mistyped word most likely meant: the same start, or one or two letters off. */
export function nearestSubcommand(word: string): string | undefined {
  const typed = word.toLowerCase();
  const starts = KNOWN.filter((k) => typed.length >= 3 && k.startsWith(typed));
  if (starts.length === 1) return starts[0];
  return KNOWN.find((k) => Math.abs(k.length - typed.length) <= 2 && offByAtMostTwo(k, typed));
}

function offByAtMostTwo(a: string, b: string): boolean {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] <= 2;
}

/**
 * A word that is not a subcommand: one line with the nearest subcommand when there is one (a
 * mistake does not repeat the whole help), else the help saying what was not understood.
 */
export function unknownCommand(word: string): Subcommand {
  return async (_services, { ack }) => {
    const near = nearestSubcommand(word);
    if (near)
      await ack(say(`Unknown command "${word}": did you mean \`/star ${near}\`? \`/star help\` lists them all.`));
    else await ack(ephemeral(helpMessage(`Unknown command "${word}".`)));
  };
}
