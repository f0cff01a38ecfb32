// The Web API client's `fetch`, on undici's request API. Node's global fetch spends about 0.4 ms
// of CPU per call in its WHATWG stream machinery, and so does building a WHATWG Response; every
// answer makes one to three Web API calls, so that was a large part of an answer's work. undici's
// `request` (the library underneath Node's fetch) makes the same round trip for a tenth of that.
// The client only ever posts a URL-encoded string; anything else (a file upload's form data) goes
// through the global fetch.
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

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}

/**
 * The part of a Response that @slack/web-api 8 reads (status, headers, the body as text, JSON or
 * bytes, and `url` for one method), over a body already read in full. test/slack/web-api-fetch.test.ts
 * runs the client over it for success, platform errors, 429s and HTTP errors.
 */
class WebApiResponse {
  readonly ok: boolean;
  readonly statusText = '';
  readonly redirected = false;
  readonly type = 'basic';
  readonly bodyUsed = false;
  readonly body = null;

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

  async json(): Promise<unknown> {
    return JSON.parse(this.bytes.toString('utf8'));
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
