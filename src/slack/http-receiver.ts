// The HTTP receiver (POST /slack/events, GET /healthz). Bolt's own HTTPReceiver acknowledges an
// event before any work is done, so a crash after the 200 loses it; it also lets a signed body of
// `null` throw outside any handler, and accepts timestamps from the future. This one keeps Bolt's
// signature check (verifySlackRequest) and its App, and changes what is answered when:
//  - an Events API callback gets its 200 only after its work committed; a failure answers 500 so
//    Slack delivers it again;
//  - a command or an interaction is answered as soon as its listener calls ack();
//  - whatever the body, the request gets a status: 401 unsigned or off by more than five minutes
//    either way, 413 too large, 400 not a JSON object or a form, 404 elsewhere. Nothing it receives
//    can throw outside this file.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { type App, type Logger, type Receiver, type ReceiverEvent, verifySlackRequest } from '@slack/bolt';
import type { RequestGate } from './request-gate.js';

/** Slack signs each request; one older or newer than this is refused (a replay, or a clock far off). */
const MAX_CLOCK_SKEW_S = 5 * 60;
/** The largest body accepted (Slack's own payloads are far smaller). */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** A command or interaction not acknowledged by then gets an empty 200, so Slack shows no timeout error. */
const ACK_TIMEOUT_MS = 2_500;
/** On stop, connections still open after this are closed. */
const CLOSE_TIMEOUT_MS = 10_000;

/** A GET route served beside /slack/events (the OAuth installer's pages). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface StarReceiverOptions {
  signingSecret: string;
  logger: Logger;
  routes?: Record<string, RouteHandler>;
  /** The current time in milliseconds (tests move it). */
  now?: () => number;
  /** Told when a request to /slack/events starts and when it is answered. */
  gate?: RequestGate;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class StarHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly now: () => number;

  constructor(private readonly options: StarReceiverOptions) {
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(port: number): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.options.logger.error('the HTTP receiver failed on a request', err);
        respond(res, 500);
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  /** Stops taking requests; those under way finish (their work is waited for by the app's stop). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => server.closeAllConnections(), CLOSE_TIMEOUT_MS);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const route = this.options.routes?.[path];
    if (route && req.method === 'GET') return route(req, res);
    if (path !== '/slack/events') return respond(res, 404);
    if (req.method !== 'POST') return respond(res, 405);
    const gate = this.options.gate;
    if (gate) {
      gate.enter();
      res.once('close', () => gate.leave());
    }
    let body: Record<string, unknown>;
    try {
      body = await this.readVerified(req);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      this.options.logger.warn(`refused a request: ${err.message}`);
      return respond(res, err.status);
    }
    if (body.ssl_check === '1') return respond(res, 200);
    if (body.type === 'url_verification') {
      if (typeof body.challenge !== 'string') return respond(res, 400);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    await this.dispatch(req, res, body);
  }

  /** Hands the body to Bolt, answering when the ack comes (commands, interactions) or when the work is done (events). */
  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const isEvent = body.type === 'event_callback';
    let acked = false;
    let stored: unknown;
    const timer = isEvent
      ? undefined
      : setTimeout(() => {
          if (!acked) respond(res, 200);
          acked = true;
        }, ACK_TIMEOUT_MS);
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      if (isEvent) stored = response;
      else sendAck(res, response);
    };
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack,
      retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
      retryReason: header(req, 'x-slack-retry-reason'),
      customProperties: {},
    };
    try {
      if (!this.app) throw new Error('the receiver has no app');
      await this.app.processEvent(event);
      if (isEvent) sendAck(res, stored);
      else if (!acked) respond(res, 200);
      acked = true;
    } catch (err) {
      // An event whose work failed is not acknowledged, so Slack delivers it again.
      this.options.logger.warn(`answered 500: ${err instanceof Error ? err.message : String(err)}`);
      respond(res, 500);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Reads, verifies and parses a request body; throws HttpError with the status to answer. */
  private async readVerified(req: IncomingMessage): Promise<Record<string, unknown>> {
    const raw = await readBody(req);
    const contentType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    // Slack's SSL check is the one unsigned request; nothing else rides along with it.
    if (contentType === 'application/x-www-form-urlencoded' && parseQuery(raw).ssl_check === '1')
      return { ssl_check: '1' };
    const timestamp = header(req, 'x-slack-request-timestamp') ?? '';
    const signature = header(req, 'x-slack-signature') ?? '';
    if (!/^\d{1,12}$/.test(timestamp)) throw new HttpError(401, 'no valid x-slack-request-timestamp');
    if (Math.abs(this.now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S)
      throw new HttpError(401, 'x-slack-request-timestamp is more than five minutes off');
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
        nowMilliseconds: this.now(),
      });
    } catch (err) {
      throw new HttpError(401, err instanceof Error ? err.message : 'bad signature');
    }
    return parseBody(raw, contentType);
  }
}

/** A verified body as Bolt expects it: a JSON object, a form, or a form whose `payload` is a JSON object. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw);
      parsed = typeof form.payload === 'string' ? JSON.parse(form.payload) : { ...form };
    } else if (contentType === 'application/json') parsed = JSON.parse(raw);
    else throw new HttpError(400, `unsupported content type "${contentType}"`);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError(400, 'the body is not a JSON object');
  return parsed as Record<string, unknown>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(header(req, 'content-length'));
  if (declared > BODY_LIMIT_BYTES) throw new HttpError(413, `a body of ${declared} bytes is over the limit`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new HttpError(413, 'the body is over the limit');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function respond(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status).end();
}

function sendAck(res: ServerResponse, body: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === '') res.writeHead(200).end();
  else if (typeof body === 'string') res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
