// `star eval FILE`: scores a labelled JSONL file (the shape of the rubric development set) and
// prints separation, verdict agreement, a confusion matrix and precision/recall per flag. By
// default the scores are cross-validated: each fold is scored by weights fitted without it.
import { readFileSync } from 'node:fs';
import { evaluate, finishScore, formatReport, type Judgement, type LabelledAnswer } from '../core/rubric/index.js';
import { parseFlags, UsageError } from './args.js';
import { analyseLabelled, crossValidate, judge, libraryExamples } from './calibration.js';
import type { Io } from './io.js';

export const DEFAULT_FOLDS = 5;

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
  const { values, positionals } = parseFlags(args, {
    cv: { type: 'string' },
    shipped: { type: 'boolean' },
    // Older name for --shipped, kept so existing scripts still run.
    'in-sample': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('eval takes one labelled JSONL FILE');
  const k = values.cv === undefined ? DEFAULT_FOLDS : Number(values.cv);
  if (!Number.isInteger(k) || k < 2) throw new UsageError('--cv takes a whole number of folds, 2 or more');
  const rows = readLabelled(positionals[0]);
  const analyses = analyseLabelled(rows);
  let judged: Judgement[];
  let title: string;
  if (values.shipped || values['in-sample']) {
    judged = analyses.map((a) => judge(finishScore(a)));
    title = 'shipped weights (fitted on the development set and the library)';
  } else {
    judged = crossValidate(rows, analyses, libraryExamples(), k);
    title = `${k}-fold cross-validated (each fold scored by weights fitted without it, plus the library)`;
  }
  for (const line of formatReport(evaluate(rows, judged), `eval ${positionals[0]}: ${title}`)) io.out(line);
  return 0;
}
