// `star eval FILE`: scores a labelled JSONL file (the shape of the rubric development set) and
// prints separation, verdict agreement, a confusion matrix and precision/recall per flag.
import { readFileSync } from 'node:fs';
import { LEADERSHIP_PRINCIPLES, type LpId } from '../core/lp.js';
import { evaluate, formatReport, type Judgement, type LabelledAnswer, scoreAnswer } from '../core/rubric/index.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

const LP_BY_NAME = new Map<string, LpId>(
  LEADERSHIP_PRINCIPLES.map((lp) => [lp.name.toLowerCase().replace(/[’']/g, "'"), lp.id]),
);

/** An LP given by its id or its name ("Earn Trust"), or null when it is neither. */
export function lpFromName(value: string): LpId | null {
  const key = value.toLowerCase().replace(/[’']/g, "'");
  return LP_BY_NAME.get(key) ?? LEADERSHIP_PRINCIPLES.find((lp) => lp.id === key)?.id ?? null;
}

export function readLabelled(file: string): LabelledAnswer[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as LabelledAnswer;
      } catch {
        throw new UsageError(`${file} line ${i + 1}: not valid JSON`);
      }
    });
}

export function runEvalCommand(args: string[], io: Io): number {
  const { positionals } = parseFlags(args, {});
  if (positionals.length !== 1) throw new UsageError('eval takes one labelled JSONL FILE');
  const rows = readLabelled(positionals[0]);
  const judged: Judgement[] = rows.map((row) => {
    const result = scoreAnswer(row.text, { lp: lpFromName(row.lp) ?? undefined, level: row.level });
    return { overall: result.overall, verdict: result.verdict, flags: new Set(result.flags.map((f) => f.id)) };
  });
  for (const line of formatReport(evaluate(rows, judged), `eval ${positionals[0]}: rubric as shipped`)) io.out(line);
  return 0;
}
