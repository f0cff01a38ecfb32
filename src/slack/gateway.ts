import type { KnownBlock } from '@slack/types';
import {
  type FilesInfoResponse,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  type WebClient,
} from '@slack/web-api';
import type { ClipFile } from '../core/clips.js';
import {
  REPLY_METADATA_EVENT,
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
  'user_not_in_channel',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_reply_to_message',
  'thread_not_found',
  'is_archived',
  'channel_is_archived',
  'no_permission',
  'ekm_access_denied',
  'team_access_not_granted',
  'not_allowed_token_type',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'too_many_attachments',
  'no_text',
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
  'token_expired',
  'missing_scope',
]);

/**
 * Pages of history read when looking for a message by its reply id (200 messages a page): the
 * message was posted a minute or so before, and the look-up must end well inside a send's lease.
 */
const FIND_PAGES = 2;

/** How long a transcript download may take before it counts as Slack being unavailable. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Whether the bot token may be sent to this URL: Slack's own hosts, or the host the Web API client
 * talks to (a fake Slack in tests, a proxy in front of Slack), over HTTPS unless that host says otherwise.
 */
export function mayReceiveToken(url: string, apiUrl: string): boolean {
  let target: URL;
  let api: URL;
  try {
    target = new URL(url);
    api = new URL(apiUrl);
  } catch {
    return false;
  }
  if (target.host === api.host && target.protocol === api.protocol) return true;
  return target.protocol === 'https:' && (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com'));
}

/** The clip fields of a files.info file; names checked against @slack/web-api's FilesInfoResponse. */
function toClipFile(fileId: string, file: FilesInfoResponse['file']): ClipFile {
  return {
    id: file?.id ?? fileId,
    subtype: file?.subtype,
    mimetype: file?.mimetype,
    durationMs: file?.duration_ms,
    transcriptStatus: file?.transcription?.status,
    preview: file?.transcription?.preview?.content,
    vtt: file?.vtt,
  };
}

/** Sorts whatever a Web API call threw into retry after N seconds, retry later, or give up. */
export function toSlackError(err: unknown): SlackCallError {
  if (err instanceof SlackCallError) return err;
  if (err instanceof WebAPIRateLimitedError) return new SlackRateLimitedError(err.retryAfter, { cause: err });
  if (err instanceof WebAPIPlatformError)
    return REFUSALS.has(err.data.error)
      ? new SlackRefusedError(err.data.error, { cause: err })
      : new SlackUnavailableError(err.data.error, { cause: err });
  if (err instanceof WebAPIHTTPError)
    return new SlackUnavailableError(`HTTP ${err.statusCode}`, { cause: err, outage: err.statusCode >= 500 });
  if (err instanceof WebAPIRequestError)
    return new SlackUnavailableError(err.original.message, {
      cause: err,
      outage: true,
      maybeDelivered: mayHaveReachedSlack(err.original),
    });
  return new SlackUnavailableError(err instanceof Error ? err.message : String(err), { cause: err });
}

/** Errors of a request that never left this machine; anything else (a timeout above all) may have arrived. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function mayHaveReachedSlack(error: Error): boolean {
  const code = (error.cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  return !(typeof code === 'string' && NEVER_SENT.has(code));
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
export function webClientGateway(client: WebClient, token: string | (() => Promise<string>)): SlackGateway {
  const tokenOf = typeof token === 'string' ? async () => token : token;
  return {
    openDm: (userId) =>
      call(async () => {
        const result = await client.conversations.open({ token: await tokenOf(), users: userId });
        const id = result.channel?.id;
        if (!id) throw new Error('conversations.open returned no channel');
        return id;
      }),
    openConversation: (userIds) =>
      call(async () => {
        const result = await client.conversations.open({ token: await tokenOf(), users: userIds.join(',') });
        const id = result.channel?.id;
        if (!id) throw new Error('conversations.open returned no channel');
        return id;
      }),
    post: (channel, threadTs, body, replyId) =>
      call(async () => {
        const result = await client.chat.postMessage({
          token: await tokenOf(),
          channel,
          text: body.text,
          blocks: body.blocks as KnownBlock[],
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...(replyId === undefined
            ? {}
            : { metadata: { event_type: REPLY_METADATA_EVENT, event_payload: { reply_id: replyId } } }),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!result.ts) throw new Error('chat.postMessage returned no ts');
        return result.ts;
      }),
    findPosted: (channel, threadTs, replyId) =>
      call(async () => {
        let cursor: string | undefined;
        for (let page = 0; page < FIND_PAGES; page++) {
          const common = { token: await tokenOf(), channel, cursor, limit: 200, include_all_metadata: true };
          const result = threadTs
            ? await client.conversations.replies({ ...common, ts: threadTs })
            : await client.conversations.history(common);
          for (const m of result.messages ?? []) {
            const metadata = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } })
              .metadata;
            if (metadata?.event_type === REPLY_METADATA_EVENT && Number(metadata.event_payload?.reply_id) === replyId)
              return m.ts;
          }
          cursor = result.response_metadata?.next_cursor || undefined;
          if (!cursor) break;
        }
        return undefined;
      }),
    update: (channel, ts, body) =>
      call(async () => {
        await client.chat.update({
          token: await tokenOf(),
          channel,
          ts,
          text: body.text,
          blocks: body.blocks as KnownBlock[],
        });
      }),
    openView: (triggerId, view) =>
      call(async () => {
        await client.views.open({ token: await tokenOf(), trigger_id: triggerId, view });
      }),
    postEphemeral: (channel, user, threadTs, body) =>
      call(async () => {
        await client.chat.postEphemeral({
          token: await tokenOf(),
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
          await client.reactions.add({ token: await tokenOf(), channel, timestamp: ts, name });
        } catch (err) {
          if (platformError(err) !== 'already_reacted') throw err;
        }
      }),
    removeReaction: (channel, ts, name) =>
      call(async () => {
        try {
          await client.reactions.remove({ token: await tokenOf(), channel, timestamp: ts, name });
        } catch (err) {
          if (platformError(err) !== 'no_reaction') throw err;
        }
      }),
    joinChannel: (channel) =>
      call(async () => {
        try {
          await client.conversations.join({ token: await tokenOf(), channel });
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
        const result = await client.users.info({ token: await tokenOf(), user });
        return {
          timezone: result.user?.tz ?? null,
          tzOffset: result.user?.tz_offset ?? null,
          isAdmin: result.user?.is_admin === true || result.user?.is_owner === true,
          isBot: result.user?.is_bot === true,
        };
      }),
    uploadFile: (channel, filename, content, comment) =>
      call(async () => {
        await client.filesUploadV2({
          token: await tokenOf(),
          channel_id: channel,
          filename,
          content,
          initial_comment: comment,
        });
      }),
    publishHome: (userId, view) =>
      call(async () => {
        await client.views.publish({ token: await tokenOf(), user_id: userId, view });
      }),
    threadReplies: (channel, ts) =>
      call(async () => {
        const replies: ThreadReply[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.conversations.replies({ token: await tokenOf(), channel, ts, cursor, limit: 200 });
          for (const m of page.messages ?? []) {
            if (!m.ts || m.ts === ts) continue;
            const files = (m as { files?: { id?: string; subtype?: string; mimetype?: string }[] }).files;
            replies.push({
              user: m.user,
              botId: m.bot_id,
              subtype: (m as { subtype?: string }).subtype,
              text: m.text ?? '',
              ts: m.ts,
              ...(files
                ? {
                    files: files.flatMap((f) => (f.id ? [{ id: f.id, subtype: f.subtype, mimetype: f.mimetype }] : [])),
                  }
                : {}),
            });
          }
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor);
        return replies;
      }),
    fileInfo: (fileId) =>
      call(async () => toClipFile(fileId, (await client.files.info({ token: await tokenOf(), file: fileId })).file)),
    downloadText: (url, maxBytes) =>
      call(async () => {
        if (!mayReceiveToken(url, client.slackApiUrl)) throw new SlackRefusedError('file_url_not_slack');
        let response: Response;
        try {
          response = await fetch(url, {
            headers: { authorization: `Bearer ${await tokenOf()}` },
            signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
            redirect: 'error',
          });
        } catch (err) {
          throw new SlackUnavailableError(`file download failed: ${(err as Error).message}`, {
            cause: err,
            outage: true,
          });
        }
        if (response.status === 403 || response.status === 404)
          throw new SlackRefusedError(`file_download_${response.status}`);
        if (!response.ok)
          throw new SlackUnavailableError(`file download: HTTP ${response.status}`, { outage: response.status >= 500 });
        const declared = Number(response.headers.get('content-length') ?? 0);
        if (declared > maxBytes) throw new SlackRefusedError('file_too_large');
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.length > maxBytes) throw new SlackRefusedError('file_too_large');
        return new TextDecoder('utf-8').decode(bytes);
      }),
  };
}
