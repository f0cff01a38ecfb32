import type { KnownBlock } from '@slack/types';
import { ErrorCode, type WebClient } from '@slack/web-api';

/** What the services need from Slack's Web API, so they can be tested with a fake. */
export interface SlackGateway {
  openDm(userId: string): Promise<string>;
  post(channel: string, threadTs: string | null, body: { text: string; blocks: unknown[] }): Promise<string>;
  update(channel: string, ts: string, body: { text: string; blocks: unknown[] }): Promise<void>;
  openView(triggerId: string, view: Parameters<WebClient['views']['open']>[0]['view']): Promise<void>;
  postEphemeral(
    channel: string,
    user: string,
    threadTs: string | null,
    body: { text: string; blocks: unknown[] },
  ): Promise<void>;
  addReaction(channel: string, ts: string, name: string): Promise<void>;
  removeReaction(channel: string, ts: string, name: string): Promise<void>;
  /** Joins a public channel; false when the bot cannot join by itself (a private channel). */
  joinChannel(channel: string): Promise<boolean>;
  userInfo(user: string): Promise<{ timezone: string | null; isAdmin: boolean; isBot: boolean }>;
  uploadFile(channel: string, filename: string, content: string, comment: string): Promise<void>;
  publishHome(userId: string, view: Parameters<WebClient['views']['publish']>[0]['view']): Promise<void>;
  /** The replies in a thread (without the parent), oldest first. */
  threadReplies(
    channel: string,
    ts: string,
  ): Promise<{ user?: string; botId?: string; subtype?: string; text: string; ts: string }[]>;
}

export type SlackFailure =
  | { kind: 'rate-limited'; retryAfterSeconds: number; message: string }
  | { kind: 'permanent'; message: string }
  | { kind: 'transient'; message: string };

// Errors that no retry will fix: the message or its target is wrong, or we lack access.
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'msg_too_long',
  'invalid_blocks',
  'invalid_blocks_format',
  'message_not_found',
  'cant_update_message',
  'user_not_found',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'missing_scope',
]);

function platformError(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

/** Sorts a Web API error into retry later, retry after N seconds, or give up. */
export function classifySlackError(err: unknown): SlackFailure {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  const message = e.data?.error ?? e.message ?? String(err);
  if (e.code === ErrorCode.RateLimitedError)
    return { kind: 'rate-limited', retryAfterSeconds: e.retryAfter ?? 30, message: 'ratelimited' };
  if (e.code === ErrorCode.PlatformError && e.data?.error && PERMANENT_ERRORS.has(e.data.error))
    return { kind: 'permanent', message };
  return { kind: 'transient', message };
}

export function webClientGateway(client: WebClient): SlackGateway {
  return {
    async openDm(userId) {
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
    async post(channel, threadTs, body) {
      const result = await client.chat.postMessage({
        channel,
        text: body.text,
        blocks: body.blocks as KnownBlock[],
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (!result.ts) throw new Error('chat.postMessage returned no ts');
      return result.ts;
    },
    async update(channel, ts, body) {
      await client.chat.update({ channel, ts, text: body.text, blocks: body.blocks as KnownBlock[] });
    },
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view });
    },
    async postEphemeral(channel, user, threadTs, body) {
      await client.chat.postEphemeral({
        channel,
        user,
        text: body.text,
        blocks: body.blocks as KnownBlock[],
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    },
    async addReaction(channel, ts, name) {
      try {
        await client.reactions.add({ channel, timestamp: ts, name });
      } catch (err) {
        if (platformError(err) !== 'already_reacted') throw err;
      }
    },
    async removeReaction(channel, ts, name) {
      try {
        await client.reactions.remove({ channel, timestamp: ts, name });
      } catch (err) {
        if (platformError(err) !== 'no_reaction') throw err;
      }
    },
    async joinChannel(channel) {
      try {
        await client.conversations.join({ channel });
        return true;
      } catch (err) {
        const code = platformError(err);
        if (
          code === 'method_not_supported_for_channel_type' ||
          code === 'channel_not_found' ||
          code === 'is_private' ||
          code === 'missing_scope'
        )
          return false;
        throw err;
      }
    },
    async userInfo(user) {
      const result = await client.users.info({ user });
      return {
        timezone: result.user?.tz ?? null,
        isAdmin: result.user?.is_admin === true || result.user?.is_owner === true,
        isBot: result.user?.is_bot === true,
      };
    },
    async uploadFile(channel, filename, content, comment) {
      await client.filesUploadV2({ channel_id: channel, filename, content, initial_comment: comment });
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view });
    },
    async threadReplies(channel, ts) {
      const replies: { user?: string; botId?: string; subtype?: string; text: string; ts: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.conversations.replies({ channel, ts, cursor, limit: 200 });
        for (const m of page.messages ?? []) {
          if (!m.ts || m.ts === ts) continue;
          replies.push({
            user: m.user,
            botId: m.bot_id,
            subtype: (m as { subtype?: string }).subtype,
            text: m.text ?? '',
            ts: m.ts,
          });
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return replies;
    },
  };
}
