import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVtt, parseVttTimestamp } from '../../src/core/vtt.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/vtt/${name}`, import.meta.url), 'utf8');

describe('parseVttTimestamp', () => {
  it.each([
    ['00:00:01.500', 1.5],
    ['01:02.250', 62.25],
    ['1:00:00.000', 3600],
    ['00:00:03,5', 3.5],
    ['00:00:07', 7],
  ])('reads %s as %d s', (value, seconds) => {
    expect(parseVttTimestamp(value)).toBe(seconds);
  });

  it.each(['', 'abc', '00:61.000', '00:60:00.000', '1.5'])('refuses %j', (value) => {
    expect(parseVttTimestamp(value)).toBeUndefined();
  });
});

describe('parseVtt', () => {
  it('reads cues with ids, settings, voice tags and several lines, skipping the header and notes', () => {
    const vtt = [
      '\uFEFFWEBVTT - a clip',
      '',
      'NOTE nothing here -- is a cue',
      '',
      'STYLE',
      '::cue { color: lime }',
      '',
      'intro',
      '00:00:00.000 --> 00:00:02.000 align:start position:10%',
      '<v Speaker 1>hello <b>there</b>',
      'second line &amp; more',
      '',
      '00:02.500 --> 00:04.000',
      '<v.loud Speaker 2>yes</v>',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '<c.yellow></c>',
      '',
    ].join('\r\n');
    expect(parseVtt(vtt)).toEqual([
      { start: 0, end: 2, text: 'hello there second line & more' },
      { start: 2.5, end: 4, text: 'yes' },
    ]);
  });

  it('skips malformed cues and keeps the rest', () => {
    const vtt =
      'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbackwards\n\nnot a timing --> line\nbroken\n\n00:00:06.000 --> 00:00:07.000\nfine\n';
    expect(parseVtt(vtt)).toEqual([{ start: 6, end: 7, text: 'fine' }]);
  });

  it('takes a cue that follows the header without a blank line, and sorts by start', () => {
    expect(parseVtt('WEBVTT\n00:00:03.000 --> 00:00:04.000\nb\n\n00:00:01.000 --> 00:00:02.000\na')).toEqual([
      { start: 1, end: 2, text: 'a' },
      { start: 3, end: 4, text: 'b' },
    ]);
  });

  it('reads the CRLF fixture and the full spoken answer', () => {
    expect(parseVtt(fixture('short-crlf.vtt'))).toEqual([
      { start: 0, end: 4, text: 'um so at my last job i was a backend engineer' },
      { start: 9, end: 12, text: 'we fixed it' },
    ]);
    const cues = parseVtt(fixture('spoken-answer.vtt'));
    expect(cues).toHaveLength(14);
    expect(cues[0].text).toBe('um so at my previous company i was on the payments team');
    expect(cues[13]).toMatchObject({ start: 90, end: 96 });
  });

  it('gives nothing for an empty or non-VTT input', () => {
    expect(parseVtt('')).toEqual([]);
    expect(parseVtt('just some words\nwith no cues')).toEqual([]);
  });
});
