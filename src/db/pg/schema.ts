import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CLIP_STATUSES } from '../../core/clips.js';
import {
  ANSWER_KINDS,
  DELIVERY_STATES,
  FEEDBACK_MODES,
  REPLY_DELIVERIES,
  REPLY_PURPOSES,
  REPLY_STATUSES,
  SESSION_MODES,
  type StoredFlag,
} from '../../core/domain.js';
import { LEVELS } from '../../core/lp.js';
import { MEMBER_STATUSES, MOCK_MODES, MOCK_STATUSES, type MockRatings, ROUND_KINDS } from '../../core/mocks.js';
import { VERDICTS } from '../../core/rubric/index.js';
import { SESSION_STATES } from '../../core/session.js';
import type { SpokenTiming } from '../../core/spoken.js';

// The PostgreSQL twin of ../sqlite/schema.ts: the same tables, columns, keys and indexes, so the
// rows the repositories return have the same shape on both backends. What differs is only how
// PostgreSQL spells it: identity columns, booleans and jsonb. Timestamps stay ISO-8601 text in UTC
// written by the application clock, so comparisons and ordering are the same as on SQLite.
// A change to one schema is made to the other (test/db/pg-schema.test.ts compares them).

export const users = pgTable(
  'users',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    level: text('level', { enum: LEVELS }).notNull().default('sde2'),
    timezone: text('timezone'),
    /** Slack's `tz_offset` (seconds east of UTC) when `timezone` was read, for a `tz` Intl does not know. */
    tzOffsetSeconds: integer('tz_offset_seconds'),
    /** When `timezone` was last read from Slack (users.info); read again once it is old. */
    timezoneCheckedAt: text('timezone_checked_at'),
    /** When the person chose a level themselves (null: the default applies, and the bot says so). */
    levelChosenAt: text('level_chosen_at'),
    /** When the person was sent the welcome, once, on first contact. */
    welcomedAt: text('welcomed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/**
 * Slack deliveries claimed: Events API event ids and the trigger ids of commands and interactions
 * (`event_id` holds either, prefixed). A claim is `working` while its work runs, `done` after; a
 * `working` claim older than its lease belonged to a process that died, and Slack's retry takes it.
 */
export const processedEvents = pgTable(
  'processed_events',
  {
    teamId: text('team_id').notNull(),
    eventId: text('event_id').notNull(),
    /** When it was claimed (or taken over). */
    receivedAt: text('received_at').notNull(),
    state: text('state', { enum: DELIVERY_STATES }).notNull().default('done'),
    /**
     * An event acknowledged before its work (the inbox): its body as Slack sent it, kept until the
     * work is done, so a sweep can do the work when the process that claimed it died.
     */
    payload: text('payload'),
    /** Times the inbox work was started; a sweep gives up on an event after a few. */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.eventId] }),
    index('processed_events_received').on(t.receivedAt),
    // The sweep looks for working claims only, a few among many done ones.
    index('processed_events_working').on(t.state, t.receivedAt),
  ],
);

/**
 * One person answering one question: a DM practice session (the question message is its thread
 * root), or one teammate's answer to a channel prompt (the prompt is the thread root).
 */
export const practiceSessions = pgTable(
  'practice_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    channelId: text('channel_id').notNull(),
    questionTs: text('question_ts'),
    mode: text('mode', { enum: SESSION_MODES }).notNull().default('dm'),
    promptId: integer('prompt_id').references((): AnyPgColumn => prompts.id),
    /** The question asked: a scenario id, or a question-bank id (ids are unique across both). */
    scenarioId: text('scenario_id').notNull(),
    lp: text('lp').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    state: text('state', { enum: SESSION_STATES }).notNull(),
    probeIndex: integer('probe_index').notNull().default(-1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('practice_sessions_user').on(t.teamId, t.userId),
    uniqueIndex('practice_sessions_thread_user').on(t.teamId, t.channelId, t.questionTs, t.userId),
  ],
);

