// A fake Socket Mode endpoint on 127.0.0.1, speaking the envelope protocol Slack documents: the
// app calls apps.connections.open (answered by FakeSlack with this server's ws:// address), the
// server greets each connection with `hello`, delivers `events_api`, `slash_commands` and
// `interactive` envelopes, and expects each to be acknowledged with its `envelope_id` (a command's
// or an interaction's ack may carry a response payload). It can ask the app to reconnect
// (`disconnect`, reason `refresh_requested`) or drop the connection outright.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Ack {
  envelopeId: string;
  payload: Record<string, unknown> | undefined;
  at: number;
}

type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export class FakeSocketMode {
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiting = new Map<string, (ack: Ack) => void>();
  /** Every acknowledgement received, in order. */
  readonly acks: Ack[] = [];
  /** How many connections were opened (each after an apps.connections.open). */
  connections = 0;
  private port = 0;
  private helloWaiters: (() => void)[] = [];

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server?.once('listening', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.server.on('connection', (socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => this.received(String(data)));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: this.sockets.size,
          debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A1234' },
        }),
      );
      for (const resolve of this.helloWaiters.splice(0)) resolve();
    });
    return this;
  }

  /** What apps.connections.open hands out: a fresh ticket each time, as Slack's are single-use. */
  url(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=${randomUUID()}`;
  }

  /** Whether a connection is open now. */
  get open(): boolean {
    return [...this.sockets].some((s) => s.readyState === s.OPEN);
  }

  /** Resolves once a new connection has been greeted (after `since` connections in all). */
  async connected(since = 0, timeoutMs = 20_000): Promise<void> {
    if (this.connections > since && this.open) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the app did not connect to the fake Socket Mode')), timeoutMs);
      this.helloWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    // Let the client handle its hello before anything is sent.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private received(raw: string): void {
    const message = JSON.parse(raw) as { envelope_id?: string; payload?: Record<string, unknown> };
    if (!message.envelope_id) return;
    const ack: Ack = {
      envelopeId: message.envelope_id,
      payload: message.payload && Object.keys(message.payload).length > 0 ? message.payload : undefined,
      at: performance.now(),
    };
    this.acks.push(ack);
    this.waiting.get(ack.envelopeId)?.(ack);
    this.waiting.delete(ack.envelopeId);
  }

  /**
   * Sends one envelope on the open connection; resolves with its ack, or with undefined when none
   * came within `timeoutMs` (the app left it unacknowledged, so Slack would send it again).
   */
  async deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: { envelopeId?: string; retryAttempt?: number; retryReason?: string; timeoutMs?: number } = {},
  ): Promise<Ack | undefined> {
    const socket = [...this.sockets].find((s) => s.readyState === s.OPEN);
    if (!socket) throw new Error('no open Socket Mode connection');
    const envelopeId = options.envelopeId ?? randomUUID();
    const acked = new Promise<Ack | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        resolve(undefined);
      }, options.timeoutMs ?? 10_000);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api'
          ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
          : {}),
      }),
    );
    return acked;
  }

  /** Asks the app to reconnect, as Slack does before recycling the server behind a connection. */
  refresh(): void {
    for (const socket of this.sockets)
      socket.send(
        JSON.stringify({
          type: 'disconnect',
          reason: 'refresh_requested',
          debug_info: { host: 'fake-socket-mode' },
        }),
      );
  }

  /** Drops every connection without a close handshake (a network failure). */
  drop(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
