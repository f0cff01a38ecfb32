// What the services need from Slack's Web API, as a port: src/slack/gateway.ts implements it on
// @slack/web-api, tests implement it with a fake. Failures arrive as the error classes below,
// already sorted by what a retry can do about them.
import type { View } from '@slack/types';
import type { ClipFile } from '../core/clips.js';
import type { MessageContent } from '../core/domain.js';
import { StarError } from '../core/errors.js';

export interface ThreadReply {
  user?: string;
  botId?: string;
  subtype?: string;
  text: string;
  ts: string;
  /** Files shared with the message (a clip is a spoken answer). */
  files?: Pick<ClipFile, 'id' | 'subtype' | 'mimetype'>[];
}

/** The Slack message metadata event type that carries an outbox reply's id. */
export const REPLY_METADATA_EVENT = 'star_coach_reply';

export interface SlackGateway {
  openDm(userId: string): Promise<string>;
  /** Opens (or finds) the group DM of these people and the bot; returns its id. Needs mpim:write. */
  openConversation(userIds: readonly string[]): Promise<string>;
  /**
   * Posts a message (in a thread when `threadTs` is given); returns its ts. With `replyId` the
   * message carries it as metadata, so a send cut short by a crash can be found afterwards.
   */
  post(channel: string, threadTs: string | null, body: MessageContent, replyId?: number): Promise<string>;
  /**
   * The ts of a message posted with `replyId` in the channel (the thread when `threadTs` is given),
   * looking back over the last few hundred messages; undefined when Slack has none.
   */
  findPosted(channel: string, threadTs: string | null, replyId: number): Promise<string | undefined>;
  update(channel: string, ts: string, body: MessageContent): Promise<void>;
  openView(triggerId: string, view: View): Promise<void>;
  postEphemeral(channel: string, user: string, threadTs: string | null, body: MessageContent): Promise<void>;
  /** Adds a reaction; one that is there already counts as added. */
  addReaction(channel: string, ts: string, name: string): Promise<void>;
  /** Removes a reaction; one that is not there counts as removed. */
  removeReaction(channel: string, ts: string, name: string): Promise<void>;
  /** Joins a public channel; false when the bot cannot join by itself (a private channel). */
  joinChannel(channel: string): Promise<boolean>;
  /** `tzOffset`: Slack's tz_offset in seconds east of UTC, when it sent one. */
  userInfo(
    user: string,
  ): Promise<{ timezone: string | null; tzOffset?: number | null; isAdmin: boolean; isBot: boolean }>;
  uploadFile(channel: string, filename: string, content: string, comment: string): Promise<void>;
  publishHome(userId: string, view: View): Promise<void>;
  /** The replies in a thread (without the parent), oldest first. */
  threadReplies(channel: string, ts: string): Promise<ThreadReply[]>;
  /** A file as files.info describes it (needs files:read). */
  fileInfo(fileId: string): Promise<ClipFile>;
  /**
   * Downloads a private Slack file (a clip's transcript) with the bot token, as text of at most
   * `maxBytes`. Only Slack's own hosts are sent the token.
   */
  downloadText(url: string, maxBytes: number): Promise<string>;
}

/** The gateway for a workspace (one today; one per installation when the app is distributed). */
export type SlackGatewayFor = (teamId: string) => SlackGateway;

/** A Web API call that failed. */
export abstract class SlackCallError extends StarError {}

/** Slack answered 429: try again after `retryAfterSeconds`. */
export class SlackRateLimitedError extends SlackCallError {
  readonly code = 'slack_rate_limited';
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`rate limited; retry after ${retryAfterSeconds} s`, options);
  }
}

/** Slack refused the call in a way no retry changes (the channel is gone, we lack a scope…). */
export class SlackRefusedError extends SlackCallError {
  readonly code = 'slack_refused';
  constructor(
    readonly slackError: string,
    options?: { cause?: unknown },
  ) {
    super(slackError, options);
  }
}

/** Slack or the network failed this time (a 5xx, a timeout, an internal_error): worth retrying. */
export class SlackUnavailableError extends SlackCallError {
  readonly code = 'slack_unavailable';
  /**
   * Slack did not answer at all (no connection, a timeout, an HTTP 5xx), so every call to it likely
   * fails for now; false for an error Slack reported about this one call (internal_error…).
   */
  readonly outage: boolean;
  /**
   * The request may have reached Slack before it failed (a timeout, a connection dropped mid-way):
   * a message may have been posted, so whoever tries again looks before posting.
   */
  readonly maybeDelivered: boolean;

  constructor(message: string, options?: { cause?: unknown; outage?: boolean; maybeDelivered?: boolean }) {
    super(message, options);
    this.outage = options?.outage ?? false;
    this.maybeDelivered = options?.maybeDelivered ?? false;
  }
}
