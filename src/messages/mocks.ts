// Mock interviews between teammates: the pool's replies, the group DM that introduces a pair, and
// the few notes around a round (heads-up, unpaired, paused, nudge, check-back).
import type { KnownBlock } from '@slack/types';
import type { Mock, MockMember, MockMode, MockPool, MockRole, MockStatus } from '../core/mocks.js';
import { formatTime, localParts, type Slot, WEEKDAY_NAMES } from '../core/schedule.js';
import { MOCK_MINUTES, WORKDAY_END_MINUTE, WORKDAY_START_MINUTE } from '../core/working-hours.js';
import { button, type CommandReply, context, header, type MessageBody, message, say, section } from './blocks.js';
import { ACTION_IDS } from './ids.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A person in a message; someone who asked to be forgotten is no longer named. */
export function person(userId: string): string {
  return userId === 'forgotten' ? 'a former member' : `<@${userId}>`;
}

/** "Tue 1 Dec 15:00" on a timezone's clock. */
export function localTime(at: Date, timezone: string): string {
  const p = localParts(at, timezone);
  const day = WEEKDAY_NAMES[p.weekday];
  return `${day[0].toUpperCase()}${day.slice(1)} ${p.day} ${MONTHS[p.month - 1]} ${formatTime(p.hour * 60 + p.minute)}`;
}

export const MODE_RULES: Record<MockMode, { name: string; rules: string }> = {
  learning: {
    name: 'Learning mock',
    rules: 'the interviewer may pause, hint and coach between probes; stop and retry a part if it helps.',
  },
  realistic: {
    name: 'Realistic mock',
    rules: 'no hints and no pauses; each probe gets about 45 seconds; feedback only at the end, as in a real loop.',
  },
};

/** Each suggested start, read on every participant's own clock. */
function timesBlock(mock: Mock, zones: Readonly<Record<string, string>>, ids: readonly string[]): string {
  const hours = `${formatTime(WORKDAY_START_MINUTE)}–${formatTime(WORKDAY_END_MINUTE)}`;
  if (mock.suggestedTimes.length === 0)
    return `*When:* your working hours (${hours} on your own clocks) do not overlap this week. One of you would have to start early or stay late: agree a time here.`;
  const lines = mock.suggestedTimes.map(
    (iso) => `• ${ids.map((id) => `${localTime(new Date(iso), zones[id] ?? 'UTC')} for ${person(id)}`).join(' · ')}`,
  );
  return `*When:* ${MOCK_MINUTES} minutes; these fit everyone's working hours (${hours} on your own clocks):\n${lines.join('\n')}`;
}

function statusLine(mock: Mock): string | undefined {
  switch (mock.status) {
    case 'met':
      return `:white_check_mark: Done. The scorecard goes to ${person(mock.candidateId)} by DM.`;
    case 'cancelled':
      return ':no_entry_sign: This mock was called off. You stay in the pool for the next round.';
    case 'no-show':
      return `:ghost: Reported as a no-show${mock.noShowUserId ? ` (${person(mock.noShowUserId)} did not come)` : ''}. I looked for a new partner in the pool.`;
    default:
      return undefined;
  }
}