/** A scored answer: the main answer of a session (possibly several messages) or one probe reply. */
export const answers = pgTable(
  'answers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => practiceSessions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ANSWER_KINDS }).notNull(),
    probeIndex: integer('probe_index').notNull().default(-1),
    lp: text('lp').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    text: text('text').notNull(),
    overall: integer('overall').notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    dimensions: jsonb('dimensions').$type<Record<string, number>>().notNull(),
    flags: jsonb('flags').$type<StoredFlag[]>().notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    /** The ts of its feedback message once sent, so an edit long after still updates that message. */
    feedbackTs: text('feedback_ts'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('answers_user').on(t.teamId, t.userId),
    uniqueIndex('answers_session_slot').on(t.sessionId, t.kind, t.probeIndex),
  ],
);

/** The Slack messages an answer is made of, so edits and deletes find their answer. */
export const answerMessages = pgTable(
  'answer_messages',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageTs: text('message_ts').notNull(),
    answerId: integer('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.channelId, t.messageTs] }),
    index('answer_messages_answer').on(t.answerId),
  ],
);

/**
 * Outbox of bot messages. A reply is stored with the answer it belongs to, then delivered; a
 * failed delivery stays here and is retried, so a Slack outage loses nothing. A row that was
 * already sent and changes again (an edited answer) is delivered as chat.update of sent_ts.
 */
export const replies = pgTable(
  'replies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    threadTs: text('thread_ts'),
    purpose: text('purpose', { enum: REPLY_PURPOSES }).notNull(),
    /** How it is delivered: a message, an ephemeral message to one user, or a reaction added or removed. */
    delivery: text('delivery', { enum: REPLY_DELIVERIES }).notNull().default('message'),
    /** For ephemeral delivery: the only user who sees it. For reactions: the emoji name. */
    target: text('target'),
    /** For reactions: the message reacted to. */
    targetTs: text('target_ts'),
    sessionId: integer('session_id').references(() => practiceSessions.id, { onDelete: 'cascade' }),
    answerId: integer('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    blocks: jsonb('blocks').$type<unknown[]>().notNull(),
    status: text('status', { enum: REPLY_STATUSES }).notNull(),
    /** New content arrived while the row was being sent: deliver it again (as an update) when that send ends. */
    dirty: boolean('dirty').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** When its failures began (cleared by a delivery): a reply failing for about a day is given up. */
    failingSince: text('failing_since'),
    sentTs: text('sent_ts'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('replies_due').on(t.status, t.nextAttemptAt),
    // Retention: sent and dead replies older than the retention are deleted by this range.
    index('replies_settled').on(t.status, t.updatedAt),
    uniqueIndex('replies_answer_feedback').on(t.answerId, t.purpose),
  ],
);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    scenarioId: text('scenario_id').notNull(),
    quizIndex: integer('quiz_index').notNull(),
    choice: integer('choice').notNull(),
    correct: boolean('correct').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('quiz_attempts_user').on(t.teamId, t.userId)],
);

/** A channel's daily prompt. The team and channel id are the key: one schedule per channel. */
export const schedules = pgTable(
  'schedules',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    minuteOfDay: integer('minute_of_day').notNull(),
    timezone: text('timezone').notNull(),
    days: jsonb('days').$type<number[]>().notNull(),
    level: text('level', { enum: LEVELS }),
    /** LP ids asked in this channel; empty means all sixteen. */
    lps: jsonb('lps').$type<string[]>().notNull(),
    feedback: text('feedback', { enum: FEEDBACK_MODES }).notNull().default('private'),
    enabled: boolean('enabled').notNull().default(true),
    /** No slot at or before this instant is posted: set when the schedule is created or changed. */
    notBefore: text('not_before').notNull(),
    /** The latest slot claimed, to skip the claim query for schedules already served. */
    lastSlotAt: text('last_slot_at'),
    /** The weekly digest: day of the week (0 = Sunday) and local minute of the day. */
    digestDay: integer('digest_day').notNull().default(5),
    digestMinute: integer('digest_minute')
      .notNull()
      .default(16 * 60),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * When the minute tick next looks at the prompt (UTC instant, core/schedule.ts nextRunAt;
     * far future when there is none). Null until worked out (open.ts fills it in at start).
     */
    nextRunAt: text('next_run_at'),
    /** The same for the weekly digest (core/schedule.ts nextDigestAt). */
    nextDigestAt: text('next_digest_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.channelId] }),
    index('schedules_enabled').on(t.enabled),
    index('schedules_next_run').on(t.nextRunAt),
    index('schedules_next_digest').on(t.nextDigestAt),
  ],
);

