// Pure metrics for judging the rubric against labelled answers: separation (AUC), verdict
// agreement, a label-by-verdict confusion matrix and precision/recall per flag. The CLI's
// `star eval` reads the file and prints these; nothing here touches the disk.

import type { Level } from '../lp.js';
import { FLAG_IDS, VERDICTS, type Verdict } from './types.js';

export const LABELS = ['strong', 'mixed', 'weak'] as const;
export type Label = (typeof LABELS)[number];

/** One labelled answer as the development set writes it (extra keys are ignored). */
export interface LabelledAnswer {
  id: string;
  lp: string;
  question: string;
  text: string;
  label: Label;
  expected_flags: string[];
  must_not_flag: string[];
  level: Level;
  style?: string;
}

/** What the rubric said about one labelled answer. */
export interface Judgement {
  overall: number;
  verdict: Verdict;
  flags: ReadonlySet<string>;
}

/**
 * Verdicts that agree with a label. Strong answers belong in the hire bands, weak ones in the
 * no-hire bands, and mixed ones (one real problem) in the two middle bands.
 */
export const AGREEING: Record<Label, readonly Verdict[]> = {
  strong: ['strong-hire', 'lean-hire'],
  mixed: ['lean-hire', 'lean-no-hire'],
  weak: ['lean-no-hire', 'no-hire'],
};

/** Mann–Whitney AUC of score for positives over negatives, ties counting one half. */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const sorted = [...negatives].sort((a, b) => a - b);
  let wins = 0;
  for (const p of positives) {
    // Negatives strictly below p, and equal to p, by binary search: O((n + m) log m).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    let eq = lo;
    while (eq < sorted.length && sorted[eq] === p) eq++;
    wins += lo + 0.5 * (eq - lo);
  }
  return wins / (positives.length * negatives.length);
}

export interface FlagStats {
  flag: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  n: number;
  auc: number;
  /** Agreement on strong + weak answers, overall and per level. */
  agreement: { overall: number; byLevel: Record<Level, number>; n: number };
  /** Share of mixed answers in the two middle bands. */
  mixedInMiddle: number;
  /** confusion[label][verdict] = count. */
  confusion: Record<Label, Record<Verdict, number>>;
  flags: FlagStats[];
  micro: { precision: number; recall: number; tp: number; fp: number; fn: number };
  /** False positives over all must_not_flag entries. */
  falseFlagRate: number;
  /** Agreement on strong + weak answers per writing style. */
  byStyle: Record<string, { n: number; agreement: number }>;
}

function tally(totals: Record<string, [number, number]>, key: string, agrees: boolean): void {
  const entry = totals[key] ?? [0, 0];
  entry[0]++;
  if (agrees) entry[1]++;
  totals[key] = entry;
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);

