import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'e2e-signing-secret';

/** Signs a body the way Slack does: v0= HMAC-SHA256 of "v0:{timestamp}:{body}". */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  secret?: string;
  timestamp?: number;
  retryNum?: number;
  /** Gives up on the response after this long (as Slack does after 3 s). */
  timeoutMs?: number;
}

async function post(url: string, body: string, contentType: string, options: SignedOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(body, timestamp, options.secret),
  };
  if (options.retryNum) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  return fetch(url, { method: 'POST', headers, body, signal });
}

/** Events API: raw JSON. */
export function postEvent(url: string, payload: unknown, options?: SignedOptions): Promise<Response> {
  return post(url, JSON.stringify(payload), 'application/json', options);
}

/** Slash command: form fields (Bolt needs this exact content type). */
export function postCommand(url: string, fields: Record<string, unknown>, options?: SignedOptions): Promise<Response> {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return post(url, body, 'application/x-www-form-urlencoded', options);
}

/** Interactivity: one form field, payload=<JSON>. */
export function postInteraction(url: string, payload: unknown, options?: SignedOptions): Promise<Response> {
  return post(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}
