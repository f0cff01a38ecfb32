import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { groupDmId } from './fake-gateway.js';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** What the fake answered (absent for a scripted failure). */
  result?: Record<string, unknown>;
  /** The token the call was made with (Authorization header, or the `token` argument). */
  token?: string;
}

type Failure = { status: 429; retryAfter: number } | { error: string } | { status: 500 };

/** What the whole fake answers for a while: normally, HTTP 500 to everything, or 429 to everything. */
export type SlackMode = { kind: 'up' } | { kind: 'down' } | { kind: 'rate-limited'; retryAfter: number };

/** A message Slack accepted from the bot (kept so history reads and metadata look-ups find it). */
export interface PostedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

function parseMetadata(value: unknown): PostedMessage['metadata'] {
  if (value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as PostedMessage['metadata'];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return args;
}

/**
 * A stand-in for Slack's Web API on 127.0.0.1: records every call, answers like Slack does, and can
 * be told to fail the next call of a method (HTTP 429 with Retry-After, or an `ok: false` error).
 * It also receives `response_url` posts at /response/<id>.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Files received at the upload URL that files.getUploadURLExternal hands out. */
  readonly uploads: { fileId: string; body: string }[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private tsCounter = 0;
  private readonly users = new Map<string, Record<string, unknown>>();
  private readonly threads = new Map<string, Record<string, unknown>[]>();
  private readonly limits = new Map<string, { perSecond: number; recent: number[] }>();
  /** How many calls were refused with a 429 by rateLimit(). */
  rateLimited = 0;
  url = '';
  /** Every message posted, in the order Slack accepted them. */
  readonly posted: PostedMessage[] = [];
  /** Normal service, a full outage (500s) or a 429 storm. */
  mode: SlackMode = { kind: 'up' };
  /** Channels whose chat.postMessage is refused with 429 for as long as they are listed. */
  readonly limitedChannels = new Map<string, number>();
  /** chat.postMessage answers this late: the message is in Slack before the caller knows its ts. */
  postDelayMs = 0;
  /** Calls refused by `mode` or `limitedChannels`. */
  refused = 0;
  /** What files.info answers for each file id (a Slack file object). */
  readonly files = new Map<string, Record<string, unknown>>();
  /** Private files served at /files/<name> (a clip's transcript), and every download with its Authorization header. */
  readonly fileBodies = new Map<string, string>();
  readonly downloads: { path: string; authorization?: string }[] = [];
  /** The Socket Mode address apps.connections.open hands out (see fake-socket-mode.ts). */
  socketModeUrl: (() => string) | undefined;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const path = req.url ?? '/';
      if (path.startsWith('/upload/')) {
        // The Web API client sends the file as multipart form data: keep just the file's bytes.
        const multipart = req.headers['content-type']?.includes('multipart/form-data');
        const body = multipart ? raw.slice(raw.indexOf('\r\n\r\n') + 4, raw.lastIndexOf('\r\n--')) : raw;
        this.uploads.push({ fileId: path.slice('/upload/'.length), body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
        return;
      }
      if (path.startsWith('/files/')) {
        this.downloads.push({ path, authorization: req.headers.authorization });
        const body = this.fileBodies.get(path.slice('/files/'.length));
        if (!req.headers.authorization?.startsWith('Bearer xoxb-') || body === undefined)
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        else res.writeHead(200, { 'content-type': 'text/vtt' }).end(body);
        return;
      }
      if (path.startsWith('/response/')) {
        this.responses.push({ path, body: raw ? JSON.parse(raw) : {} });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = path.replace(/^\/api\//, '').split('?')[0];
      const args = parseArgs(req.headers['content-type'], raw);
      const bearer = req.headers.authorization?.replace(/^Bearer /, '');
      const call: ApiCall = {
        method,
        args,
        at: performance.now(),
        token: bearer ?? (args.token as string | undefined),
      };
      this.calls.push(call);
      if (
        this.mode.kind !== 'up' ||
        (method === 'chat.postMessage' && this.limitedChannels.has(String(args.channel)))
      ) {
        this.refused++;
        this.calls.pop();
        if (this.mode.kind === 'down') res.writeHead(500).end('upstream error');
        else {
          const retryAfter =
            this.mode.kind === 'rate-limited'
              ? this.mode.retryAfter
              : (this.limitedChannels.get(String(args.channel)) ?? 1);
          res
            .writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' })
            .end('{"ok":false,"error":"ratelimited"}');
        }
        return;
      }
      const limit = this.limits.get(method);
      if (limit) {
        const now = Date.now();
        limit.recent = limit.recent.filter((t) => now - t < 1000);
        if (limit.recent.length >= limit.perSecond) {
          this.rateLimited++;
          this.calls.pop();
          res
            .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
            .end('{"ok":false,"error":"ratelimited"}');
          return;
        }
        limit.recent.push(now);
      }
      const failure = this.failures.get(method)?.shift();
      if (failure && 'status' in failure && failure.status === 429) {
        res
          .writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' })
          .end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      if (failure && 'status' in failure) {
        res.writeHead(500).end('upstream error');
        return;
      }
      if (failure && 'error' in failure) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: failure.error }));
        return;
      }
      call.result = this.answer(method, call.token ? { ...args, token: call.token } : args);
      if (method === 'chat.postMessage' && this.postDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, this.postDelayMs));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string | number = 1): string {
    return `${this.url}/response/${id}`;
  }

  /** Refuses calls of `method` beyond `perSecond` in any one-second window with 429, Retry-After: 1. */
  rateLimit(method: string, perSecond: number): void {
    this.limits.set(method, { perSecond, recent: [] });
  }

  /** What users.info says about a user (tz, is_admin, is_owner…). */
  setUser(id: string, fields: Record<string, unknown>): void {
    this.users.set(id, { ...this.users.get(id), ...fields });
  }

  /** What conversations.replies returns for a thread (the parent is added automatically). */
  setThread(channel: string, ts: string, replies: Record<string, unknown>[]): void {
    this.threads.set(`${channel}/${ts}`, replies);
  }

  /** Makes the next call(s) of `method` fail, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds over the recorded calls (or fails after `timeoutMs`). */
  async waitFor(predicate: (calls: ApiCall[]) => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!(await predicate(this.calls))) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** A file as files.info will describe it; `vtt` names a file served at /files/ with that body. */
  setFile(id: string, fields: Record<string, unknown>, transcript?: { name: string; body: string }): void {
    this.files.set(id, { id, ...this.files.get(id), ...fields });
    if (transcript) {
      this.fileBodies.set(transcript.name, transcript.body);
      this.files.set(id, { ...this.files.get(id), vtt: `${this.url}/files/${transcript.name}` });
    }
  }

  /** A person's message in a thread, as conversations.replies will list it. */
  addThreadReply(channel: string, threadTs: string, reply: Record<string, unknown>): void {
    const key = `${channel}/${threadTs}`;
    this.threads.set(key, [...(this.threads.get(key) ?? []), reply]);
  }

  /** The bot's messages in a channel (top level) or in one thread. */
  postedIn(channel: string, threadTs?: string): PostedMessage[] {
    return this.posted.filter((m) => m.channel === channel && m.threadTs === threadTs);
  }

  reset(): void {
    this.calls.length = 0;
    this.posted.length = 0;
    this.responses.length = 0;
    this.failures.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A posted message as history reads return it: metadata only when asked for with include_all_metadata. */
  private asHistory(m: PostedMessage, args: Record<string, unknown>): Record<string, unknown> {
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    return {
      type: 'message',
      user: 'U0BOT',
      bot_id: 'B0BOT',
      ts: m.ts,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      text: m.text,
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    };
  }

  /** Token refreshes answered so far (grant_type refresh_token). */
  refreshes = 0;

  /**
   * OAuth v2: the code `code-<team>` installs that workspace (`code-org` an org-wide install);
   * a refresh hands out a new rotating token for 12 hours.
   */
  private oauthAccess(args: Record<string, unknown>): Record<string, unknown> {
    if (args.grant_type === 'refresh_token') {
      this.refreshes++;
      const team = String(args.refresh_token).match(/^xoxe-1-(T[A-Z0-9]+)/)?.[1] ?? 'T1234';
      return {
        ok: true,
        access_token: `xoxb-${team}-rotated-${this.refreshes}`,
        refresh_token: `xoxe-1-${team}-refresh-${this.refreshes}`,
        expires_in: 43_200,
        token_type: 'bot',
      };
    }
    const code = String(args.code ?? '');
    if (code === 'code-org')
      return {
        ok: true,
        app_id: 'A1234',
        authed_user: { id: 'U1234' },
        scope: 'commands,chat:write',
        token_type: 'bot',
        access_token: 'xoxb-E1234-org',
        bot_user_id: 'U0BOT',
        team: null,
        enterprise: { id: 'E1234', name: 'Grid' },
        is_enterprise_install: true,
      };
    const team = code.replace(/^code-/, '');
    return {
      ok: true,
      app_id: 'A1234',
      authed_user: { id: 'U1234' },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: `xoxb-${team}-secret-bot-token`,
      bot_user_id: 'U0BOT',
      team: { id: team, name: `Workspace ${team}` },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'starcoach',
          // An installed workspace's token (xoxb-<team>-…, see oauth.v2.access) names its team.
          team_id: String(args.token ?? '').match(/^xoxb-(T[A-Z0-9]+)/)?.[1] ?? 'T1234',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'oauth.v2.access':
        return this.oauthAccess(args);
      case 'conversations.open': {
        // One user: their DM with the bot; several: the group DM of them all (the same people, the same id).
        const users = String(args.users ?? 'U1234').split(',');
        return { ok: true, channel: { id: users.length > 1 ? groupDmId(users) : `D${users[0].slice(1)}` } };
      }
      case 'chat.postMessage': {
        this.tsCounter++;
        const ts = `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
        this.posted.push({
          channel: String(args.channel),
          ts,
          threadTs: args.thread_ts === undefined ? undefined : String(args.thread_ts),
          text: String(args.text ?? ''),
          blocks: (args.blocks as unknown[]) ?? [],
          metadata: parseMetadata(args.metadata),
        });
        return {
          ok: true,
          channel: args.channel,
          ts: `1700000000.${String(this.tsCounter).padStart(6, '0')}`,
          message: { text: args.text },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
        return { ok: true, view: { id: 'V1234' } };
      case 'users.info':
        return {
          ok: true,
          user: {
            id: args.user,
            tz: 'Europe/Berlin',
            tz_offset: 3600,
            is_admin: false,
            is_owner: false,
            is_bot: false,
            ...this.users.get(String(args.user)),
          },
        };
      case 'conversations.replies': {
        const people = this.threads.get(`${args.channel}/${args.ts}`) ?? [];
        const bot = this.postedIn(String(args.channel), String(args.ts)).map((m) => this.asHistory(m, args));
        const replies = [...people, ...bot].sort((a, b) => String(a.ts).localeCompare(String(b.ts)));
        return {
          ok: true,
          messages: [{ ts: args.ts, user: 'U0BOT', bot_id: 'B0BOT', text: 'prompt' }, ...replies],
          has_more: false,
        };
      }
      case 'conversations.history': {
        // Newest first, as Slack lists a channel; `oldest` bounds the search.
        const oldest = args.oldest === undefined ? '' : String(args.oldest);
        const messages = this.postedIn(String(args.channel))
          .filter((m) => m.ts >= oldest)
          .reverse()
          .map((m) => this.asHistory(m, args));
        return { ok: true, messages, has_more: false };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.tsCounter}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'file' }] };
      case 'files.info': {
        const file = this.files.get(String(args.file));
        return file ? { ok: true, file, comments: [] } : { ok: false, error: 'file_not_found' };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'VHOME' } };
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl() } : { ok: false, error: 'not_allowed' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++this.tsCounter).padStart(6, '0')}` };
      default:
        return { ok: true };
    }
  }
}
