// What the app stores, as plain types: repositories return these, whatever database is behind
// them, and services and messages read them without knowing about tables. The constant lists are
// the vocabularies the schema's enum columns are built from.
import type { Level } from './lp.js';
import type { MockUserData } from './mocks.js';
import type { AnswerKind, Verdict } from './rubric/index.js';
import type { SessionState } from './session.js';
import type { Story } from './stories.js';

/** A message for Slack: fallback text and Block Kit blocks (rendered by src/messages). */
export interface MessageContent {
  text: string;
  blocks: unknown[];
}

export const ANSWER_KINDS = ['answer', 'probe'] as const satisfies readonly AnswerKind[];

export const SESSION_MODES = ['dm', 'channel'] as const;
/** DM practice, or one teammate's answer to a channel prompt. */
export type SessionMode = (typeof SESSION_MODES)[number];

export const FEEDBACK_MODES = ['private', 'public'] as const;
/** Private: ephemeral feedback and a verdict reaction; public: feedback posted in the thread. */
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

export const REPLY_PURPOSES = ['question', 'feedback', 'notice', 'prompt', 'reaction'] as const;
export type ReplyPurpose = (typeof REPLY_PURPOSES)[number];

export const REPLY_DELIVERIES = ['message', 'ephemeral', 'react', 'unreact', 'dm'] as const;
/** A message, an ephemeral message to one user, a reaction added or removed, or a message in one user's DM. */
export type ReplyDelivery = (typeof REPLY_DELIVERIES)[number];

export const DELIVERY_STATES = ['working', 'done'] as const;
/** A Slack delivery's claim: its work running (`working`, under a lease) or committed (`done`). */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const REPLY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
/** `dead`: given up (Slack refused it for good, or it failed for about a day). */
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** A person's settings as stored (export shows them as they are). */
export interface UserRecord {
  teamId: string;
  userId: string;
  level: Level;
  timezone: string | null;
  tzOffsetSeconds: number | null;
  timezoneCheckedAt: string | null;
  levelChosenAt: string | null;
  welcomedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The settings that matter, with defaults for someone never seen. */
export interface UserSettings {
  level: Level;
  /** False while the level is the default nobody chose (say so rather than assume it silently). */
  levelChosen: boolean;
  timezone: string | null;
}

export interface PracticeSession {
  id: number;
  teamId: string;
  userId: string;
  channelId: string;
  /** The thread answers arrive in: the question's ts (DM) or the prompt's (channel). */
  questionTs: string | null;
  mode: SessionMode;
  promptId: number | null;
  /** The question asked: a scenario id or a question-bank id (unique across both). */
  scenarioId: string;
  lp: string;
  level: Level;
  state: SessionState;
  probeIndex: number;
  createdAt: string;
  updatedAt: string;
}

/** A flag as kept with a scored answer: enough to count it and show its words. */
export interface StoredFlag {
  id: string;
  quote: string;
}

/** A scored answer: a session's main answer (possibly several messages) or one probe reply. */
export interface Answer {
  id: number;
  teamId: string;
  userId: string;
  sessionId: number;
  kind: AnswerKind;
  probeIndex: number;
  lp: string;
  level: Level;
  text: string;
  overall: number;
  verdict: Verdict;
  dimensions: Record<string, number>;
  flags: StoredFlag[];
  rubricVersion: number;
  deleted: boolean;
  /** Its feedback message's ts, once sent. */
  feedbackTs: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One Slack message of an answer, so edits and deletes find their answer. */
export interface AnswerMessage {
  teamId: string;
  channelId: string;
  messageTs: string;
  answerId: number;
  text: string;
  deleted: boolean;
  createdAt: string;
}

/** A bot message in the outbox: stored first, then delivered and retried until sent or dead. */
export interface Reply {
  id: number;
  teamId: string;
  channelId: string;
  threadTs: string | null;
  purpose: ReplyPurpose;
  delivery: ReplyDelivery;
  /** Ephemeral: the only user who sees it. Reactions: the emoji name. */
  target: string | null;
  /** Reactions: the message reacted to. */
  targetTs: string | null;
  sessionId: number | null;
  answerId: number | null;
  text: string;
  blocks: unknown[];
  status: ReplyStatus;
  /** New content arrived during a send: deliver it again, as an update, when that send ends. */
  dirty: boolean;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** When its current run of failures began (null after a delivery). */
  failingSince: string | null;
  sentTs: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A channel's daily prompt settings; one per channel. */
export interface ChannelSchedule {
  teamId: string;
  channelId: string;
  minuteOfDay: number;
  timezone: string;
  days: number[];
  /** Null: each person's own level. */
  level: Level | null;
  /** LP ids asked here; empty means all sixteen. */
  lps: string[];
  feedback: FeedbackMode;
  enabled: boolean;
  /** No slot at or before this instant is posted (set when the schedule is created or changed). */
  notBefore: string;
  /** The latest slot claimed. */
  lastSlotAt: string | null;
  /** The weekly digest: day of the week (0 = Sunday) and local minute of the day. */
  digestDay: number;
  digestMinute: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A prompt posted (or claimed for posting) in a channel. */
export interface Prompt {
  id: number;
  teamId: string;
  channelId: string;
  /** The local date for a scheduled prompt, "now:<iso>" for one asked with /star prompt. */
  slotKey: string;
  slotAt: string;
  lp: string;
  questionId: string;
  level: Level;
  feedback: FeedbackMode;
  replyId: number | null;
  messageTs: string | null;
  createdAt: string;
}

export interface PeerReview {
  teamId: string;
  channelId: string;
  messageTs: string;
  answerId: number;
  authorId: string;
  reviewerId: string;
  emoji: string;
  createdAt: string;
}

/** A main answer given in a channel's prompt thread, with its prompt's slot. */
export interface ChannelAnswer {
  id: number;
  userId: string;
  overall: number;
  verdict: string;
  text: string;
  flags: StoredFlag[];
  createdAt: string;
  /** The prompt's slot key: its local date for scheduled prompts. */
  slotKey: string;
}

export interface QuizAttempt {
  id: number;
  teamId: string;
  userId: string;
  scenarioId: string;
  quizIndex: number;
  choice: number;
  correct: boolean;
  createdAt: string;
}

export interface AwayRecord {
  id: number;
  teamId: string;
  userId: string;
  fromDate: string;
  toDate: string;
  createdAt: string;
}

/** Everything stored about one person (`/star export`). */
export interface UserData {
  settings: UserRecord | null;
  sessions: PracticeSession[];
  answers: (Answer & { messages: AnswerMessage[] })[];
  quizAttempts: QuizAttempt[];
  reviewsGiven: PeerReview[];
  reviewsReceived: PeerReview[];
  away: AwayRecord[];
  /** Mock interview pools, mocks, scorecards and pasted answers. */
  mocks: MockUserData;
  /** Saved stories with every version. */
  stories: Story[];
}
