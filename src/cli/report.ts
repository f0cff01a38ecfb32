// The terminal report of one scored answer, in the same three layers as Slack: the verdict line and
// at most three fixes first, then the detail (every fix, timing, the bars, the answer with its
// flagged words marked). Wrapped to the terminal's width with hanging indents.
import {
  type FixItem,
  fixSummary,
  formatSeconds,
  groupFlags,
  PART_LABEL,
  partStatus,
  plural,
  shortAnswerAdvice,
  topFixes,
  VERDICT_LABEL,
} from '../core/feedback.js';
import { LEVEL_NAMES, lpName } from '../core/lp.js';
import type { Flag, RubricResult } from '../core/rubric/index.js';
import { DIMENSIONS } from '../core/rubric/index.js';
import { wrap } from './wrap.js';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  inverse: '\x1b[7m',
};

/** Below this a report is still readable; wider terminals get no wider than this. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 100;

function bar(score: number, width = 20): string {
  const filled = Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** Flags about the answer as a whole: their quote only says where, so it is not marked as words. */
const WHOLE_ANSWER_FLAGS = new Set([
  'missing-star-part',
  'no-story',
  'too-short',
  'too-long',
  'no-metric',
  'no-scope-boundary',
]);

/** The answer with every flagged phrase marked: inverse video on a terminal, [[…]] otherwise. */
export function highlightFlags(input: string, flags: readonly Flag[], color: boolean): string {
  const spans = flags
    .filter((f) => !WHOLE_ANSWER_FLAGS.has(f.id))
    .flatMap((f) => f.occurrences)
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const flag of spans) {
    if (flag.start < cursor) continue;
    out += input.slice(cursor, flag.start);
    const quote = input.slice(flag.start, flag.end);
    out += color ? `${ANSI.inverse}${ANSI.red}${quote}${ANSI.reset}` : `[[${quote}]]`;
    cursor = flag.end;
  }
  return out + input.slice(cursor);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function fixLines(items: readonly FixItem[], quotes: number, width: number, bold: (s: string) => string): string[] {
  const lines: string[] = [];
  items.forEach((item, i) => {
    const shown = item.quotes.slice(0, quotes).map((q) => `"${shorten(q.replace(/[.,;:]+$/, ''), 70)}"`);
    const more = item.quotes.length - shown.length;
    const heard =
      shown.length > 0
        ? `You said ${shown.join(', ')}${more > 0 ? ` and ${plural(more, 'more place')}` : ''}.`
        : fixSummary(item);
    const lead = `  ${i + 1}. `;
    const [head, ...tail] = wrap(`${item.label}. ${heard}`, width, lead);
    lines.push(head.replace(`${item.label}.`, bold(`${item.label}.`)), ...tail);
    lines.push(...wrap(item.fix, width, '     → ', '       '));
  });
  return lines;
}

/** A readable terminal report of one scored answer, `width` columns wide. */
export function renderReport(input: string, result: RubricResult, color: boolean, columns = 80): string[] {
  const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns));
  const c = (code: keyof typeof ANSI, text: string) => (color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const bold = (text: string) => c('bold', text);
  const verdictColor = result.verdict === 'strong-hire' || result.verdict === 'lean-hire' ? 'green' : 'red';
  const lines: string[] = [];
  const about = [LEVEL_NAMES[result.level], result.lp ? lpName(result.lp) : null].filter(Boolean).join(' · ');
  lines.push(`${bold(c(verdictColor, VERDICT_LABEL[result.verdict]))} · ${result.overall}/100  ${about}`);
  lines.push(
    ...wrap(
      `${plural(result.words, 'word')}, about ${formatSeconds(result.seconds)} spoken (aim for ${formatSeconds(result.targetSeconds)})`,
      width,
    ),
  );

  // The first screen: at most three fixes.
  const first = topFixes(result);
  lines.push('');
  const short = first.length === 0 ? shortAnswerAdvice(result) : undefined;
  if (short) lines.push(bold(short.title), ...wrap(short.detail, width));
  else if (first.length === 0) lines.push(bold('Nothing to fix.'));
  else {
    lines.push(bold(first.length === 1 ? 'Fix this first' : `Fix these ${first.length} first`));
    lines.push(...fixLines(first, 2, width, bold));
  }
  const strengths = result.strengths.filter((s) => s.id !== 'key-phrase' && s.id !== 'i-statement').slice(0, 2);
  const iCount = result.strengths.filter((s) => s.id === 'i-statement').length;
  const worked = [
    ...(iCount > 0 ? [`${plural(iCount, 'sentence')} where you act with "I"`] : []),
    ...strengths.map((s) => `${s.message.replace(/\.$/, '')} ("${shorten(s.quote, 50)}")`),
  ];
  if (worked.length > 0) lines.push('', ...wrap(`${c('green', 'What worked:')} ${worked.join('; ')}`, width));

  // The detail.
  lines.push('', c('dim', `── More detail ${'─'.repeat(Math.max(0, width - 15))}`), '');
  const all = groupFlags(result.flags);
  if (all.length > first.length) {
    lines.push(bold(`Every fix (${all.length})`), ...fixLines(all, 5, width, bold), '');
  }
  if (result.parts.length > 0) {
    lines.push(bold('Timing (spoken at 150 words a minute)'));
    for (const p of result.parts) {
      const status = partStatus(p);
      const shown = c(status === 'missing' ? 'red' : status === 'fine' ? 'green' : 'yellow', status);
      lines.push(
        `  ${PART_LABEL[p.part].padEnd(11)} ${formatSeconds(p.seconds).padStart(9)} of ${formatSeconds(p.targetSeconds).padEnd(10)} ${shown}`,
      );
    }
    lines.push(
      `  ${'Whole'.padEnd(11)} ${formatSeconds(result.seconds).padStart(9)} of ${formatSeconds(result.targetSeconds)}`,
    );
  }
  lines.push('', bold('Scores'));
  for (const d of DIMENSIONS) {
    const name = `${d[0].toUpperCase()}${d.slice(1)}`;
    lines.push(`  ${name.padEnd(11)} ${bar(result.dimensions[d])} ${String(result.dimensions[d]).padStart(3)}`);
  }
  lines.push('', bold('Your answer, flagged words marked'));
  for (const paragraph of highlightFlags(input, result.flags, color)
    .trim()
    .split(/\n\s*\n/))
    lines.push(...wrap(paragraph.replace(/\s+/g, ' '), width, '  '), '');
  while (lines.at(-1) === '') lines.pop();
  return lines;
}
