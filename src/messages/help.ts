import { LEADERSHIP_PRINCIPLES } from '../core/lp.js';
import { context, header, type MessageBody, message, section } from './blocks.js';

/** Short help: every subcommand in one message. */
export function helpMessage(problem?: string): MessageBody {
  const lines = [
    '`/star practice [lp] [sde1|sde2|senior]`: a question in a DM; answer in its thread for feedback and follow-ups',
    '`/star learn [lp]`: a model answer, step by step',
    '`/star quiz [lp]`: a multiple-choice question',
    '`/star level sde1|sde2|senior`: the level you are judged at',
    '`/star stats`: your sessions, scores per LP and most frequent flags',
    '`/star schedule HH:MM [timezone] [weekdays|daily|mon,wed,fri]`: a daily prompt in this channel (admins); `/star schedule` shows it; `off`, `level …`, `lps …`, `feedback public|private` change it',
    '`/star prompt`: post this channel’s next prompt now (admins)',
    '`/star leaderboard [week|month|all]`: this channel’s top practitioners',
    '`/star away 2026-12-24..2027-01-02`: freeze your streaks for a holiday',
    '`/star mocks join|leave`: this channel’s pool of live mock interviews · `/star mocks schedule weekly mon 10:00 [timezone]`: pair it weekly (admins) · `/star mock [learning|realistic]`: a partner now',
    '`/star stories`: your saved stories (rename, lps, delete, reframe, export as a prep document)',
    '`/star export`: all your data as a JSON file in a DM · `/star forget-me`: delete it all',
    '`/star help`: this message',
  ];
  const blocks = [header('STAR Coach'), section(lines.join('\n'))];
  blocks.push(context(`LP ids: ${LEADERSHIP_PRINCIPLES.map((lp) => `\`${lp.id}\``).join(', ')}`));
  if (problem) blocks.unshift(section(`:warning: ${problem}`));
  return message(problem ? `${problem} Try /star help.` : 'STAR Coach commands', blocks);
}