/** The group DM message that introduces a pair (or trio): roles, times, the huddle, the mode, the buttons. */
export function mockIntroMessage(mock: Mock, zones: Readonly<Record<string, string>>): MessageBody {
  const ids = [mock.candidateId, mock.interviewerId, ...(mock.observerId ? [mock.observerId] : [])];
  const value = String(mock.id);
  const roles = [
    `*Candidate:* ${person(mock.candidateId)}: answers one behavioural question and its follow-ups.`,
    `*Interviewer:* ${person(mock.interviewerId)}: asks, probes, then fills in the scorecard.`,
    ...(mock.observerId
      ? [`*Observer:* ${person(mock.observerId)}: shadows the interviewer to learn the bar; quiet until the feedback.`]
      : []),
  ];
  const blocks: KnownBlock[] = [
    header(mock.mode ? `Mock interview · ${MODE_RULES[mock.mode].name}` : 'Mock interview'),
    section(`:handshake: You were paired from the <#${mock.channelId}> mock pool.\n${roles.join('\n')}`),
    section(timesBlock(mock, zones, ids)),
    section(
      '*Where:* Slack gives apps no way to start a huddle, so start one yourselves in this group DM (the headphones icon at the top), or paste a call link here.',
    ),
  ];
  const done = statusLine(mock);
  if (done) {
    blocks.push(section(done));
    return message(`Mock interview: ${person(mock.candidateId)} with ${person(mock.interviewerId)}`, blocks);
  }
  if (mock.mode) blocks.push(section(`*${MODE_RULES[mock.mode].name}:* ${MODE_RULES[mock.mode].rules}`));
  else
    blocks.push(
      section(
        `*Pick one mode together* (the two don't mix). *Learning:* ${MODE_RULES.learning.rules} *Realistic:* ${MODE_RULES.realistic.rules}`,
      ),
      {
        type: 'actions',
        elements: [
          button('Learning mock', ACTION_IDS.mockModeLearning, value),
          button('Realistic mock', ACTION_IDS.mockModeRealistic, value),
        ],
      },
    );
  blocks.push({
    type: 'actions',
    elements: [
      button('Start as interviewer', ACTION_IDS.mockStartInterviewer, value, 'primary'),
      button('Start as candidate', ACTION_IDS.mockStartCandidate, value),
      ...(mock.observerId ? [button('Start as observer', ACTION_IDS.mockStartObserver, value)] : []),
    ],
  });
  blocks.push({
    type: 'actions',
    elements: [
      button('Reschedule', ACTION_IDS.mockReschedule, value),
      button('Cancel', ACTION_IDS.mockCancel, value),
      button('Report a no-show', ACTION_IDS.mockNoShow, value, 'danger'),
    ],
  });
  blocks.push(
    context(
      'Each Start button is for that person: the interviewer’s kit goes to the interviewer alone, so the candidate hears the question in the mock. Afterwards the scorecard reaches the candidate by DM and both App Homes.',
    ),
  );
  return message(
    `Mock interview: ${person(mock.candidateId)} (candidate) with ${person(mock.interviewerId)} (interviewer)`,
    blocks,
  );
}

/** New suggested times after someone asks to move the mock. */
export function rescheduleMessage(mock: Mock, by: string, zones: Readonly<Record<string, string>>): MessageBody {
  const ids = [mock.candidateId, mock.interviewerId, ...(mock.observerId ? [mock.observerId] : [])];
  return message(`${person(by)} asked to move the mock`, [
    section(`:arrows_counterclockwise: ${person(by)} asked to move the mock.`),
    section(timesBlock(mock, zones, ids)),
  ]);
}

/** The one reminder, a few days in, when nobody has pressed anything yet. */
export function nudgeMessage(mock: Mock): MessageBody {
  return message('A gentle nudge about your mock interview', [
    section(
      `:wave: A gentle nudge: have you found a time for ${person(mock.candidateId)}’s mock with ${person(mock.interviewerId)}? The suggested times are in the message above, with Reschedule and Cancel if this week does not work. This is the only reminder.`,
    ),
  ]);
}

/** After the round: did the mock happen? */
export function checkBackMessage(mock: Mock): MessageBody {
  const value = String(mock.id);
  return message('Did you meet for your mock interview?', [
    section(
      `:mag: Did you meet for your mock? If you did, ${person(mock.interviewerId)} can send the scorecard from *We met* (or from the kit).`,
    ),
    {
      type: 'actions',
      elements: [
        button('We met', ACTION_IDS.mockMet, value, 'primary'),
        button('It didn’t happen', ACTION_IDS.mockDidNotMeet, value),
      ],
    },
  ]);
}

/** In the pool's channel, a day before the weekly round: who is in, and a way to sit this one out. */
export function headsUpMessage(pool: MockPool, slot: Slot, activeCount: number): MessageBody {
  const when = `${DAY_NAMES[pool.day]} ${formatTime(pool.minuteOfDay)} (${pool.timezone})`;
  return message(`Mock interviews are paired ${when}`, [
    section(
      `:calendar: This channel’s mock interviews are paired on *${when}* for the ${activeCount} ${activeCount === 1 ? 'person' : 'people'} in the pool. Each pair gets a group DM with the plan.`,
    ),
    {
      type: 'actions',
      elements: [button('Skip this round', ACTION_IDS.mockSkipRound, `${pool.channelId}|${slot.localDate}`)],
    },
    context('Skipping leaves you in the pool for next week. `/star mocks leave` leaves it; `/star mocks join` joins.'),
  ]);
}

export function unpairedMessage(channelId: string): MessageBody {
  return message('No partner this round', [
    section(
      `:hourglass: Nobody else in the <#${channelId}> mock pool was free this round, so you were not paired. Type \`/star mock\` in that channel when a teammate is around, or wait for next week.`,
    ),
  ]);
}

export function pausedMessage(channelId: string): MessageBody {
  return message('Paused in a mock pool', [
    section(
      `:zzz: I paused you in the <#${channelId}> mock pool: your last three rounds there went unanswered. Nothing else changes, and \`/star mocks join\` in that channel brings you back.`,
    ),
  ]);
}