/**
 * Prompts posted to channels. The unique slot key is the claim that makes a scheduled post happen
 * once, however many instances share the database and however often they restart.
 */
export const prompts = pgTable(
  'prompts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** The local date for a scheduled prompt, "now:<iso>" for one asked with /star prompt. */
    slotKey: text('slot_key').notNull(),
    slotAt: text('slot_at').notNull(),
    lp: text('lp').notNull(),
    questionId: text('question_id').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    feedback: text('feedback', { enum: FEEDBACK_MODES }).notNull(),
    replyId: integer('reply_id').references(() => replies.id, { onDelete: 'set null' }),
    messageTs: text('message_ts'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('prompts_slot').on(t.teamId, t.channelId, t.slotKey),
    index('prompts_thread').on(t.teamId, t.channelId, t.messageTs),
  ],
);

/** A teammate's reaction on a channel answer, normalised to a legend emoji. Removing it deletes the row. */
export const peerReviews = pgTable(
  'peer_reviews',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageTs: text('message_ts').notNull(),
    answerId: integer('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.channelId, t.messageTs, t.reviewerId, t.emoji] }),
    index('peer_reviews_answer').on(t.answerId),
    index('peer_reviews_reviewer').on(t.teamId, t.reviewerId),
  ],
);

/** Days a person is away: their streaks neither grow nor break. */
export const awayRanges = pgTable(
  'away_ranges',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('away_ranges_user').on(t.teamId, t.userId)],
);

/** Weekly digests posted, claimed per channel and week like prompts are per day. */
export const digests = pgTable(
  'digests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    weekKey: text('week_key').notNull(),
    replyId: integer('reply_id').references(() => replies.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('digests_week').on(t.teamId, t.channelId, t.weekKey)],
);

/**
 * People who asked to be forgotten, as a one-way hash of team and user id, with the time: messages
 * of theirs older than that, still visible in Slack, are not imported again at start-up.
 */
export const forgottenUsers = pgTable('forgotten_users', {
  userHash: text('user_hash').primaryKey(),
  forgottenAt: text('forgotten_at').notNull(),
});

// Live mock interviews (issue 16): a pool per channel, rounds claimed once like prompts, the mocks,
// the interviewer's scorecard, the candidate's pasted answer, and every notice claimed once.

/** A channel's opt-in pool of people who want mock interviews, and its weekly pairing time. */
export const mockPools = pgTable(
  'mock_pools',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    weekly: boolean('weekly').notNull().default(false),
    /** Day of the week (0 = Sunday) and local minute of the day of the weekly pairing. */
    day: integer('day').notNull().default(1),
    minuteOfDay: integer('minute_of_day')
      .notNull()
      .default(10 * 60),
    timezone: text('timezone').notNull().default('UTC'),
    /** No round at or before this instant is paired: set when the weekly time changes. */
    notBefore: text('not_before').notNull(),
    lastRoundAt: text('last_round_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.channelId] }), index('mock_pools_weekly').on(t.weekly)],
);

export const mockMembers = pgTable(
  'mock_members',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: MEMBER_STATUSES }).notNull(),
    /** Weekly rounds in a row this person was paired and never answered. */
    ignoredRounds: integer('ignored_rounds').notNull().default(0),
    joinedAt: text('joined_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.channelId, t.userId] }),
    index('mock_members_user').on(t.teamId, t.userId),
  ],
);

