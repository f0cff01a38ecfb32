import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { groupDmId } from './fake-gateway.js';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** What the fake answered (absent for a scripted failure). */
  result?: Record<string, unknown>;
}

type Failure = { status: 429; retryAfter: number } | { error: string } | { status: 500 };

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments']);

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
      if (path.startsWith('/response/')) {
        this.responses.push({ path, body: raw ? JSON.parse(raw) : {} });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = path.replace(/^\/api\//, '').split('?')[0];
      const args = parseArgs(req.headers['content-type'], raw);
      const call: ApiCall = { method, args, at: performance.now() };
      this.calls.push(call);
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
      call.result = this.answer(method, args);
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

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.failures.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'starcoach',
          team_id: 'T1234',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'conversations.open': {
        // One user: their DM with the bot; several: the group DM of them all (the same people, the same id).
        const users = String(args.users ?? 'U1234').split(',');
        return { ok: true, channel: { id: users.length > 1 ? groupDmId(users) : `D${users[0].slice(1)}` } };
      }
      case 'chat.postMessage': {
        this.tsCounter++;
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
        const replies = this.threads.get(`${args.channel}/${args.ts}`) ?? [];
        return {
          ok: true,
          messages: [{ ts: args.ts, user: 'U0BOT', bot_id: 'B0BOT', text: 'prompt' }, ...replies],
          has_more: false,
        };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.tsCounter}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'file' }] };
      case 'views.publish':
        return { ok: true, view: { id: 'VHOME' } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++this.tsCounter).padStart(6, '0')}` };
      default:
        return { ok: true };
    }
  }
}
