import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Every row is keyed by the Slack team id, so one database can later serve many workspaces.
// Timestamps are ISO-8601 strings in UTC, written by the application clock (never SQLite's).

export const users = sqliteTable(
  'users',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    level: text('level', { enum: ['sde1', 'sde2', 'senior'] })
      .notNull()
      .default('sde2'),
    timezone: text('timezone'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Events API deliveries already handled: a retried delivery with the same id is dropped. */
export const processedEvents = sqliteTable(
  'processed_events',
  {
    teamId: text('team_id').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.eventId] })],
);

/** A practice session in a DM: the question message is its thread root. */
export const practiceSessions = sqliteTable(
  'practice_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    channelId: text('channel_id').notNull(),
    questionTs: text('question_ts'),
    scenarioId: text('scenario_id').notNull(),
    lp: text('lp').notNull(),
    level: text('level', { enum: ['sde1', 'sde2', 'senior'] }).notNull(),
    state: text('state', { enum: ['asked', 'answered', 'probing', 'done'] }).notNull(),
    probeIndex: integer('probe_index').notNull().default(-1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('practice_sessions_user').on(t.teamId, t.userId),
    uniqueIndex('practice_sessions_thread').on(t.teamId, t.channelId, t.questionTs),
  ],
);

/** A scored answer: the main answer of a session (possibly several messages) or one probe reply. */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    sessionId: integer('session_id').notNull(),
    kind: text('kind', { enum: ['answer', 'probe'] }).notNull(),
    probeIndex: integer('probe_index').notNull().default(-1),
    lp: text('lp').notNull(),
    level: text('level', { enum: ['sde1', 'sde2', 'senior'] }).notNull(),
    text: text('text').notNull(),
    overall: integer('overall').notNull(),
    verdict: text('verdict').notNull(),
    dimensions: text('dimensions', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    flags: text('flags', { mode: 'json' }).$type<{ id: string; quote: string }[]>().notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('answers_user').on(t.teamId, t.userId),
    uniqueIndex('answers_session_slot').on(t.sessionId, t.kind, t.probeIndex),
  ],
);

/** The Slack messages an answer is made of, so edits and deletes find their answer. */
export const answerMessages = sqliteTable(
  'answer_messages',
  {
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageTs: text('message_ts').notNull(),
    answerId: integer('answer_id').notNull(),
    text: text('text').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
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
export const replies = sqliteTable(
  'replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    threadTs: text('thread_ts'),
    purpose: text('purpose', { enum: ['question', 'feedback', 'notice'] }).notNull(),
    sessionId: integer('session_id'),
    answerId: integer('answer_id'),
    text: text('text').notNull(),
    blocks: text('blocks', { mode: 'json' }).$type<unknown[]>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentTs: text('sent_ts'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('replies_due').on(t.status, t.nextAttemptAt),
    uniqueIndex('replies_answer_feedback').on(t.answerId, t.purpose),
  ],
);

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    scenarioId: text('scenario_id').notNull(),
    quizIndex: integer('quiz_index').notNull(),
    choice: integer('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('quiz_attempts_user').on(t.teamId, t.userId)],
);

export const schema = { users, processedEvents, practiceSessions, answers, answerMessages, replies, quizAttempts };
