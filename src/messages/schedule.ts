import type { ChannelSchedule } from '../core/domain.js';
import { LEVEL_NAMES, lpName } from '../core/lp.js';
import { formatDays, formatTime, type Slot, WEEKDAY_NAMES } from '../core/schedule.js';
import type { ScheduleOutcome } from '../core/schedule-command.js';
import { type CommandReply, context, ephemeral, type MessageBody, message, say, section } from './blocks.js';

/** `/star schedule` with no arguments: the settings and the next three posting times. */
export function scheduleStatusMessage(schedule: ChannelSchedule | undefined, next: Slot[]): MessageBody {
  if (!schedule?.enabled) {
    return message('No daily prompt here.', [
      section(
        'No daily prompt in this channel. Set one with `/star schedule HH:MM [timezone] [weekdays|daily|mon,wed,fri]`.',
      ),
    ]);
  }
  const lps = schedule.lps.length > 0 ? schedule.lps.map(lpName).join(', ') : 'all sixteen';
  const when = next
    .map((s) => `• <!date^${Math.floor(s.at.getTime() / 1000)}^{date_long_pretty} at {time}|${s.at.toISOString()}>`)
    .join('\n');
  return message(`Daily prompt at ${formatTime(schedule.minuteOfDay)} ${schedule.timezone}`, [
    section(
      `*Daily prompt:* ${formatTime(schedule.minuteOfDay)} ${schedule.timezone}, ${formatDays(schedule.days)}\n*Level:* ${schedule.level ? LEVEL_NAMES[schedule.level] : 'each person’s own (default SDE2)'} · *LPs:* ${lps} · *Feedback:* ${schedule.feedback}`,
    ),
    section(`*Next three:*\n${when}`),
    context(
      'Change it: `/star schedule HH:MM [tz] [days]`, `/star schedule level …`, `/star schedule lps …`, `/star schedule feedback public|private`, `/star schedule off`.',
    ),
  ]);
}

const LOCKED = ':lock: Only workspace admins and owners, or people listed in STAR_ADMINS,';

/** The ephemeral reply to `/star schedule …` or `/star prompt`. */
export function scheduleReply(outcome: ScheduleOutcome): CommandReply {
  switch (outcome.kind) {
    case 'not-a-channel':
      return say(':warning: Daily prompts are for channels: run `/star schedule` in the channel that should get them.');
    case 'invalid':
      return say(`:warning: ${outcome.message}`);
    case 'forbidden':
      return say(
        outcome.wanted === 'change' ? `${LOCKED} can change this channel’s schedule.` : `${LOCKED} can post a prompt.`,
      );
    case 'no-schedule':
      return say(
        outcome.wanted === 'change'
          ? ':warning: This channel has no schedule yet. Start with `/star schedule 09:30 Europe/Berlin weekdays`.'
          : ':warning: This channel has no schedule yet; set one first with `/star schedule HH:MM`.',
      );
    case 'status':
      return ephemeral(scheduleStatusMessage(outcome.schedule, outcome.next));
    case 'off':
      return say(':zzz: Daily prompts are off in this channel. `/star schedule HH:MM` turns them on again.');
    case 'level':
      return say(
        `:white_check_mark: Answers here are judged at ${outcome.level ? LEVEL_NAMES[outcome.level] : 'each person’s own level'}.`,
      );
    case 'lps':
      return say(
        `:white_check_mark: Prompts here rotate through ${outcome.lps.length > 0 ? outcome.lps.map(lpName).join(', ') : 'all sixteen LPs'}.`,
      );
    case 'digest':
      return say(
        `:newspaper: The weekly digest comes on ${WEEKDAY_NAMES[outcome.day]} at ${formatTime(outcome.minuteOfDay)} ${outcome.timezone}.`,
      );
    case 'feedback':
      return say(
        `:white_check_mark: Feedback here is now ${outcome.feedback === 'public' ? 'posted in the thread' : 'private to each author, with a verdict dot on the answer'}.`,
      );
    case 'unknown-timezone':
      return say(
        `:warning: Your Slack timezone "${outcome.timezone}" is not one I know; give one, e.g. Europe/Berlin.`,
      );
    case 'set': {
      const status = ephemeral(scheduleStatusMessage(outcome.status.schedule, outcome.status.next));
      const intro = `:calendar: Daily prompt set for ${formatTime(outcome.minuteOfDay)} ${outcome.timezone}, ${formatDays(outcome.days)}.${outcome.joined ? '' : ' I could not join this channel by myself (it may be private): invite me with `/invite @STAR Coach`.'}`;
      return { ...status, text: intro, blocks: [section(intro), ...status.blocks] };
    }
    case 'prompted':
      return say(
        outcome.posted
          ? ':white_check_mark: Posted the next prompt.'
          : ':warning: Slack did not take the prompt (is the bot in this channel? `/invite @STAR Coach`). It is saved and retried.',
      );
  }
}
