import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_IDS, BOT_EVENTS, BOT_SCOPES, COMMAND, VIEW_IDS } from '../../src/slack/ids.js';

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

  it('lists every action id and view id the code registers, and no others', () => {
    expect(commentList('action_ids').sort()).toEqual(Object.values(ACTION_IDS).sort());
    expect(commentList('view_ids').sort()).toEqual(Object.values(VIEW_IDS).sort());
  });

  it('registers in the app exactly the ids in src/slack/ids.ts', () => {
    const register = readFileSync('src/slack/register.ts', 'utf8');
    const registered = [...register.matchAll(/app\.(action|view|command)\((ACTION_IDS|VIEW_IDS)?\.?(\w+)/g)].map(
      (m) => `${m[1]}:${m[3]}`,
    );
    expect(
      registered
        .filter((r) => r.startsWith('action:'))
        .map((r) => ACTION_IDS[r.slice(7) as keyof typeof ACTION_IDS])
        .sort(),
    ).toEqual(Object.values(ACTION_IDS).sort());
    expect(
      registered.filter((r) => r.startsWith('view:')).map((r) => VIEW_IDS[r.slice(5) as keyof typeof VIEW_IDS]),
    ).toEqual(Object.values(VIEW_IDS));
    expect(registered).toContain('command:COMMAND');
    const events = [...register.matchAll(/app\.event\('([\w.]+)'/g)].map((m) => m[1]);
    // One 'message' listener serves the message.im, message.channels and message.groups subscriptions.
    const expanded = events.flatMap((e) =>
      e === 'message' ? ['message.im', 'message.channels', 'message.groups'] : [e],
    );
    expect(expanded.sort()).toEqual([...BOT_EVENTS].sort());
  });
});
