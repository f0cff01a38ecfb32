// `npx tsx bench/nlp-compare.ts`: our hand-written language layer against two NLP libraries
// (wink-nlp with its lite English model, and compromise), measured on what the rubric needs:
//  (a) sentence boundaries in answers typed in lower case without punctuation (gold: the
//      boundaries of the original punctuated answer), precision and recall;
//  (b) negation of a cue word on a small labelled set (test/fixtures/rubric/negation.jsonl);
//  (c) answers a second (ours: normalise + sentences + STAR parts + story counts; the libraries:
//      tokens + sentences + part-of-speech tags), start-up / model-load time and install size.
// Reads the development set (../shared/rubric-dev/answers.jsonl) when it is there, and the hold-out.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemSentence } from 'wink-nlp';
import { buildContext } from '../src/core/rubric/context.js';
import { negated } from '../src/core/rubric/engine.js';
import { normaliseMrkdwn, splitSentences } from '../src/core/rubric/normalise.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

const sets: { name: string; texts: string[] }[] = [];
const devFile = path.join(ROOT, '../shared/rubric-dev/answers.jsonl');
const devFallback = path.join(ROOT, '../../shared/rubric-dev/answers.jsonl');
for (const [name, file] of [
  ['dev', existsSync(devFile) ? devFile : devFallback],
  ['holdout', path.join(ROOT, 'test/fixtures/rubric/holdout.jsonl')],
] as const) {
  if (existsSync(file)) sets.push({ name, texts: readJsonl<{ text: string }>(file).map((r) => r.text) });
}
if (sets.length === 0) throw new Error('no labelled answers found');

// ---------------------------------------------------------------------------------------------
// Libraries, with their load time.
let started = performance.now();
const { default: winkNLP } = await import('wink-nlp');
const { default: winkModel } = await import('wink-eng-lite-web-model');
const wink = winkNLP(winkModel);
const its = wink.its;
const winkLoadMs = performance.now() - started;
started = performance.now();
const { default: compromise } = await import('compromise');
compromise('Warm the lexicon.').json();
const compromiseLoadMs = performance.now() - started;
started = performance.now();
await import('../src/core/rubric/index.js');
const oursLoadMs = performance.now() - started;

// ---------------------------------------------------------------------------------------------
// (a) Sentence boundaries without punctuation or case.
const STRIPPED = /[.,!?;:]/;
const SENTENCE_END = /[.!?]+["”')\]]*(?=\s|$)/y;

/**
 * The answer lower-cased with punctuation removed and line breaks as spaces, and the gold
 * boundaries in it; with `keep`, the text as written (a check that the harness is fair).
 */
function strip(text: string, keep = false): { text: string; gold: Set<number> } {
  if (keep) {
    const gold = new Set<number>();
    for (const m of text.matchAll(/[.!?]+["”')\]]*(?=\s|$)|\n/g)) {
      const word = wordAt(text, m.index + m[0].length);
      if (word > 0 && word < wordCount(text)) gold.add(word);
    }
    return { text, gold };
  }
  let out = '';
  const goldOffsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    SENTENCE_END.lastIndex = i;
    const end = SENTENCE_END.exec(text);
    if (end) {
      // The next word after this punctuation (and any closing quote) starts a sentence.
      out += end[0].replace(/[.!?]/g, '');
      goldOffsets.push(out.length);
      i += end[0].length - 1;
      continue;
    }
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      goldOffsets.push(out.length);
      out += ' ';
    } else if (!STRIPPED.test(ch)) out += ch.toLowerCase();
  }
  const gold = new Set<number>();
  for (const offset of goldOffsets) {
    const word = wordAt(out, offset);
    if (word > 0 && word < wordCount(out)) gold.add(word);
  }
  return { text: out, gold };
}

/** Index of the word a sentence starting at offset begins with: the words wholly or partly before it. */
const wordAt = (text: string, offset: number) => wordCount(text.slice(0, offset));
const wordCount = (text: string) => (text.trim() === '' ? 0 : text.trim().split(/\s+/).length);

function boundariesFrom(text: string, starts: number[]): Set<number> {
  const found = new Set<number>();
  const total = wordCount(text);
  for (const start of starts) {
    const word = wordAt(text, start);
    if (word > 0 && word < total) found.add(word);
  }
  return found;
}

const splitters: Record<string, (text: string) => number[]> = {
  ours: (text) => splitSentences(normaliseMrkdwn(text)).map((s) => s.start),
  'wink-nlp': (text) => {
    const doc = wink.readDoc(text);
    const tokens = doc.tokens().out();
    // Token offsets by walking the text (wink gives spans in token indices).
    const offsets: number[] = [];
    let at = 0;
    for (const token of tokens) {
      const i = text.indexOf(token, at);
      offsets.push(i < 0 ? at : i);
      at = i < 0 ? at : i + token.length;
    }
    const starts: number[] = [];
    doc.sentences().each((s: ItemSentence) => {
      const [first] = s.out(its.span) as unknown as [number, number];
      starts.push(offsets[first] ?? 0);
    });
    return starts;
  },
  compromise: (text) =>
    (compromise(text).sentences().json({ offset: true }) as { offset: { start: number } }[]).map((s) => s.offset.start),
};

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const boundaryRows: string[] = [];
for (const { set, keep } of sets.flatMap((set) => [
  { set, keep: true },
  { set, keep: false },
])) {
  const stripped = set.texts.map((text) => strip(text, keep));
  for (const [name, split] of Object.entries(splitters)) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const { text, gold } of stripped) {
      const found = boundariesFrom(text, split(text));
      for (const b of found)
        if (gold.has(b)) c.tp++;
        else c.fp++;
      for (const b of gold) if (!found.has(b)) c.fn++;
    }
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    boundaryRows.push(
      `| ${set.name} (${set.texts.length}) | ${keep ? 'as written' : 'lower case, no punctuation'} | ${name} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${((2 * p * r) / (p + r || 1)).toFixed(2)} | ${c.tp + c.fn} |`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// (b) Negation of a cue word.
interface NegationCase {
  text: string;
  cue: string;
  negated: boolean;
}
const negationCases = readJsonl<NegationCase>(path.join(ROOT, 'test/fixtures/rubric/negation.jsonl'));
const negators: Record<string, (c: NegationCase) => boolean> = {
  ours: (c) => {
    const clean = normaliseMrkdwn(c.text);
    return negated(clean, clean.indexOf(c.cue));
  },
  'wink-nlp': (c) => {
    const doc = wink.readDoc(c.text);
    const tokens = doc.tokens().out();
    const flags = doc.tokens().out(its.negationFlag) as unknown as boolean[];
    const i = tokens.findIndex((t) => t.toLowerCase() === c.cue.toLowerCase());
    return i >= 0 && flags[i] === true;
  },
  compromise: (c) => {
    // The verb phrase holding the cue, or else the last verb before it in its sentence.
    const at = c.text.indexOf(c.cue);
    const verbs = compromise(c.text).verbs().json({ offset: true }) as {
      offset: { start: number; length: number };
      verb?: { negative?: boolean };
    }[];
    const holding = verbs.find((v) => v.offset.start <= at && at < v.offset.start + v.offset.length);
    const before = verbs.filter((v) => v.offset.start <= at).pop();
    return (holding ?? before)?.verb?.negative === true;
  },
};
const negationRows: string[] = [];
for (const [name, judge] of Object.entries(negators)) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const c of negationCases) {
    const said = judge(c);
    if (said === c.negated) right++;
    if (said && c.negated) tp++;
    else if (said) fp++;
    else if (c.negated) fn++;
  }
  negationRows.push(
    `| ${name} | ${(right / negationCases.length).toFixed(2)} | ${(tp / (tp + fp || 1)).toFixed(2)} | ${(tp / (tp + fn || 1)).toFixed(2)} |`,
  );
}