/** What `/star mocks …` did, for its ephemeral reply. */
export type MocksOutcome =
  | { kind: 'not-a-channel' }
  | { kind: 'invalid'; message: string }
  | { kind: 'joined'; resumed: boolean; pool: MockPool }
  | { kind: 'already' }
  | { kind: 'left' }
  | { kind: 'not-member' }
  | { kind: 'forbidden' }
  | { kind: 'weekly'; pool: MockPool; next: Slot | undefined; joined: boolean }
  | { kind: 'weekly-off' }
  | { kind: 'unknown-timezone'; timezone: string }
  | { kind: 'status'; pool: MockPool | undefined; members: MockMember[]; userId: string; next: Slot | undefined };

function weeklyLine(pool: MockPool | undefined, next: Slot | undefined): string {
  if (!pool?.weekly)
    return 'No weekly pairing yet (an admin sets it with `/star mocks schedule weekly mon 10:00 [timezone]`).';
  const at = next ? `; next on ${localTime(next.at, pool.timezone)}` : '';
  return `Paired every ${DAY_NAMES[pool.day]} at ${formatTime(pool.minuteOfDay)} (${pool.timezone})${at}.`;
}

export function mocksReply(outcome: MocksOutcome): CommandReply {
  switch (outcome.kind) {
    case 'not-a-channel':
      return say(
        ':warning: Mock pools live in channels: run `/star mocks join` in the channel your team practises in.',
      );
    case 'invalid':
      return say(`:warning: ${outcome.message}`);
    case 'joined':
      return say(
        `:handshake: ${outcome.resumed ? 'Welcome back to' : 'You joined'} this channel’s mock interview pool. ${weeklyLine(outcome.pool, undefined)} \`/star mock\` asks for a partner now.`,
      );
    case 'already':
      return say('You are in this channel’s mock pool already. `/star mocks` shows it; `/star mocks leave` leaves.');
    case 'left':
      return say(':wave: You left this channel’s mock pool. Mocks already arranged stay as they are.');
    case 'not-member':
      return say('You are not in this channel’s mock pool. `/star mocks join` joins it.');
    case 'forbidden':
      return say(
        ':lock: Only workspace admins and owners, or people listed in STAR_ADMINS, can set the weekly pairing.',
      );
    case 'weekly':
      return say(
        `:calendar: ${weeklyLine(outcome.pool, outcome.next)} A heads-up with a *Skip this round* button comes a day before.${outcome.joined ? '' : ' I could not join this channel by myself: invite me (`/invite @STAR Coach`) so the heads-up can be posted.'}`,
      );
    case 'weekly-off':
      return say('Weekly pairing is off here. The pool stays; `/star mock` still finds a partner now.');
    case 'unknown-timezone':
      return say(
        `:warning: "${outcome.timezone}" is not a timezone I know; use an IANA name such as Europe/Berlin or America/New_York.`,
      );
    case 'status': {
      const active = outcome.members.filter((m) => m.status === 'active');
      const mine = outcome.members.find((m) => m.userId === outcome.userId);
      const you =
        mine?.status === 'active'
          ? 'You are in it.'
          : mine?.status === 'paused'
            ? 'You are paused (three rounds unanswered): `/star mocks join` resumes.'
            : 'You are not in it: `/star mocks join`.';
      const names = active.length > 0 ? active.map((m) => person(m.userId)).join(', ') : 'nobody yet';
      return say(
        `*Mock pool here:* ${active.length} ${active.length === 1 ? 'person' : 'people'} (${names}). ${you}\n${weeklyLine(outcome.pool, outcome.next)}`,
      );
    }
  }
}

/** What `/star mock` (a partner now) did. */
export type MockRequestOutcome =
  | { kind: 'not-a-channel' }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-member' }
  | { kind: 'no-partner'; poolSize: number }
  | { kind: 'paired'; partnerId: string; role: 'candidate' | 'interviewer' };

export function mockRequestReply(outcome: MockRequestOutcome): CommandReply {
  switch (outcome.kind) {
    case 'not-a-channel':
      return say(':warning: `/star mock` finds a partner from a channel’s pool: run it in that channel.');
    case 'invalid':
      return say(`:warning: ${outcome.message}`);
    case 'not-member':
      return say('Join this channel’s mock pool first: `/star mocks join`. Then `/star mock` finds you a partner.');
    case 'no-partner':
      return say(
        `:hourglass: Nobody else in this pool is free right now (${outcome.poolSize} in it; the others are away, paused or already in a mock this week). Try again later.`,
      );
    case 'paired':
      return say(
        `:handshake: Paired you with ${person(outcome.partnerId)}: you are the ${outcome.role} this time. The plan is in a group DM with the two of you.`,
      );
  }
}