/** Scores the judgements against the labels (same order, same length). */
export function evaluate(rows: readonly LabelledAnswer[], judged: readonly Judgement[]): EvalReport {
  const strong: number[] = [];
  const weak: number[] = [];
  const confusion = Object.fromEntries(
    LABELS.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, 0]))]),
  ) as Record<Label, Record<Verdict, number>>;
  const levelTotals: Record<string, [number, number]> = {};
  const styleTotals: Record<string, [number, number]> = {};
  let agreeing = 0;
  let scored = 0;
  let mixed = 0;
  let mixedAgreeing = 0;
  const flagIds = new Set<string>(FLAG_IDS);
  for (const r of rows) for (const f of [...r.expected_flags, ...r.must_not_flag]) flagIds.add(f);
  const stats = new Map<string, FlagStats>(
    [...flagIds].map((flag) => [flag, { flag, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 }]),
  );
  let mustNot = 0;
  rows.forEach((row, i) => {
    const j = judged[i];
    confusion[row.label][j.verdict]++;
    const agrees = AGREEING[row.label].includes(j.verdict);
    if (row.label === 'mixed') {
      mixed++;
      if (agrees) mixedAgreeing++;
    } else {
      (row.label === 'strong' ? strong : weak).push(j.overall);
      scored++;
      if (agrees) agreeing++;
      tally(levelTotals, row.level, agrees);
      tally(styleTotals, row.style ?? 'unknown', agrees);
    }
    for (const flag of row.expected_flags) {
      const s = stats.get(flag) as FlagStats;
      if (j.flags.has(flag)) s.tp++;
      else s.fn++;
    }
    for (const flag of row.must_not_flag) {
      mustNot++;
      if (j.flags.has(flag)) (stats.get(flag) as FlagStats).fp++;
    }
  });
  const flags = [...stats.values()]
    .filter((s) => s.tp + s.fp + s.fn > 0 || rows.some((r) => r.must_not_flag.includes(s.flag)))
    .map((s) => ({ ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) }));
  const tp = flags.reduce((n, s) => n + s.tp, 0);
  const fp = flags.reduce((n, s) => n + s.fp, 0);
  const fn = flags.reduce((n, s) => n + s.fn, 0);
  const byLevel = { sde1: Number.NaN, sde2: Number.NaN, senior: Number.NaN } as Record<Level, number>;
  for (const [level, [n, a]] of Object.entries(levelTotals)) byLevel[level as Level] = ratio(a, n);
  return {
    n: rows.length,
    auc: auc(strong, weak),
    agreement: { overall: ratio(agreeing, scored), byLevel, n: scored },
    mixedInMiddle: ratio(mixedAgreeing, mixed),
    confusion,
    flags,
    micro: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn },
    falseFlagRate: ratio(fp, mustNot),
    byStyle: Object.fromEntries(Object.entries(styleTotals).map(([s, [n, a]]) => [s, { n, agreement: ratio(a, n) }])),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2));

/** The report as text; the last six lines are a compact summary that hooks read with `tail -n 6`. */
export function formatReport(report: EvalReport, title: string): string[] {
  const lines: string[] = [title, ''];
  lines.push('label \\ verdict   strong-hire  lean-hire  lean-no-hire  no-hire');
  for (const label of LABELS) {
    const row = report.confusion[label];
    lines.push(`${label.padEnd(16)} ${VERDICTS.map((v, i) => String(row[v]).padStart([11, 10, 13, 8][i])).join(' ')}`);
  }
  lines.push('');
  lines.push('flag                 TP   FP   FN  precision  recall');
  for (const s of report.flags) {
    lines.push(
      `${s.flag.padEnd(19)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  lines.push('');
  lines.push(
    `by style (strong+weak agreement): ${Object.entries(report.byStyle)
      .map(([s, v]) => `${s} ${pct(v.agreement)} (${v.n})`)
      .join(', ')}`,
  );
  lines.push('');
  // The compact summary: exactly six lines.
  const { byLevel } = report.agreement;
  const worst = report.flags
    .filter((s) => s.tp + s.fn >= 5)
    .map((s) => ({ s, f: Math.min(Number.isNaN(s.precision) ? 0 : s.precision, s.recall) }))
    .sort((a, b) => a.f - b.f)
    .slice(0, 4)
    .map(({ s }) => `${s.flag} ${pct(s.precision)}/${pct(s.recall)}`);
  lines.push(`summary (${report.n} answers; strong vs weak, mixed reported apart)`);
  lines.push(`AUC ${Number.isNaN(report.auc) ? '-' : report.auc.toFixed(3)}`);
  lines.push(
    `agreement ${pct(report.agreement.overall)} (sde1 ${pct(byLevel.sde1)}, sde2 ${pct(byLevel.sde2)}, senior ${pct(byLevel.senior)}); mixed in middle bands ${pct(report.mixedInMiddle)}`,
  );
  lines.push(
    `flags micro P/R ${pct(report.micro.precision)}/${pct(report.micro.recall)}; false flags on must-not ${pct(report.falseFlagRate)}`,
  );
  lines.push(`worst flags (P/R): ${worst.join(', ')}`);
  lines.push(`strong→hire bands, weak→no-hire bands, mixed→middle bands`);
  return lines;
}