// ---------------------------------------------------------------------------------------------
// (c) Speed, load time and install size.
const allTexts = sets.flatMap((s) => s.texts);
const rate = (work: (text: string) => unknown) => {
  for (const text of allTexts.slice(0, 30)) work(text);
  const rounds = 3;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of allTexts) work(text);
  return (rounds * allTexts.length) / ((performance.now() - t) / 1000);
};
const speeds: Record<string, number> = {
  ours: rate((text) =>
    buildContext(text, { kind: 'answer', level: 'sde2', lp: null, scenario: null, question: undefined }),
  ),
  'wink-nlp': rate((text) => {
    const doc = wink.readDoc(text);
    doc.sentences().length();
    doc.tokens().out(its.pos);
  }),
  compromise: rate((text) => {
    const doc = compromise(text);
    doc.sentences().length;
    doc.terms().json();
  }),
};
const sizeOf = (...dirs: string[]) =>
  Number(
    execFileSync('du', ['-sk', ...dirs.map((d) => path.join(ROOT, 'node_modules', d))])
      .toString()
      .split('\n')
      .filter(Boolean)
      .reduce((n, line) => n + Number(line.split('\t')[0]), 0),
  );
const sizes: Record<string, string> = {
  ours: `${(
    Number(
      execFileSync('du', ['-sk', path.join(ROOT, 'src/core/rubric')])
        .toString()
        .split('\t')[0],
    ) / 1024
  ).toFixed(1)} MB (src/core/rubric, all of it)`,
  'wink-nlp': `${(sizeOf('wink-nlp', 'wink-eng-lite-web-model') / 1024).toFixed(1)} MB`,
  compromise: `${(sizeOf('compromise', 'efrt', 'suffix-thumb') / 1024).toFixed(1)} MB`,
};
const loads: Record<string, number> = { ours: oursLoadMs, 'wink-nlp': winkLoadMs, compromise: compromiseLoadMs };

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`\n${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, load ${load}`);
console.log(
  '\n(a) Sentence boundaries as written and in lower case without punctuation (gold: the punctuated original)\n',
);
console.log('| set | form | splitter | precision | recall | F1 | gold boundaries |');
console.log('|---|---|---|---|---|---|---|');
for (const row of boundaryRows) console.log(row);
console.log(`\n(b) Negation of a cue word (${negationCases.length} labelled sentences)\n`);
console.log('| judge | accuracy | precision | recall |');
console.log('|---|---|---|---|');
for (const row of negationRows) console.log(row);
console.log(`\n(c) Speed on ${allTexts.length} answers, load time, install size\n`);
console.log('| | answers/s | load (import + model) | install size |');
console.log('|---|---|---|---|');
for (const name of Object.keys(speeds))
  console.log(
    `| ${name} | ${Math.round(speeds[name]).toLocaleString('en-US')} | ${loads[name].toFixed(0)} ms | ${sizes[name]} |`,
  );
