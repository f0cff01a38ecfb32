import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES, COMMAND } from '../../src/messages/ids.js';

// ajv and ajv-formats are CommonJS; require them so the types match what runs.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const source = readFileSync('manifest.yml', 'utf8');
const manifest = parse(source);

function commentList(key: string): string[] {
  const line = source.split('\n').find((l) => l.startsWith(`# star-coach:${key}:`));
  return line
    ? line
        .split(':')
        .slice(2)
        .join(':')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

describe('manifest.yml', () => {
  it("validates against Slack's published manifest schema", () => {
    const schema = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../fixtures/slack/manifest.schema.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('declares exactly the command, events and scopes the code uses', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('lists every action id and view id the app registers, and no others', async () => {
    const registered = await registeredIds();
    expect(commentList('action_ids').sort()).toEqual([...registered.actions].sort());
    expect(commentList('view_ids').sort()).toEqual([...registered.views].sort());
  });

  it('subscribes to exactly the events and command the app registers', async () => {
    const registered = await registeredIds();
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(registered.commands);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...registered.events].sort());
  });
});

/** Builds the real Bolt app (no network: a receiver that never starts) and reads back what it registered. */
async function registeredIds() {
  const { createSlackApp } = await import('../../src/slack/app.js');
  const { registerListeners } = await import('../../src/slack/register.js');
  const { InFlight } = await import('../../src/services/in-flight.js');
  const { EventInbox } = await import('../../src/slack/inbox.js');
  const { parseConfig } = await import('../../src/config.js');
  const { recordingLogger } = await import('../helpers/harness.js');
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-manifest',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
  });
  const receiver = { init() {}, start: async () => {}, stop: async () => {} };
  const app = createSlackApp(config, recordingLogger(), receiver);
  // Listeners are only registered here, never called, so no service is needed.
  const services = {} as Parameters<typeof registerListeners>[1];
  const inFlight = new InFlight();
  return registerListeners(app, services, inFlight, new EventInbox(app, services, inFlight));
}
