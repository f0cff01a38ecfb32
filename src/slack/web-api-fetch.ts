// The Web API client's `fetch`, on undici's request API. Node's global fetch spends much of a
// call's CPU in its WHATWG stream machinery, and so does building a WHATWG Response; every answer
// makes one to three Web API calls. undici's `request` (the library underneath Node's fetch) makes
// the same round trip for about half the CPU (`npx tsx bench/web-api-fetch.ts`). The client only
// ever posts a URL-encoded string; anything else (a file upload's form data) goes through the
// global fetch.
import { Agent, request } from 'undici';

/** The part of Headers the client reads: a header by name, and all of them (for an HTTP error). */
class ResponseHeaders {
  private readonly byName = new Map<string, string>();

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw))
      if (value !== undefined) this.byName.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}

/**
 * The part of a Response that its two users read, over a body already read in full: @slack/web-api
 * 8 (status, status text, headers, the body as text or bytes, and `url` for one method) and Bolt's
 * `respond`, which posts to a response_url through the same `fetch` and checks `ok`.
 * test/slack/gateway.test.ts runs the client over it for success, refusals, 429s, HTTP errors,
 * timeouts and refused connections; every slash command's reply goes through `respond`.
 */
class WebApiResponse {
  readonly statusText = '';
  readonly ok: boolean;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: ResponseHeaders,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    return this.bytes.toString('utf8');
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.bytes).buffer;
  }
}

/**
 * A `fetch` for the Web API client: undici's request over one keep-alive pool per origin, with
 * undici's defaults (the global fetch's: an idle connection is closed after 4 s, or as the server
 * says), so a connection the server has already dropped is rarely reused.
 */
export function webApiFetch(dispatcher: Agent = new Agent()): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    if (input instanceof Request || (body !== undefined && body !== null && typeof body !== 'string'))
      return fetch(input, init);
    const url = String(input);
    const res = await request(url, {
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      headers:
        init?.headers instanceof Headers ? Object.fromEntries(init.headers) : (init?.headers as Record<string, string>),
      body: body ?? undefined,
      signal: init?.signal ?? undefined,
      dispatcher,
    });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    return new WebApiResponse(url, res.statusCode, new ResponseHeaders(res.headers), bytes) as unknown as Response;
  };
}