/** What a button on a mock (or the heads-up) did, for the ephemeral note to whoever pressed it. */
export type MockActionOutcome =
  | { kind: 'not-found' }
  | { kind: 'not-in-mock' }
  | { kind: 'wrong-person'; ownerId: string; role: MockRole }
  | { kind: 'observer-cannot' }
  | { kind: 'closed'; status: MockStatus }
  | { kind: 'pick-mode' }
  | { kind: 'mode-set'; mode: MockMode }
  | { kind: 'mode-taken'; mode: MockMode }
  | { kind: 'sent'; what: 'kit' | 'brief' | 'observer' }
  | { kind: 'sent-before'; what: 'kit' | 'brief' | 'observer' }
  | { kind: 'dm-failed' }
  | { kind: 'rescheduled' }
  | { kind: 'reschedule-limit' }
  | { kind: 'cancelled' }
  | { kind: 'repaired'; partnerId: string; role: 'candidate' | 'interviewer' }
  | { kind: 'no-partner' }
  | { kind: 'met'; interviewerId: string }
  | { kind: 'not-met' }
  | { kind: 'opened' }
  | { kind: 'open-failed' }
  | { kind: 'scorecard-exists' }
  | { kind: 'skipped'; roundKey: string }
  | { kind: 'skipped-before' }
  | { kind: 'not-member' };

const SENT: Record<'kit' | 'brief' | 'observer', string> = {
  kit: ':closed_book: Your interviewer kit is in your DM with me. Keep the question to yourself until you ask it.',
  brief: ':memo: How the mock will go is in your DM with me (not the question: you hear that in the mock).',
  observer: ':eyes: The bar and the red flags to listen for are in your DM with me.',
};

const CLOSED: Record<MockStatus, string> = {
  planned: 'This mock is still planned.',
  met: 'This mock is over: nothing left to change.',
  cancelled: 'This mock was called off: nothing left to change.',
  'no-show': 'This mock was reported as a no-show: nothing left to change.',
};

/** The text of the ephemeral note, or undefined when the action needs none (a modal opened). */
export function mockActionText(outcome: MockActionOutcome): string | undefined {
  switch (outcome.kind) {
    case 'not-found':
      return 'I could not find that mock any more.';
    case 'not-in-mock':
      return 'This mock belongs to other people: only they can use its buttons.';
    case 'wrong-person':
      return `This button is for ${person(outcome.ownerId)}, the ${outcome.role}.${outcome.role === 'interviewer' ? ' The kit is theirs alone, so the candidate meets the question fresh.' : ''}`;
    case 'observer-cannot':
      return 'Only the candidate or the interviewer can report a no-show.';
    case 'closed':
      return CLOSED[outcome.status];
    case 'pick-mode':
      return 'Pick *Learning* or *Realistic* together first (the buttons above): the kit and the brief depend on it.';
    case 'mode-set':
      return `:white_check_mark: A ${MODE_RULES[outcome.mode].name.toLowerCase()} it is.`;
    case 'mode-taken':
      return `This is a ${MODE_RULES[outcome.mode].name.toLowerCase()} already; the two don’t mix.`;
    case 'sent':
      return SENT[outcome.what];
    case 'sent-before':
      return 'I sent that to your DM already: look in your DM with me.';
    case 'dm-failed':
      return ':warning: Slack did not let me open a DM with you just now; press the button again in a minute.';
    case 'rescheduled':
      return 'New suggested times are in the group DM.';
    case 'reschedule-limit':
      return 'New times went out today already: agree one in the group DM.';
    case 'cancelled':
      return 'Called off. You both stay in the pool for the next round.';
    case 'repaired':
      return `Sorry they did not come. I paired you with ${person(outcome.partnerId)} instead (you are the ${outcome.role}): see the new group DM.`;
    case 'no-partner':
      return 'Sorry they did not come. Nobody else in the pool is free this week; you will be paired in the next round.';
    case 'met':
      return `:tada: Marked as met. ${person(outcome.interviewerId)} sends the scorecard from the kit.`;
    case 'not-met':
      return 'Noted. You stay in the pool for the next round.';
    case 'opened':
      return undefined;
    case 'open-failed':
      return 'Slack did not open the form in time; press the button again.';
    case 'scorecard-exists':
      return 'The scorecard for this mock was sent already.';
    case 'skipped':
      return `You sit out the round of ${outcome.roundKey} and stay in the pool for the next one.`;
    case 'skipped-before':
      return 'You are skipping this round already.';
    case 'not-member':
      return 'You are not in this pool: `/star mocks join` in the channel joins it.';
  }
}
