import { describe, expect, it } from 'vitest';
import { mayReceiveToken } from '../../src/slack/gateway.js';

describe('mayReceiveToken', () => {
  const api = 'https://slack.com/api/';
  it.each([
    ['https://files.slack.com/files-tmb/T1-F1/file.vtt', true],
    ['https://slack.com/files/x.vtt', true],
    ['http://files.slack.com/files-tmb/x.vtt', false],
    ['https://files.slack.com.evil.example/x.vtt', false],
    ['https://evil.example/?https://files.slack.com/', false],
    ['https://notslack.com/x.vtt', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(mayReceiveToken(url, api)).toBe(expected);
  });

  it('trusts the host the Web API client talks to (a fake Slack in tests), and only that', () => {
    expect(mayReceiveToken('http://127.0.0.1:4000/files/x.vtt', 'http://127.0.0.1:4000/api/')).toBe(true);
    expect(mayReceiveToken('http://127.0.0.1:4001/files/x.vtt', 'http://127.0.0.1:4000/api/')).toBe(false);
  });
});