/** A round of pairing. The unique round key is the claim: a weekly round is paired once, whatever runs it. */
export const mockRounds = pgTable(
  'mock_rounds',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    roundKey: text('round_key').notNull(),
    kind: text('kind', { enum: ROUND_KINDS }).notNull(),
    roundAt: text('round_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('mock_rounds_key').on(t.teamId, t.channelId, t.roundKey)],
);

export const mocks = pgTable(
  'mocks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    roundId: integer('round_id')
      .notNull()
      .references(() => mockRounds.id, { onDelete: 'cascade' }),
    channelId: text('channel_id').notNull(),
    candidateId: text('candidate_id').notNull(),
    interviewerId: text('interviewer_id').notNull(),
    observerId: text('observer_id'),
    mode: text('mode', { enum: MOCK_MODES }),
    status: text('status', { enum: MOCK_STATUSES }).notNull(),
    lp: text('lp').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    questionId: text('question_id').notNull(),
    suggestedTimes: jsonb('suggested_times').$type<string[]>().notNull(),
    /** The group DM, once opened. */
    conversationId: text('conversation_id'),
    introReplyId: integer('intro_reply_id').references(() => replies.id, { onDelete: 'set null' }),
    noShowUserId: text('no_show_user_id'),
    responded: jsonb('responded').$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('mocks_round').on(t.roundId),
    index('mocks_pool').on(t.teamId, t.channelId, t.createdAt),
    index('mocks_candidate').on(t.teamId, t.candidateId),
    index('mocks_interviewer').on(t.teamId, t.interviewerId),
    index('mocks_status').on(t.status, t.createdAt),
  ],
);

/** The interviewer's scorecard: one per mock. */
export const mockScorecards = pgTable(
  'mock_scorecards',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    mockId: integer('mock_id')
      .notNull()
      .references(() => mocks.id, { onDelete: 'cascade' }),
    interviewerId: text('interviewer_id').notNull(),
    candidateId: text('candidate_id').notNull(),
    ratings: jsonb('ratings').$type<MockRatings>().notNull(),
    flags: jsonb('flags').$type<string[]>().notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    wentWell: text('went_well').notNull(),
    toImprove: text('to_improve').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('mock_scorecards_mock').on(t.mockId)],
);

/** The candidate's own answer, pasted after the mock, with the rubric's view: one per mock. */
export const mockAnswers = pgTable('mock_answers', {
  mockId: integer('mock_id')
    .primaryKey()
    .references(() => mocks.id, { onDelete: 'cascade' }),
  teamId: text('team_id').notNull(),
  userId: text('user_id').notNull(),
  text: text('text').notNull(),
  overall: integer('overall').notNull(),
  verdict: text('verdict', { enum: VERDICTS }).notNull(),
  dimensions: jsonb('dimensions').$type<Record<string, number>>().notNull(),
  flags: jsonb('flags').$type<StoredFlag[]>().notNull(),
  rubricVersion: integer('rubric_version').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** People who skipped one weekly round (the heads-up's button). */
export const mockSkips = pgTable(
  'mock_skips',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    roundKey: text('round_key').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.channelId, t.roundKey, t.userId] })],
);

/**
 * Every mock message that must go out once (heads-up, introduction, kit, nudge, check-back, notes),
 * claimed under a unique key in the same transaction that queues it in the outbox.
 */
export const mockNotices = pgTable(
  'mock_notices',
  {
    teamId: text('team_id').notNull(),
    key: text('key').notNull(),
    /** The person it is about, when there is one (forget-me deletes it). */
    userId: text('user_id'),
    mockId: integer('mock_id').references(() => mocks.id, { onDelete: 'cascade' }),
    replyId: integer('reply_id').references(() => replies.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.key] }), index('mock_notices_user').on(t.teamId, t.userId)],
);

