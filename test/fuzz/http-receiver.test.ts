// Property tests for the HTTP receiver: signed bodies of every JSON type, form bodies with any
// fields, slash commands with fields missing, and bad signature headers. Whatever arrives gets a
// status (never a crash, never a hang), and the app goes on serving.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { slashCommand } from '../helpers/harness.js';
import { SIGNING_SECRET, signature } from '../helpers/signed.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({}, fixedClock('2026-11-30T09:00:00Z'));
});
afterAll(async () => {
  await e2e.close();
});

async function post(body: string, contentType: string, headers: Record<string, string> = {}) {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(e2e.eventsUrl, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, SIGNING_SECRET),
      ...headers,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.text();
  return res.status;
}

async function stillServing() {
  expect((await fetch(`${e2e.baseUrl}/healthz`)).status).toBe(200);
}

describe('the HTTP receiver, on any input', () => {
  it('answers a signed JSON body of any type: 400 unless it is an object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const status = await post(JSON.stringify(value), 'application/json');
        const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        if (!isObject) expect(status).toBe(400);
        else expect([200, 500]).toContain(status);
      }),
      { numRuns: 120 },
    );
    expect(await post('null', 'application/json')).toBe(400);
    expect(await post('{"type":', 'application/json')).toBe(400);
    await stillServing();
  });

  it('answers a signed form body with any fields, with or without a payload', async () => {
    const field = fc.string({ maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.oneof(field, fc.constantFrom('payload', 'command', 'text', 'type', 'ssl_check')), field, {
          maxKeys: 6,
        }),
        async (fields) => {
          const status = await post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
          expect([200, 400, 500]).toContain(status);
        },
      ),
      { numRuns: 120 },
    );
    await stillServing();
  });

  it('acknowledges a slash command with any of its fields missing', async () => {
    const full = slashCommand('help', e2e.slack.responseUrl());
    const keys = Object.keys(full);
    await fc.assert(
      fc.asyncProperty(fc.subarray(keys), async (dropped) => {
        const fields = Object.fromEntries(
          Object.entries(slashCommand('help', e2e.slack.responseUrl())).filter(([k]) => !dropped.includes(k)),
        );
        const status = await post(
          new URLSearchParams(fields as Record<string, string>).toString(),
          'application/x-www-form-urlencoded',
        );
        expect(status).toBe(200);
      }),
      { numRuns: 60 },
    );
    await stillServing();
  });

  it('refuses bad signature headers with 401', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 20 }), fc.string({ maxLength: 80 }), async (timestamp, sig) => {
        const status = await post('{"type":"event_callback"}', 'application/json', {
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': sig,
        });
        expect(status).toBe(401);
      }),
      { numRuns: 80 },
    );
    await stillServing();
  });
});
