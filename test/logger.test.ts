import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { createLogger, type LogLevelName } from '../src/logger.js';
import { SlackRefusedError } from '../src/services/slack-port.js';
import { boltLogger } from '../src/slack/app.js';

function capture(format: 'text' | 'json', level: LogLevelName = 'info') {
  const lines: { level: LogLevelName; line: string }[] = [];
  const logger = createLogger({
    level,
    format,
    clock: fixedClock('2026-11-30T09:00:00Z'),
    write: (l, line) => lines.push({ level: l, line }),
  });
  return { logger, lines };
}

describe('the logger', () => {
  it('writes JSON lines with time, level, component name, message and the error’s code, stack and cause', () => {
    const { logger, lines } = capture('json');
    logger
      .named('web-api')
      .warn('reply 7 failed', new SlackRefusedError('channel_not_found', { cause: new Error('platform') }));
    const line = JSON.parse(lines[0].line);
    expect(line).toMatchObject({
      time: '2026-11-30T09:00:00.000Z',
      level: 'warn',
      name: 'web-api',
      msg: 'reply 7 failed',
      err: {
        name: 'SlackRefusedError',
        code: 'slack_refused',
        message: 'channel_not_found',
        cause: { message: 'platform' },
      },
    });
    expect(line.err.stack).toContain('SlackRefusedError');
    expect(lines[0].level).toBe('warn');
  });

  it('filters by level, for every named logger at once, and writes text lines by default', () => {
    const { logger, lines } = capture('text', 'warn');
    const bolt = logger.named('bolt');
    logger.info('hidden');
    bolt.debug('hidden');
    bolt.error('shown', { id: 1 });
    logger.setLevel('debug');
    bolt.debug('now shown');
    expect(lines.map((l) => l.line)).toEqual(['[ERROR] bolt: shown {"id":1}', '[DEBUG] bolt: now shown']);
  });

  it('is the logger Bolt gets: Bolt’s level setting and names reach it', () => {
    const { logger, lines } = capture('json', 'error');
    const forBolt = boltLogger(logger);
    forBolt.setLevel('info' as never);
    expect(logger.level).toBe('info');
    forBolt.setName('web-api:WebClient:0');
    forBolt.info('request');
    expect(JSON.parse(lines[0].line)).toMatchObject({ name: 'web-api:WebClient:0', msg: 'request' });
  });
});
