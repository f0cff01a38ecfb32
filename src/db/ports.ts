// The repositories the services use, as async ports. Each method is one use case and runs in one
// transaction inside the implementation (SQLite in ./sqlite today; a PostgreSQL sibling can follow),
// so locking and prepared statements are decided in one place per backend. Types come from core/.

import type { ClipStatus } from '../core/clips.js';
import type {
  Answer,
  AnswerMessage,
  ChannelAnswer,
  ChannelSchedule,
  FeedbackMode,
  MessageContent,
  PeerReview,
  PracticeSession,
  Prompt,
  Reply,
  ReplyDelivery,
  ReplyPurpose,
  UserData,
  UserSettings,
} from '../core/domain.js';
import type { Level, LpId } from '../core/lp.js';
import type { Scorecard } from '../core/mock-scorecard.js';
import type {
  Mock,
  MockAnswer,
  MockMember,
  MockMode,
  MockPool,
  MockRound,
  MockScorecard,
  MockWithScorecard,
  RoundKind,
} from '../core/mocks.js';
import type { RubricResult, Verdict } from '../core/rubric/index.js';
import type { AnswerSlot, SessionProgress } from '../core/session.js';
import type { SpokenTiming } from '../core/spoken.js';
import type { Story } from '../core/stories.js';

export interface Repositories {
  users: UsersRepository;
  events: EventsRepository;
  sessions: SessionsRepository;
  answers: AnswersRepository;
  replies: RepliesRepository;
  quiz: QuizRepository;
  schedules: SchedulesRepository;
  prompts: PromptsRepository;
  community: CommunityRepository;
  privacy: PrivacyRepository;
  mocks: MocksRepository;
  clips: ClipsRepository;
  stories: StoriesRepository;
  installations: InstallationsRepository;
  workspaces: WorkspacesRepository;
}

/** Workspaces that left: their data is deleted after a grace period (STAR_UNINSTALL_GRACE_DAYS). */
export interface WorkspacesRepository {
  /** Workspaces uninstalled at or before `cutoff` (and not installed again since), oldest first. */
  uninstalledBy(cutoff: Date): Promise<string[]>;
  /**
   * One transaction: deletes every row of the workspace from every table, if it is still marked
   * uninstalled at or before `cutoff` (a reinstall meanwhile keeps everything); how many rows went.
   * Deleting again finds nothing: 0.
   */
  deleteUninstalled(teamId: string, cutoff: Date): Promise<number>;
}

/**
 * Workspaces installed through OAuth. The record is stored sealed (encrypted by the service, which
 * alone holds the key); the repository never sees a token in the clear.
 */
export interface InstallationsRepository {
  /** Stores the installation; a workspace installing again within its grace period is no longer due for deletion. */
  save(teamId: string, enterpriseId: string | null, sealed: string, now: Date): Promise<void>;
  find(teamId: string): Promise<string | undefined>;
  /**
   * One transaction: deletes the tokens and marks the workspace uninstalled at `now` (an earlier
   * mark stays: its grace period started then). False when there were no tokens.
   */
  remove(teamId: string, now: Date): Promise<boolean>;
  /**
   * Runs `work` while holding this workspace's installation lock (other instances wait), so only
   * one of them refreshes a rotating token at a time; `work` sees the record as stored then.
   */
  withLock<T>(
    teamId: string,
    work: (sealed: string | undefined) => Promise<{ sealed?: string; result: T }>,
    now: Date,
  ): Promise<T>;
}

export interface UsersRepository {
  /** The person's settings, or the defaults for someone not seen before. */
  get(teamId: string, userId: string): Promise<UserSettings>;
  setTimezone(teamId: string, userId: string, timezone: string, now: Date): Promise<void>;
  setLevel(teamId: string, userId: string, level: Level, now: Date): Promise<void>;
  /** Claims the person's welcome: true the first time only, so it is sent once. */
  claimWelcome(teamId: string, userId: string, now: Date): Promise<boolean>;
  /**
   * Claims the person's welcome and stores its DM in the outbox, in one transaction (a crash or a
   * failure between the two cannot leave someone marked welcomed with no welcome to send): the
   * reply's id, or undefined when they were welcomed before. `content` is built only for a welcome.
   */
  welcome(teamId: string, userId: string, content: () => MessageContent, now: Date): Promise<number | undefined>;
  /** The Slack timezones read so far for these people (someone never read is missing). */
  timezones(teamId: string, userIds: readonly string[]): Promise<Map<string, CachedTimezone>>;
  /** Keeps what users.info said about a person's timezone, and when. */
  cacheTimezone(
    teamId: string,
    userId: string,
    timezone: string | null,
    offsetSeconds: number | null,
    now: Date,
  ): Promise<void>;
}

