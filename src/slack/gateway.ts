import type { KnownBlock } from '@slack/types';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { MessageBody } from './views/limits.js';

/** What the services need from Slack's Web API, so they can be tested with a fake. */
export interface SlackGateway {
  openDm(userId: string): Promise<string>;
  post(channel: string, threadTs: string | null, body: { text: string; blocks: unknown[] }): Promise<string>;
  update(channel: string, ts: string, body: { text: string; blocks: unknown[] }): Promise<void>;
  openView(triggerId: string, view: Parameters<WebClient['views']['open']>[0]['view']): Promise<void>;
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
  };
}

export type { MessageBody };
