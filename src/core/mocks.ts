// Live mock interviews between teammates, as stored: a pool per channel, rounds of pairing, the
// mocks themselves, the interviewer's scorecard and the candidate's own written answer. Plain
// types like domain.ts; the constant lists are the vocabularies the schema's enum columns use.
import type { Level } from './lp.js';
import type { Dimension, Verdict } from './rubric/index.js';

export const MOCK_MODES = ['learning', 'realistic'] as const;
/** Learning: the interviewer may pause and coach. Realistic: no hints, probes under time. */
export type MockMode = (typeof MOCK_MODES)[number];

export const MOCK_STATUSES = ['planned', 'met', 'cancelled', 'no-show'] as const;
export type MockStatus = (typeof MOCK_STATUSES)[number];

export const MOCK_ROLES = ['candidate', 'interviewer', 'observer'] as const;
export type MockRole = (typeof MOCK_ROLES)[number];

export const MEMBER_STATUSES = ['active', 'left', 'paused'] as const;
/** Paused: ignored about three rounds in a row, so left out until they join again. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const ROUND_KINDS = ['weekly', 'on-demand', 're-pair'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** A channel's opt-in pool and its weekly pairing time. */
export interface MockPool {
  teamId: string;
  channelId: string;
  weekly: boolean;
  /** Day of the week (0 = Sunday) and local minute of the day of the weekly pairing. */
  day: number;
  minuteOfDay: number;
  timezone: string;
  /** No round at or before this instant is paired (set when the weekly time changes). */
  notBefore: string;
  lastRoundAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MockMember {
  teamId: string;
  channelId: string;
  userId: string;
  status: MemberStatus;
  /** Weekly rounds in a row this person was paired and never answered. */
  ignoredRounds: number;
  joinedAt: string;
  updatedAt: string;
}

export interface MockRound {
  id: number;
  teamId: string;
  channelId: string;
  /** The pool's local date for a weekly round; `now:…` or `repair:…` for the others. */
  roundKey: string;
  kind: RoundKind;
  roundAt: string;
  createdAt: string;
}

export interface Mock {
  id: number;
  teamId: string;
  roundId: number;
  /** The pool's channel. */
  channelId: string;
  candidateId: string;
  interviewerId: string;
  observerId: string | null;
  mode: MockMode | null;
  status: MockStatus;
  /** The kit's question: chosen for the candidate when the pair is made. */
  lp: string;
  level: Level;
  questionId: string;
  /** Suggested start times (ISO), inside the participants' working hours. */
  suggestedTimes: string[];
  /** The group DM of the participants and the bot, once opened. */
  conversationId: string | null;
  introReplyId: number | null;
  noShowUserId: string | null;
  /** Participants who answered anything (a button, the scorecard): the others ignored the round. */
  responded: string[];
  createdAt: string;
  updatedAt: string;
}

export type MockRatings = Record<Dimension, number>;

export interface MockScorecard {
  id: number;
  teamId: string;
  mockId: number;
  interviewerId: string;
  candidateId: string;
  /** 1–4 per dimension. */
  ratings: MockRatings;
  /** Flag ids the interviewer heard. */
  flags: string[];
  verdict: Verdict;
  wentWell: string;
  toImprove: string;
  createdAt: string;
}

/** The candidate's answer, pasted as text after the mock, with the rubric's view of it. */
export interface MockAnswer {
  teamId: string;
  mockId: number;
  userId: string;
  text: string;
  overall: number;
  verdict: Verdict;
  dimensions: Record<string, number>;
  /** As answers keep them (domain.ts StoredFlag, not imported: domain.ts imports this file). */
  flags: { id: string; quote: string }[];
  rubricVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** A mock with its scorecard, when the interviewer has sent one. */
export type MockWithScorecard = Mock & { scorecard: MockScorecard | null };

/** The people of a mock and their roles. */
export function participants(mock: Pick<Mock, 'candidateId' | 'interviewerId' | 'observerId'>): string[] {
  return [mock.candidateId, mock.interviewerId, ...(mock.observerId ? [mock.observerId] : [])];
}

/** A person's role in a mock, or undefined when they are not in it. */
export function roleOf(
  mock: Pick<Mock, 'candidateId' | 'interviewerId' | 'observerId'>,
  userId: string,
): MockRole | undefined {
  if (mock.candidateId === userId) return 'candidate';
  if (mock.interviewerId === userId) return 'interviewer';
  if (mock.observerId === userId) return 'observer';
  return undefined;
}

/** Everything stored about one person's mock interviews (`/star export`). */
export interface MockUserData {
  memberships: MockMember[];
  skips: { channelId: string; roundKey: string; createdAt: string }[];
  mocks: (Mock & { role: MockRole; scorecard: MockScorecard | null; answer: MockAnswer | null })[];
}
