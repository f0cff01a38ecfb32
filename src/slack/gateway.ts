import type { KnownBlock } from '@slack/types';
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  type WebClient,
} from '@slack/web-api';
import {
  SlackCallError,
  type SlackGateway,
  SlackRateLimitedError,
  SlackRefusedError,
  SlackUnavailableError,
  type ThreadReply,
} from '../services/slack-port.js';

// Errors that no retry will fix: the message or its target is wrong, or we lack access.
const REFUSALS = new Set([
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

/** Sorts whatever a Web API call threw into retry after N seconds, retry later, or give up. */
export function toSlackError(err: unknown): SlackCallError {
  if (err instanceof SlackCallError) return err;
  if (err instanceof WebAPIRateLimitedError) return new SlackRateLimitedError(err.retryAfter, { cause: err });
  if (err instanceof WebAPIPlatformError)
    return REFUSALS.has(err.data.error)
      ? new SlackRefusedError(err.data.error, { cause: err })
      : new SlackUnavailableError(err.data.error, { cause: err });
  if (err instanceof WebAPIHTTPError) return new SlackUnavailableError(`HTTP ${err.statusCode}`, { cause: err });
  if (err instanceof WebAPIRequestError) return new SlackUnavailableError(err.original.message, { cause: err });
  return new SlackUnavailableError(err instanceof Error ? err.message : String(err), { cause: err });
}

function platformError(err: unknown): string | undefined {
  return err instanceof WebAPIPlatformError ? err.data.error : undefined;
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toSlackError(err);
  }
}

/**
 * The Slack gateway on a Web API client (Bolt's own, so there is one client and one logger), with
 * the token of the workspace it serves.
 */
export function webClientGateway(client: WebClient, token: string): SlackGateway {
  return {
    openDm: (userId) =>
      call(async () => {
        const result = await client.conversations.open({ token, users: userId });
        const id = result.channel?.id;
        if (!id) throw new Error('conversations.open returned no channel');
        return id;
      }),
    openConversation: (userIds) =>
      call(async () => {
        const result = await client.conversations.open({ token, users: userIds.join(',') });
        const id = result.channel?.id;
        if (!id) throw new Error('conversations.open returned no channel');
        return id;
      }),
    post: (channel, threadTs, body) =>
      call(async () => {
        const result = await client.chat.postMessage({
          token,
          channel,
          text: body.text,
          blocks: body.blocks as KnownBlock[],
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!result.ts) throw new Error('chat.postMessage returned no ts');
        return result.ts;
      }),
    update: (channel, ts, body) =>
      call(async () => {
        await client.chat.update({ token, channel, ts, text: body.text, blocks: body.blocks as KnownBlock[] });
      }),
    openView: (triggerId, view) =>
      call(async () => {
        await client.views.open({ token, trigger_id: triggerId, view });
      }),
    postEphemeral: (channel, user, threadTs, body) =>
      call(async () => {
        await client.chat.postEphemeral({
          token,
          channel,
          user,
          text: body.text,
          blocks: body.blocks as KnownBlock[],
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
      }),
    addReaction: (channel, ts, name) =>
      call(async () => {
        try {
          await client.reactions.add({ token, channel, timestamp: ts, name });
        } catch (err) {
          if (platformError(err) !== 'already_reacted') throw err;
        }
      }),
    removeReaction: (channel, ts, name) =>
      call(async () => {
        try {
          await client.reactions.remove({ token, channel, timestamp: ts, name });
        } catch (err) {
          if (platformError(err) !== 'no_reaction') throw err;
        }
      }),
    joinChannel: (channel) =>
      call(async () => {
        try {
          await client.conversations.join({ token, channel });
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
      }),
    userInfo: (user) =>
      call(async () => {
        const result = await client.users.info({ token, user });
        return {
          timezone: result.user?.tz ?? null,
          tzOffset: result.user?.tz_offset ?? null,
          isAdmin: result.user?.is_admin === true || result.user?.is_owner === true,
          isBot: result.user?.is_bot === true,
        };
      }),
    uploadFile: (channel, filename, content, comment) =>
      call(async () => {
        await client.filesUploadV2({ token, channel_id: channel, filename, content, initial_comment: comment });
      }),
    publishHome: (userId, view) =>
      call(async () => {
        await client.views.publish({ token, user_id: userId, view });
      }),
    threadReplies: (channel, ts) =>
      call(async () => {
        const replies: ThreadReply[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.conversations.replies({ token, channel, ts, cursor, limit: 200 });
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
      }),
  };
}