/**
 * Audio and video clips posted as answers whose transcript Slack had not finished: the minute tick
 * claims the due ones (`claimed_until` is the lease), asks files.info again, and either scores the
 * transcript, checks again later (`next_check_at`, backing off) or gives up with a message.
 */
export const voiceClips = pgTable(
  'voice_clips',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    messageTs: text('message_ts').notNull(),
    threadTs: text('thread_ts').notNull(),
    fileId: text('file_id').notNull(),
    inDm: boolean('in_dm').notNull(),
    status: text('status', { enum: CLIP_STATUSES }).notNull(),
    checks: integer('checks').notNull().default(0),
    nextCheckAt: text('next_check_at').notNull(),
    claimedUntil: text('claimed_until'),
    /** The clip's measured delivery once scored, so feedback shown again (an edit, the follow-ups) keeps it. */
    timing: jsonb('timing').$type<SpokenTiming>(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('voice_clips_message').on(t.teamId, t.channelId, t.messageTs),
    index('voice_clips_due').on(t.status, t.nextCheckAt),
    index('voice_clips_user').on(t.teamId, t.userId),
  ],
);

/** A person's saved stories (private to them): a title and the LPs it can serve; its versions below. */
export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    title: text('title').notNull(),
    lps: jsonb('lps').$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('stories_user').on(t.teamId, t.userId)],
);

/** Each scored telling of a story (a copy of the answer, so the story outlives it). */
export const storyVersions = pgTable(
  'story_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: text('team_id').notNull(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    /** The answer it was saved from: saving one answer twice adds nothing. Not a foreign key, so the copy outlives it. */
    answerId: integer('answer_id'),
    /** Or the mock interview whose pasted answer it was saved from (one answer per mock), likewise. */
    mockId: integer('mock_id'),
    lp: text('lp').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    text: text('text').notNull(),
    overall: integer('overall').notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('story_versions_story').on(t.storyId),
    uniqueIndex('story_versions_answer').on(t.teamId, t.answerId),
    uniqueIndex('story_versions_mock').on(t.teamId, t.mockId),
  ],
);

/** Practice sessions that reframe a saved story: their answers become versions of it. */
export const storySessions = pgTable(
  'story_sessions',
  {
    teamId: text('team_id').notNull(),
    sessionId: integer('session_id').notNull(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.sessionId] })],
);

/**
 * Workspaces that installed the app through OAuth (issue 15): Bolt's installation record, tokens
 * included, as one AES-256-GCM ciphertext (services/installations.ts), so a copy of the database
 * alone gives no access to any workspace.
 */
export const installations = pgTable('installations', {
  teamId: text('team_id').primaryKey(),
  enterpriseId: text('enterprise_id'),
  sealed: text('sealed').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Workspaces that uninstalled the app or revoked its bot token, since when (the first time counts):
 * their rows are deleted once STAR_UNINSTALL_GRACE_DAYS have passed, unless they install it again
 * first (which deletes this row).
 */
export const uninstalledWorkspaces = pgTable('uninstalled_workspaces', {
  teamId: text('team_id').primaryKey(),
  uninstalledAt: text('uninstalled_at').notNull(),
});

export const schema = {
  users,
  processedEvents,
  practiceSessions,
  answers,
  answerMessages,
  replies,
  quizAttempts,
  schedules,
  prompts,
  peerReviews,
  awayRanges,
  digests,
  forgottenUsers,
  mockPools,
  mockMembers,
  mockRounds,
  mocks,
  mockScorecards,
  mockAnswers,
  mockSkips,
  mockNotices,
  voiceClips,
  stories,
  storyVersions,
  storySessions,
  installations,
  uninstalledWorkspaces,
};
