import { describe, expect, it } from 'vitest';
import {
  FIRST_CHECK_MS,
  isClip,
  MAX_CHECK_GAP_MS,
  MAX_TRANSCRIPT_WAIT_MS,
  nextClipCheck,
  transcriptState,
} from '../../src/core/clips.js';

describe('isClip', () => {
  it.each([
    [{ subtype: 'slack_audio' }, true],
    [{ subtype: 'slack_video', mimetype: 'video/mp4' }, true],
    [{ mimetype: 'audio/mpeg' }, true],
    [{ mimetype: 'image/png' }, false],
    [{ mimetype: 'text/plain' }, false],
    [{}, false],
  ])('%j → %s', (file, expected) => {
    expect(isClip(file)).toBe(expected);
  });
});

describe('transcriptState', () => {
  it.each([
    [{ transcriptStatus: 'complete', vtt: 'https://files.slack.com/x.vtt' }, 'ready'],
    [{ transcriptStatus: 'COMPLETED', vtt: 'https://files.slack.com/x.vtt' }, 'ready'],
    [{ transcriptStatus: 'complete' }, 'none'],
    [{ transcriptStatus: 'processing' }, 'processing'],
    [{ transcriptStatus: 'failed' }, 'none'],
    [{ transcriptStatus: 'none' }, 'none'],
    [{ transcriptStatus: 'disabled' }, 'none'],
    [{}, 'none'],
  ])('%j → %s', (file, expected) => {
    expect(transcriptState({ id: 'F1', ...file })).toBe(expected);
  });
});

describe('nextClipCheck', () => {
  const created = new Date('2026-12-01T10:00:00Z');
  const plus = (ms: number) => new Date(created.getTime() + ms);

  it('backs off, doubling to a ceiling', () => {
    const gaps = [0, 1, 2, 3, 4, 5, 6].map(
      (checks) => (nextClipCheck(created, checks, plus(60_000))?.getTime() ?? 0) - plus(60_000).getTime(),
    );
    expect(gaps).toEqual([
      FIRST_CHECK_MS,
      FIRST_CHECK_MS * 2,
      FIRST_CHECK_MS * 4,
      FIRST_CHECK_MS * 8,
      MAX_CHECK_GAP_MS,
      MAX_CHECK_GAP_MS,
      MAX_CHECK_GAP_MS,
    ]);
  });

  it('never goes past the wait limit, and stops there', () => {
    const late = plus(MAX_TRANSCRIPT_WAIT_MS - 10_000);
    expect(nextClipCheck(created, 5, late)).toEqual(plus(MAX_TRANSCRIPT_WAIT_MS));
    expect(nextClipCheck(created, 6, plus(MAX_TRANSCRIPT_WAIT_MS))).toBeUndefined();
  });
});
