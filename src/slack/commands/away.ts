import { parseAwayRange } from '../../core/streak.js';
import { say } from '../../messages/blocks.js';
import type { Subcommand } from './command.js';

/** `/star away 2026-12-24..2027-01-02`: days that neither count nor break the person's streaks. */
export const awayCommand: Subcommand = async (services, { ack, teamId, userId, words }) => {
  const range = words.length === 1 ? parseAwayRange(words[0]) : { ok: false as const, error: 'give one range' };
  if (!range.ok) {
    await ack(say(`:warning: ${range.error}. Usage: \`/star away 2026-12-24..2027-01-02\`.`));
    return;
  }
  await services.settings.addAway(teamId, userId, range.value);
  await ack(
    say(`:palm_tree: Away from ${range.value.from} to ${range.value.to}: your streaks are frozen, not broken.`),
  );
};