/** A person's timezone as last read from Slack. */
export interface CachedTimezone {
  timezone: string | null;
  offsetSeconds: number | null;
  /** Null when it was set some other way (`/star schedule`) and never read for mocks. */
  checkedAt: string | null;
}

/**
 * What claiming a delivery found: it is ours to do (`claimed`), it was done before (`done`: a
 * repeated delivery), or another worker holds a live claim on it (`busy`).
 */
export type DeliveryClaim = 'claimed' | 'done' | 'busy';

/** An event in the inbox: acknowledged to Slack, its work not yet done. */
export interface InboxItem {
  teamId: string;
  key: string;
  /** The event's body as Slack sent it (JSON). */
  payload: string;
  /** Times its work was started, this one included. */
  attempts: number;
}

/**
 * Slack deliveries (Events API event ids; trigger ids of commands and interactions), claimed so
 * each is worked once: claimed before the work, completed after it commits, released when it fails
 * so Slack's retry can do it. A claim older than `leaseMs` that was never completed belonged to a
 * process that died, and the next delivery takes it over.
 */
export interface EventsRepository {
  /**
   * With `payload` (an event acknowledged before its work, see the inbox), the event's body is kept
   * with the claim until `complete`, so `takeOverdue` can hand it to another worker.
   */
  claim(teamId: string, key: string, now: Date, leaseMs: number, payload?: string): Promise<DeliveryClaim>;
  /**
   * Inbox claims (ones with a payload) still `working` after their lease: their process died or
   * their work failed. At most `limit`, oldest first; each is claimed again (a fresh lease, one more
   * attempt) in the same transaction, so two sweepers never take the same one.
   */
  takeOverdue(now: Date, leaseMs: number, limit: number): Promise<InboxItem[]>;
  /** Marks the claim done (and drops an inbox payload, which is no longer needed). */
  complete(teamId: string, key: string, now: Date): Promise<void>;
  release(teamId: string, key: string): Promise<void>;
  /** Forgets at most `limit` claims made before `before`, oldest first; returns how many. */
  prune(before: Date, limit: number): Promise<number>;
}

export interface NewSession {
  teamId: string;
  userId: string;
  channelId: string;
  scenarioId: string;
  lp: string;
  level: Level;
}

export interface SessionsRepository {
  get(teamId: string, id: number): Promise<PracticeSession | undefined>;
  /** The session whose question is the root of this thread, for this person. */
  findByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
    userId: string,
  ): Promise<PracticeSession | undefined>;
  countForUser(teamId: string, userId: string): Promise<number>;
  /** The person's newest DM session in this DM that is not done and has its question posted. */
  latestOpenInDm(teamId: string, channelId: string, userId: string): Promise<PracticeSession | undefined>;
  /** How often the person practised each scenario (for picking the least practised next). */
  scenarioCounts(teamId: string, userId: string): Promise<Map<string, number>>;
  /** A DM session and its question message, queued for delivery. `question` renders it once the id exists. */
  startDm(
    values: NewSession,
    question: (sessionId: number) => MessageContent,
    now: Date,
  ): Promise<{ session: PracticeSession; replyId: number }>;
}

/** An answer as a plan sees it, inside the transaction that changes it. */
export interface AnswerDraft {
  session: PracticeSession;
  /** The prompt of a channel session (its feedback mode applies). */
  prompt: Prompt | undefined;
  /** The answer as stored before this change (new answers are unscored). */
  answer: Answer;
  /** The texts of its messages that still exist, after this change, in the order posted. */
  texts: string[];
  /** The message this change is about (none when the session moves on by itself). */
  messageTs: string | undefined;
  /** For a follow-up's answer: the session's main answer as last scored (its follow-ups were chosen from it). */
  mainText?: string;
  /** For a main answer: the person's last earlier answer to the same question, for the scores side by side. */
  previous?: { overall: number; verdict: Verdict };
}

/** What a plan decides: the new score (none when nothing is left), the session's next state, replies. */
export interface AnswerUpdate {
  score: { text: string; result: RubricResult } | undefined;
  progress?: SessionProgress;
  replies: ReplyDraft[];
}

