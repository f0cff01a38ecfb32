import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('reports every problem at once', () => {
    let error: unknown;
    try {
      parseConfig({ SLACK_BOT_TOKEN: 'xoxp-user', PORT: '99999', LOG_LEVEL: 'loud', SLACK_API_URL: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
      'PORT must be between 0 and 65535',
      'SLACK_API_URL must be an http(s) URL such as http://127.0.0.1:9000/api/',
      'LOG_LEVEL must be one of debug, info, warn, error',
      'SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)',
    ]);
  });

  it('defaults to HTTP mode on port 3000 with the database under ./data', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({
      botToken: 'xoxb-1',
      appToken: undefined,
      signingSecret: 's',
      socketMode: false,
      port: 3000,
      dbFile: './data/star.db',
      slackApiUrl: undefined,
      slackTimeoutMs: 10_000,
      logLevel: 'info',
      logFormat: 'text',
      admins: [],
      catchUpGraceMs: 7_200_000,
      verdictReactions: false,
      retention: { repliesMs: 30 * 86_400_000, eventsMs: 86_400_000, uninstalledMs: 30 * 86_400_000 },
    });
  });

  it('says so when the bot token is still the placeholder from .env.example', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-your-bot-token', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /still the placeholder from \.env\.example/,
    );
  });

  it('refuses a Web API URL that is not http(s)', () => {
    expect(() =>
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'node:internal/x' }),
    ).toThrow(/SLACK_API_URL must be an http\(s\) URL/);
  });

  it('reads the uninstall grace period in days, and refuses one that is not a whole number of days from 1', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(parseConfig({ ...base, STAR_UNINSTALL_GRACE_DAYS: '7' }).retention.uninstalledMs).toBe(7 * 86_400_000);
    expect(() => parseConfig({ ...base, STAR_UNINSTALL_GRACE_DAYS: '0' })).toThrow(
      'STAR_UNINSTALL_GRACE_DAYS must be at least 1',
    );
    expect(() => parseConfig({ ...base, STAR_UNINSTALL_GRACE_DAYS: 'a month' })).toThrow(
      'STAR_UNINSTALL_GRACE_DAYS must be a number of days',
    );
    expect(() => parseConfig({ ...base, STAR_UNINSTALL_GRACE_DAYS: '1.5' })).toThrow(
      'STAR_UNINSTALL_GRACE_DAYS must be a whole number of days',
    );
  });

  it('uses Socket Mode when an app token is set, and treats empty values as unset', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_SIGNING_SECRET: '',
      PORT: '',
      SLACK_API_URL: 'http://127.0.0.1:9000/api',
    });
    expect(config).toMatchObject({ socketMode: true, port: 3000, slackApiUrl: 'http://127.0.0.1:9000/api/' });
  });

  it('takes a Slack timeout in seconds between 1 and 60, and names the variable when it is not', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(parseConfig({ ...base, STAR_SLACK_TIMEOUT_SECONDS: '2.5' }).slackTimeoutMs).toBe(2_500);
    for (const bad of ['0', '61', 'soon'])
      expect(() => parseConfig({ ...base, STAR_SLACK_TIMEOUT_SECONDS: bad })).toThrow(
        /STAR_SLACK_TIMEOUT_SECONDS must/,
      );
  });
});
