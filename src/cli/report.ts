import { LEVEL_NAMES, lpName } from '../core/lp.js';
import type { Flag, RubricResult } from '../core/rubric/index.js';
import { DIMENSIONS } from '../core/rubric/index.js';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  inverse: '\x1b[7m',
};

const VERDICT_LABEL = {
  'strong-hire': 'STRONG HIRE',
  'lean-hire': 'LEAN HIRE',
  'lean-no-hire': 'LEAN NO HIRE',
  'no-hire': 'NO HIRE',
} as const;

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

/** A readable terminal report of one scored answer. */
export function renderReport(input: string, result: RubricResult, color: boolean): string[] {
  const c = (code: keyof typeof ANSI, text: string) => (color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const verdictColor = result.verdict.startsWith('strong') || result.verdict === 'lean-hire' ? 'green' : 'red';
  const lines: string[] = [];
  const context = [LEVEL_NAMES[result.level], result.lp ? lpName(result.lp) : null].filter(Boolean).join(' · ');
  lines.push(
    `${c('bold', c(verdictColor, VERDICT_LABEL[result.verdict]))}  ${result.overall}/100  ${c('dim', context)}`,
  );
  lines.push('');
  for (const d of DIMENSIONS)
    lines.push(`  ${d.padEnd(11)} ${bar(result.dimensions[d])} ${String(result.dimensions[d]).padStart(3)}`);
  if (result.parts.length > 0) {
    lines.push('', c('bold', 'Timing (spoken at 150 words a minute)'));
    for (const p of result.parts) {
      const status = !p.found
        ? c('red', 'missing')
        : p.seconds > p.targetSeconds * 1.5
          ? c('yellow', 'long')
          : p.seconds < p.targetSeconds * 0.3
            ? c('yellow', 'thin')
            : c('green', 'ok');
      lines.push(
        `  ${p.part.padEnd(11)} ${String(p.seconds).padStart(4)} s / ${String(p.targetSeconds).padStart(3)} s  ${status}`,
      );
    }
    lines.push(
      `  ${'total'.padEnd(11)} ${String(result.seconds).padStart(4)} s / ${String(result.targetSeconds).padStart(3)} s`,
    );
  } else {
    lines.push('', `Length: ${result.words} words, about ${result.seconds} s`);
  }
  lines.push('', c('bold', 'Your answer, flagged words marked'), highlightFlags(input, result.flags, color).trim());
  if (result.flags.length > 0) {
    lines.push('', c('bold', 'Fixes'));
    const seen = new Set<string>();
    for (const f of result.flags) {
      const more = f.occurrences.length > 1 ? `(and ${f.occurrences.length - 1} more) ` : '';
      const quote = f.quote ? `"${f.quote.length > 60 ? `${f.quote.slice(0, 57)}…` : f.quote}" ${more}` : '';
      lines.push(`  ${c(f.severity === 'error' ? 'red' : 'yellow', f.id.padEnd(19))} ${quote}${f.message}`);
      const key = `${f.id}:${f.fix}`;
      if (!seen.has(key)) {
        seen.add(key);
        lines.push(`  ${' '.repeat(19)} ${c('dim', `→ ${f.fix}`)}`);
      }
    }
  }
  const strengths = result.strengths.filter((s) => s.id !== 'key-phrase' && s.id !== 'i-statement');
  const iCount = result.strengths.filter((s) => s.id === 'i-statement').length;
  if (strengths.length > 0 || iCount > 0) {
    lines.push('', c('bold', 'Strengths'));
    if (iCount > 0)
      lines.push(`  ${c('green', 'i-statement'.padEnd(19))} ${iCount} sentence(s) where you act in the first person`);
    for (const s of strengths) lines.push(`  ${c('green', s.id.padEnd(19))} "${s.quote}" ${c('dim', s.message)}`);
  }
  return lines;
}