/** A reply to queue; the repository fills in team, channel, thread, session and answer. */
export type ReplyDraft =
  /**
   * The answer's one feedback message: created, or given new content (an update once sent). With
   * `dm`, it goes to that person's DM with the bot instead of the session's thread.
   */
  | { kind: 'feedback'; content: MessageContent; dm?: string }
  /** A new message in the session's thread. */
  | { kind: 'message'; content: MessageContent }
  /** A message in the thread that only `userId` sees. */
  | { kind: 'ephemeral'; content: MessageContent; userId: string }
  | { kind: 'reaction'; emoji: string; messageTs: string; remove: boolean };

/** Decides an answer's update; undefined leaves everything as it was (the transaction is rolled back). */
export type AnswerPlan = (draft: AnswerDraft) => AnswerUpdate | undefined;

export interface NewAnswerMessage {
  teamId: string;
  channelId: string;
  userId: string;
  messageTs: string;
  threadTs: string;
  text: string;
  /** For a channel answer: the session to create when this person has none in the thread yet. */
  newSession?: NewSession & { promptId: number };
}

export interface AnswersRepository {
  get(teamId: string, id: number): Promise<Answer | undefined>;
  findMessage(teamId: string, channelId: string, messageTs: string): Promise<AnswerMessage | undefined>;
  /** A person's answers that count (not deleted), newest first. */
  listForUser(teamId: string, userId: string): Promise<Answer[]>;
  /** An answer's messages that still exist, in the order posted. */
  liveMessages(answerId: number): Promise<AnswerMessage[]>;
  /**
   * One transaction: the message joins the answer its session expects next (created on the
   * first message), then `plan` scores it and says what follows. Undefined when the message was
   * stored before, the session is unknown or done, or the plan declined.
   */
  addMessage(message: NewAnswerMessage, plan: AnswerPlan, now: Date): Promise<number[] | undefined>;
  /**
   * One transaction: a stored message is edited or deleted, then `plan` re-scores its answer.
   * Undefined when the message is unknown or deleted, or the text did not change.
   */
  reviseMessage(
    key: { teamId: string; channelId: string; messageTs: string },
    change: { text: string } | { deleted: true },
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined>;
  /** One transaction: `plan` revisits one answer of a session (the session moving on). */
  refresh(
    teamId: string,
    sessionId: number,
    slot: AnswerSlot,
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined>;
}

export interface NewReply {
  teamId: string;
  channelId: string;
  threadTs: string | null;
  purpose: ReplyPurpose;
  sessionId?: number;
  delivery?: ReplyDelivery;
  target?: string;
}

/**
 * A person's welcome, as the outbox stores it: a DM keyed by the person (their DM is opened when
 * it is sent), so it keeps its own pace and waits behind feedback (services/outbox.ts).
 */
export function welcomeReply(teamId: string, userId: string): NewReply {
  return { teamId, channelId: userId, threadTs: null, purpose: 'notice', delivery: 'dm', target: userId };
}

/** How long a Web API call may take before the app gives up on it (STAR_SLACK_TIMEOUT_SECONDS). */
export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

/**
 * A send claim older than this belongs to a process that died mid-send: a Web API call gives up
 * after the Slack timeout, and a sender posts only within the first half of its claim, so a live
 * one never holds a claim this long. Three timeouts leave room for the metadata look-up before it.
 */
export function sendingLeaseMs(slackTimeoutMs: number): number {
  return 3 * slackTimeoutMs;
}

export const DEFAULT_SENDING_LEASE_MS = sendingLeaseMs(DEFAULT_SLACK_TIMEOUT_MS);

/** How the repositories are tuned to the app around them. */
export interface RepositoryOptions {
  sendingLeaseMs?: number;
}

/** A reply taken for sending; `interrupted` when its last sender died mid-send (Slack may have it already). */
export interface ClaimedReply {
  reply: Reply;
  interrupted: boolean;
}

/** A reply due for sending, with the channel whose pace it keeps. */
export interface DueReply {
  id: number;
  teamId: string;
  channelId: string;
  delivery: Reply['delivery'];
  purpose: Reply['purpose'];
  /** ISO time it was stored. */
  createdAt: string;
}

export interface RepliesRepository {
  /** A claim to send older than this is taken to belong to a process that died mid-send. */
  readonly sendingLeaseMs: number;
  enqueue(values: NewReply, content: MessageContent, now: Date): Promise<Reply>;
  get(id: number): Promise<Reply | undefined>;
  /**
   * Takes a reply for sending (pending, failed whose time has come, or sending under a claim older
   * than the sending lease); undefined when another worker has it or it is done.
   */
  claim(id: number, now: Date): Promise<ClaimedReply | undefined>;
  /** Replies whose next attempt is due (and claims past their lease), oldest first. */
  due(now: Date, limit: number): Promise<DueReply[]>;
  /** When the next stored reply comes due (undefined: none waiting). */
  nextDueAt(): Promise<Date | undefined>;
  /** Holds every waiting reply of one channel until `until` (Slack rate-limited that channel); returns how many. */
  deferChannel(teamId: string, channelId: string, until: Date, now: Date): Promise<number>;
  /**
   * Records a delivery (and, on a question's or prompt's first send, its ts as the thread answers
   * arrive in). True when new content arrived meanwhile and the reply is pending again.
   */
  markSent(id: number, sentTs: string, now: Date): Promise<boolean>;
  /**
   * A failed attempt, tried again at `nextAttemptAt`. `uncertain`: Slack may have the message (the
   * call timed out); the reply stays claimed until then, so its next sender is told the send was
   * interrupted and looks for it before posting, as after a crash.
   */
  markFailed(id: number, error: string, nextAttemptAt: Date, now: Date, uncertain?: boolean): Promise<void>;
  /** Gives up on a reply for good. */
  markDead(id: number, error: string, now: Date): Promise<void>;
  forSession(sessionId: number): Promise<Reply[]>;
  /** Deletes at most `limit` sent or dead replies last changed before `before`, oldest first; returns how many. */
  prune(before: Date, limit: number): Promise<number>;
}

export interface QuizRepository {
  record(
    values: { teamId: string; userId: string; scenarioId: string; quizIndex: number; choice: number; correct: boolean },
    now: Date,
  ): Promise<void>;
  totals(teamId: string, userId: string): Promise<{ attempts: number; correct: number }>;
}

export interface ScheduleChange {
  level?: Level | null;
  lps?: string[];
  feedback?: FeedbackMode;
  enabled?: boolean;
  digestDay?: number;
  digestMinute?: number;
}

export interface SchedulesRepository {
  get(teamId: string, channelId: string): Promise<ChannelSchedule | undefined>;
  /** Creates or replaces a channel's time, zone and days (and turns it on); a change never re-posts a past slot. */
  upsertTime(
    values: {
      teamId: string;
      channelId: string;
      minuteOfDay: number;
      timezone: string;
      days: number[];
      createdBy: string;
    },
    now: Date,
  ): Promise<ChannelSchedule>;
  /** False when the channel has no schedule. */
  update(teamId: string, channelId: string, change: ScheduleChange, now: Date): Promise<boolean>;
  /** Every enabled schedule, of every workspace. */
  enabled(): Promise<ChannelSchedule[]>;
  /**
   * The minute tick's input: enabled schedules whose stored next prompt instant (core/schedule.ts
   * nextRunAt, kept by every write of a schedule) has come by `now`, through an index, so a tick
   * costs what is due rather than every schedule. Rows without one yet are included.
   */
  promptsDue(now: Date): Promise<ChannelSchedule[]>;
  /** The same for weekly digests (core/schedule.ts nextDigestAt). */
  digestsDue(now: Date): Promise<ChannelSchedule[]>;
  /**
   * The tick looked at a due prompt at `now`: its next instant becomes the first slot after the
   * last one claimed, the schedule's start and `now - graceMs` (a slot still in the window stays due).
   */
  promptHandled(teamId: string, channelId: string, now: Date, graceMs: number): Promise<void>;
  /** The tick looked at a due digest at `now` (claimed, claimed elsewhere, or too late): next week's. */
  digestHandled(teamId: string, channelId: string, now: Date): Promise<void>;
}

export interface PromptClaim {
  teamId: string;
  channelId: string;
  slotKey: string;
  slotAt: string;
  lp: string;
  questionId: string;
  level: Level;
  feedback: FeedbackMode;
}

export interface PromptsRepository {
  /**
   * One transaction: claims a slot (unique per channel) and queues its message. Undefined when the
   * slot was claimed already, here or by another instance. A scheduled slot is remembered as the
   * schedule's latest.
   */
  claim(claim: PromptClaim, content: MessageContent, scheduled: boolean, now: Date): Promise<number | undefined>;
  findByThread(teamId: string, channelId: string, threadTs: string): Promise<Prompt | undefined>;
  /** What a channel has been asked, oldest first, for the rotation. */
  history(teamId: string, channelId: string): Promise<{ lp: string; questionId: string }[]>;
  /** Prompts posted since an instant, newest first: the threads to read again at start-up. */
  postedSince(since: Date): Promise<Prompt[]>;
}

export interface CommunityRepository {
  /** False when the same review was there already. */
  addReview(review: PeerReview): Promise<boolean>;
  removeReview(
    teamId: string,
    channelId: string,
    messageTs: string,
    reviewerId: string,
    emoji: string,
  ): Promise<boolean>;
  reviewsFor(answerIds: readonly number[]): Promise<PeerReview[]>;
  reviewsInChannel(teamId: string, channelId: string, since?: string): Promise<PeerReview[]>;
  /** Main answers (not probes, not deleted) in a channel's prompt threads, oldest first. */
  channelAnswers(teamId: string, channelId: string, since?: string): Promise<ChannelAnswer[]>;
  /** The local dates of a channel's scheduled prompts (/star prompt ones left out). */
  scheduledPromptDates(teamId: string, channelId: string): Promise<string[]>;
  /** Channels where a person has answered a prompt. */
  channelsOf(teamId: string, userId: string): Promise<string[]>;
  addAway(teamId: string, userId: string, fromDate: string, toDate: string, now: Date): Promise<void>;
  awayOf(teamId: string, userId: string): Promise<{ from: string; to: string }[]>;
  digestClaimed(teamId: string, channelId: string, weekKey: string): Promise<boolean>;
  /** One transaction: claims a channel's digest for a week and queues its message; undefined when claimed before. */
  claimDigest(
    teamId: string,
    channelId: string,
    weekKey: string,
    content: MessageContent,
    now: Date,
  ): Promise<number | undefined>;
}

export interface PrivacyRepository {
  exportUser(teamId: string, userId: string): Promise<UserData>;
  /** Whether the person asked to be forgotten after the message with this Slack ts was posted. */
  forgottenSince(teamId: string, userId: string, messageTs: string): Promise<boolean>;
  /** One transaction: deletes every row about a person; returns how many. */
  forgetUser(teamId: string, userId: string, now: Date): Promise<number>;
}

/** One mock of a round, as pairing decided it. */
export interface NewMock {
  candidateId: string;
  interviewerId: string;
  observerId: string | null;
  lp: string;
  level: Level;
  questionId: string;
  suggestedTimes: string[];
  mode: MockMode | null;
}

export interface RoundClaim {
  teamId: string;
  channelId: string;
  roundKey: string;
  kind: RoundKind;
  roundAt: string;
  mocks: NewMock[];
  /** Weekly rounds: the members' ignored-round counts after the last round (pausing whoever reached the limit). */
  ignored?: { userId: string; ignoredRounds: number; pause: boolean }[];
}

/** A mock message that must go out once, under its key. */
export interface MockNotice {
  teamId: string;
  key: string;
  channelId: string;
  threadTs?: string | null;
  /** The person it is about, if any (forget-me deletes it). */
  userId?: string;
  mockId?: number;
  /** Ephemeral delivery to this user only. */
  ephemeralTo?: string;
}

/** What a plan decides about a mock inside the transaction that changes it. */
export interface MockUpdate {
  change?: Partial<Pick<Mock, 'mode' | 'status' | 'noShowUserId' | 'suggestedTimes'>>;
  /** A participant who answered (any button, the scorecard): they did not ignore the round. */
  respondedBy?: string;
  /** The introduction's new content (updated in place once sent). */
  intro?: (mock: Mock) => MessageContent;
}

/** Decides a mock's update; undefined leaves it as it was. */
export type MockPlan = (mock: Mock) => MockUpdate | undefined;

export interface MocksRepository {
  pool(teamId: string, channelId: string): Promise<MockPool | undefined>;
  /** Adds a person to a channel's pool (creating the pool): `resumed` after leaving or a pause. */
  join(teamId: string, channelId: string, userId: string, now: Date): Promise<'joined' | 'resumed' | 'already'>;
  /** False when they were not an active member. */
  leave(teamId: string, channelId: string, userId: string, now: Date): Promise<boolean>;
  members(teamId: string, channelId: string): Promise<MockMember[]>;
  /** Sets (or with null stops) the weekly pairing, creating the pool; a change never pairs a round already past. */
  setWeekly(
    teamId: string,
    channelId: string,
    weekly: { day: number; minuteOfDay: number; timezone: string } | null,
    userId: string,
    now: Date,
  ): Promise<MockPool>;
  /** Every pool with weekly pairing on, of every workspace (the minute tick's input). */
  weeklyPools(): Promise<MockPool[]>;
  /** False when they had skipped that round already. */
  skip(teamId: string, channelId: string, roundKey: string, userId: string, now: Date): Promise<boolean>;
  skipped(teamId: string, channelId: string, roundKey: string): Promise<string[]>;
  /** A pool's mocks created since an instant (every status), oldest first. */
  history(teamId: string, channelId: string, since: string): Promise<Mock[]>;
  /** The mocks of the pool's latest weekly round (empty before the first). */
  lastWeeklyRound(teamId: string, channelId: string): Promise<Mock[]>;
  /**
   * One transaction: claims a round under its unique key and stores its mocks; a weekly round is
   * also noted on the pool and applies the ignored-round counts. Undefined when claimed before.
   */
  claimRound(claim: RoundClaim, now: Date): Promise<{ round: MockRound; mocks: Mock[] } | undefined>;
  get(teamId: string, mockId: number): Promise<Mock | undefined>;
  /** Planned mocks created since an instant whose group DM was never opened (Slack failed, or a crash after the claim), every workspace. */
  unintroduced(since: string): Promise<Mock[]>;
  /** One transaction: records the group DM and queues the introduction. Undefined when introduced before. */
  introduce(
    teamId: string,
    mockId: number,
    conversationId: string,
    content: (mock: Mock) => MessageContent,
    now: Date,
  ): Promise<number | undefined>;
  /**
   * One transaction: `plan` sees the mock and decides; the change is stored and the introduction
   * revised. Undefined when the mock is unknown or the plan declined.
   */
  update(
    teamId: string,
    mockId: number,
    plan: MockPlan,
    now: Date,
  ): Promise<{ mock: Mock; replyId: number | undefined } | undefined>;
  /** Planned mocks created since an instant that have a group DM, every workspace (nudges and check-backs). */
  openSince(since: string): Promise<Mock[]>;
  noticeSent(teamId: string, key: string): Promise<boolean>;
  /** One transaction: claims a notice's key and queues its message. Undefined when claimed before. */
  claimNotice(notice: MockNotice, content: MessageContent, now: Date): Promise<number | undefined>;
  /**
   * One transaction: stores the interviewer's scorecard (one per mock), marks the mock met, and
   * queues the candidate's DM, rendered with the candidate's own answer when there is one.
   * `exists` when the mock has a scorecard already.
   */
  submitScorecard(
    teamId: string,
    mockId: number,
    card: Scorecard,
    dm: {
      channelId: string;
      render: (mock: Mock, card: MockScorecard, answer: MockAnswer | undefined) => MessageContent;
    },
    now: Date,
  ): Promise<{ scorecard: MockScorecard; replyId: number } | 'exists' | undefined>;
  scorecard(teamId: string, mockId: number): Promise<MockScorecard | undefined>;
  /**
   * One transaction: stores (or replaces) the candidate's own answer and queues their DM with the
   * rubric's view, set beside the scorecard when there is one.
   */
  saveAnswer(
    answer: Omit<MockAnswer, 'createdAt' | 'updatedAt'>,
    dm: { channelId: string; render: (card: MockScorecard | undefined) => MessageContent },
    now: Date,
  ): Promise<number | undefined>;
  answer(teamId: string, mockId: number): Promise<MockAnswer | undefined>;
  /** The mocks a person took part in, newest first, with their scorecards. */
  mocksOf(teamId: string, userId: string, limit: number): Promise<MockWithScorecard[]>;
  /** Question ids a person was asked as the candidate. */
  questionsAskedOf(teamId: string, userId: string): Promise<string[]>;
  /** A pool's mocks that took place since an instant (all time without one), with their scorecards. */
  heldInChannel(teamId: string, channelId: string, since?: string): Promise<MockWithScorecard[]>;
}

/** An audio or video clip answer waiting for Slack to finish its transcript. */
export interface PendingClip {
  id: number;
  teamId: string;
  channelId: string;
  userId: string;
  messageTs: string;
  threadTs: string;
  fileId: string;
  inDm: boolean;
  status: ClipStatus;
  /** How many times files.info was asked since it arrived. */
  checks: number;
  createdAt: string;
}

export interface ClipsRepository {
  /** Stores a clip to check again at `nextCheckAt`; false when this message is stored already. */
  addPending(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    nextCheckAt: Date,
    now: Date,
  ): Promise<boolean>;
  /**
   * Claims up to `limit` pending clips due at `now` (unclaimed, or their lease ended) for `leaseMs`,
   * counting a check on each: another instance, or a tick that overlaps, gets other rows.
   */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<PendingClip[]>;
  /** Releases a claimed clip to be checked again at `nextCheckAt`. */
  reschedule(teamId: string, id: number, nextCheckAt: Date, now: Date): Promise<void>;
  /** Settles a clip: scored, or given up on. */
  finish(teamId: string, id: number, status: Exclude<ClipStatus, 'pending'>, now: Date): Promise<void>;
  /** Keeps a scored clip's measured delivery (the clip settled as done, stored if it was not pending). */
  recordTiming(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    timing: SpokenTiming,
    now: Date,
  ): Promise<void>;
  /**
   * The measured delivery of the clip in an answer (the latest, among its messages not deleted):
   * the answer of a message, or the main answer of a session.
   */
  timingFor(
    teamId: string,
    of: { channelId: string; messageTs: string } | { sessionId: number },
  ): Promise<SpokenTiming | undefined>;
}

/** A scored answer as the story bank sees it, with the story its session reframes (if any). */
export interface StorySource {
  answerId: number;
  userId: string;
  kind: 'answer' | 'probe';
  deleted: boolean;
  lp: LpId;
  level: Level;
  text: string;
  overall: number;
  verdict: Verdict;
  /** The saved story this answer's practice session reframed. */
  storyId?: number;
}

/** One telling of a story to keep. */
export interface NewStoryVersion {
  answerId: number | null;
  /** Saved from a mock interview's pasted answer instead (its mock's id; answerId is then null). */
  mockId?: number;
  lp: LpId;
  level: Level;
  text: string;
  overall: number;
  verdict: Verdict;
}

/** Stories are private: every method takes the owner and touches only their rows. */
export interface StoriesRepository {
  source(teamId: string, answerId: number): Promise<StorySource | undefined>;
  /**
   * Saves an answer as a new story, or, when that answer is a version of a story already, returns
   * that story with `created: false` (so a second press saves nothing twice).
   */
  create(
    story: { teamId: string; userId: string; title: string; lps: LpId[] },
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean }>;
  /** Adds a version to the owner's story (and its LP to the story's LPs); undefined when not theirs. */
  addVersion(
    teamId: string,
    userId: string,
    storyId: number,
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean } | undefined>;
  list(teamId: string, userId: string): Promise<Story[]>;
  get(teamId: string, userId: string, storyId: number): Promise<Story | undefined>;
  rename(teamId: string, userId: string, storyId: number, title: string, now: Date): Promise<boolean>;
  setLps(teamId: string, userId: string, storyId: number, lps: LpId[], now: Date): Promise<boolean>;
  delete(teamId: string, userId: string, storyId: number): Promise<boolean>;
  /** Marks a practice session as a reframe of the owner's story. */
  linkSession(teamId: string, userId: string, sessionId: number, storyId: number): Promise<boolean>;
}

/** A stored answer scored by an older rubric, with what re-scoring it needs. */
export interface StaleAnswer {
  id: number;
  teamId: string;
  kind: Answer['kind'];
  probeIndex: number;
  lp: string;
  level: Level;
  text: string;
  /** The session's question id (scenario or question-bank id), so the answer is scored against it. */
  questionId: string;
  rubricVersion: number;
}

/** Re-scoring stored answers after a rubric upgrade (`star rescore`). */
export interface RescoreRepository {
  /** Up to `limit` answers with rubric_version below `version` and id above `afterId`, by id. */
  staleAnswers(version: number, afterId: number, limit: number): Promise<StaleAnswer[]>;
  /**
   * One transaction: stores each new score; a row already at `result.rubricVersion` or newer is left
   * alone (so two runs at once do not fight). How many rows changed.
   */
  saveScores(rows: { id: number; result: RubricResult }[], now: Date): Promise<number>;
}
