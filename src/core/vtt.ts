// WebVTT transcripts (the format Slack offers for the transcript of an audio or video clip), read
// tolerantly: a byte-order mark, CRLF line ends, cue identifiers, cue settings, cues of several
// lines, voice tags (`<v Speaker>`) and other inline tags, NOTE/STYLE/REGION blocks.

export interface VttCue {
  /** Seconds from the start of the clip. */
  start: number;
  end: number;
  /** The spoken words, tags removed, lines joined by a space. */
  text: string;
}

// hh:mm:ss.ttt or mm:ss.ttt (hours optional); some writers use a comma before the milliseconds.
const TIMESTAMP = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
const TIMING_LINE = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;
const TAG = /<[^>\n]{0,200}>/g;
const ENTITY: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};

/** Seconds of a WebVTT timestamp ("00:01:02.500" is 62.5), or undefined when it is not one. */
export function parseVttTimestamp(value: string): number | undefined {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return undefined;
  const [, h, min, s, ms] = m;
  const minutes = Number(min);
  const seconds = Number(s);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  const fraction = ms === undefined ? 0 : Number(ms.padEnd(3, '0')) / 1000;
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds + fraction;
}

function cueText(lines: readonly string[]): string {
  return lines
    .map((line) => line.replace(TAG, '').replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITY[e] ?? e))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The cues of a WebVTT document, in time order. Blocks without a valid timing line (the header,
 * notes, styles, regions, malformed cues) are skipped rather than failing the whole transcript;
 * cues with no words are dropped.
 */
export function parseVtt(input: string): VttCue[] {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: VttCue[] = [];
  let i = 0;
  while (i < lines.length) {
    // A block runs until a blank line.
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() === '') i++;
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (block.length === 0) continue;
    if (/^(?:NOTE|STYLE|REGION)\b/.test(block[0])) continue;
    // A header with no blank line after it: the cue starts at its timing line.
    const header = /^WEBVTT\b/.test(block[0]);
    const timingAt = block.findIndex((line) => line.includes('-->'));
    // The timing line is the first line, or the second after a cue identifier.
    if (timingAt < 0 || (!header && timingAt > 1)) continue;
    const m = TIMING_LINE.exec(block[timingAt]);
    if (!m) continue;
    const start = parseVttTimestamp(m[1]);
    const end = parseVttTimestamp(m[2]);
    if (start === undefined || end === undefined || end < start) continue;
    const text = cueText(block.slice(timingAt + 1));
    if (text) cues.push({ start, end, text });
  }
  return cues.sort((a, b) => a.start - b.start || a.end - b.end);
}
