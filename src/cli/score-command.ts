import { createReadStream, statSync } from 'node:fs';
import { LEVELS, type Level, LP_IDS, type LpId } from '../core/lp.js';
import { type RubricResult, scoreAnswer } from '../core/rubric/index.js';
import { countWords, normaliseMrkdwn } from '../core/rubric/normalise.js';
import type { Scenario } from '../core/scenario.js';
import { parseChoice, parseFlags, UsageError } from './args.js';
import { decodeAnswer, MAX_INPUT_BYTES, readInput } from './input.js';
import type { Io } from './io.js';

// `score --jsonl` is the bulk path: the scenario library (YAML, schemas), the text report and the
// transcript code are loaded only by the inputs that need them, so plain scoring starts quickly.

/** Finds scenarios by id; the library's code is loaded, and the library read, on first use. */
function lazyScenarioFinder(): (id: string) => Promise<Scenario> {
  let find: ((id: string) => Scenario) | undefined;
  return async (id) => {
    find ??= (await import('./scenario-finder.js')).scenarioFinder();
    return find(id);
  };
}

/** An LP id, any case; a mistake says the nearest id and lists them all. */
export function parseLp(value: string | undefined): LpId | undefined {
  return value === undefined ? undefined : parseChoice(value, LP_IDS, 'LP');
}

/** A level, any case; a mistake says the nearest and lists them. */
export function parseLevel(value: string | undefined): Level | undefined {
  return value === undefined ? undefined : parseChoice(value, LEVELS, 'level');
}

/** The JSON shape promised to scripts: stable field names, offsets into the input. */
export function toJson(result: RubricResult) {
  return {
    overall: result.overall,
    verdict: result.verdict,
    level: result.level,
    lp: result.lp,
    dimensions: result.dimensions,
    flags: result.flags.map(({ id, severity, part, start, end, quote, message, fix }) => ({
      id,
      severity,
      part,
      start,
      end,
      quote,
      message,
      fix,
    })),
    strengths: result.strengths,
    parts: result.parts.map(({ part, found, start, end, words, seconds, targetSeconds }) => ({
      part,
      found,
      start,
      end,
      words,
      seconds,
      targetSeconds,
    })),
    words: result.words,
    seconds: result.seconds,
    rubricVersion: result.rubricVersion,
  };
}

export async function runScoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    lp: { type: 'string' },
    level: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    vtt: { type: 'string' },
    question: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`score takes one FILE (or -), got ${positionals.length}`);
  const findScenario = lazyScenarioFinder();
  if (values.jsonl) {
    if (values.json || values.lp || values.level || values.scenario || values.question) {
      throw new UsageError('--jsonl takes lp, level, scenario and question from each line, not from flags');
    }
    return scoreJsonLines(positionals[0], io, findScenario);
  }
  const lp = parseLp(values.lp);
  const level = parseLevel(values.level);
  const scenario = values.scenario ? await findScenario(values.scenario) : undefined;
  if (values.vtt !== undefined) {
    if (positionals.length > 0) throw new UsageError('score --vtt FILE scores the transcript; give no other FILE');
    return scoreTranscript(
      values.vtt,
      io,
      { lp, level, scenario, question: values.question ?? scenario?.question },
      values.json === true,
    );
  }
  if ((positionals[0] === undefined || positionals[0] === '-') && io.stdinIsTTY)
    io.err('Type or paste your answer, then press Ctrl-D on a new line to score it.');
  const { bytes, source } = await readInput(positionals[0], io);
  const text = decodeAnswer(bytes, source);
  if (countWords(normaliseMrkdwn(text)) === 0)
    throw new UsageError(`${source} has no words to score (only markup or emoji)`);
  const result = scoreAnswer(text, { lp, level, scenario, question: values.question ?? scenario?.question });
  if (values.json) io.out(JSON.stringify(toJson(result)));
  else {
    const { renderReport } = await import('./report.js');
    for (const line of renderReport(text, result, io.color, io.columns)) io.out(line);
  }
  return 0;
}

/** A spoken answer from a WebVTT transcript: the rubric's report and the real timing from the cue times. */
async function scoreTranscript(
  file: string,
  io: Io,
  options: { lp?: LpId; level?: Level; scenario?: Scenario; question?: string },
  json: boolean,
): Promise<number> {
  const { bytes, source } = await readInput(file, io);
  const [{ parseVtt }, { analyseSpokenAnswer }, { renderReport }, { renderSpokenTiming }] = await Promise.all([
    import('../core/vtt.js'),
    import('../core/spoken.js'),
    import('./report.js'),
    import('./spoken-report.js'),
  ]);
  const cues = parseVtt(decodeAnswer(bytes, source));
  if (cues.length === 0) throw new UsageError(`${source} has no WebVTT cues with words (is it a .vtt transcript?)`);
  const spoken = analyseSpokenAnswer(cues, options);
  if (json) io.out(JSON.stringify({ ...toJson(spoken.result), spoken: spoken.timing }));
  else {
    for (const line of renderReport(spoken.text, spoken.result, io.color, io.columns)) io.out(line);
    for (const line of renderSpokenTiming(spoken.timing)) io.out(line);
  }
  return 0;
}

interface JsonLine {
  id?: string | number;
  text: string;
  lp?: string;
  level?: string;
  scenario?: string;
  question?: string;
}

const MAX_QUESTION_CHARS = 2000;
const JSON_LINE_KEYS = new Set(['id', 'text', 'lp', 'level', 'scenario', 'question']);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** The common case checked by hand: a well-formed line needs no schema library. */
function isJsonLine(raw: unknown): raw is JsonLine {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const line = raw as Record<string, unknown>;
  for (const key in line) if (!JSON_LINE_KEYS.has(key)) return false;
  return (
    typeof line.text === 'string' &&
    (line.id === undefined || typeof line.id === 'string' || typeof line.id === 'number') &&
    optionalString(line.lp) &&
    optionalString(line.level) &&
    optionalString(line.scenario) &&
    optionalString(line.question) &&
    (line.question === undefined || (line.question as string).length <= MAX_QUESTION_CHARS)
  );
}

/** Why a line is not a JSON line, in the schema's words (zod is loaded only for a bad line). */
async function jsonLineProblem(raw: unknown): Promise<string> {
  const { z } = await import('zod');
  const schema = z.strictObject({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string(),
    lp: z.string().optional(),
    level: z.string().optional(),
    scenario: z.string().optional(),
    question: z.string().max(MAX_QUESTION_CHARS).optional(),
  });
  const parsed = schema.safeParse(raw);
  if (parsed.success) return 'line: not a JSON line';
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'line'}: ${issue.message}`;
}

/** A line longer than this is reported as an error and skipped (memory stays bounded). */
const MAX_LINE_BYTES = 2 * MAX_INPUT_BYTES;

/**
 * The lines of a byte stream, split on LF, one batch per chunk read (so output can be written per
 * batch, not per line); a line past `max` bytes comes as `undefined` (its bytes dropped).
 */
async function* byteLines(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  max: number,
): AsyncGenerator<(Buffer | undefined)[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  for await (const chunk of chunks) {
    const batch: (Buffer | undefined)[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl);
      batch.push(tooLong || size + piece.length > max ? undefined : Buffer.concat([...parts, piece]));
      parts = [];
      size = 0;
      tooLong = false;
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    if (!tooLong && size + rest.length > max) {
      tooLong = true;
      parts = [];
    }
    if (!tooLong && rest.length > 0) {
      parts.push(Buffer.from(rest));
      size += rest.length;
    }
    if (batch.length > 0) yield batch;
  }
  if (tooLong) yield [undefined];
  else if (size > 0) yield [Buffer.concat(parts)];
}

/** A JSON-lines FILE (or standard input) as a stream of chunks; a missing file is one clear error. */
async function jsonLinesSource(
  file: string | undefined,
  io: Io,
): Promise<{ chunks: AsyncIterable<Buffer> | Iterable<Buffer>; source: string }> {
  if (file === undefined || file === '-') {
    const chunks = io.stdinChunks ? io.stdinChunks() : [await io.readStdin()];
    return { chunks, source: 'standard input' };
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  return { chunks: createReadStream(file, { highWaterMark: 256 * 1024 }), source: file };
}

interface LineOutcome {
  /** The JSON to print, or undefined for a blank line. */
  json?: string;
  failed: boolean;
}

/** Scores one JSON line (line `index` of the input): a result, or the error that line has. */
async function scoreJsonLine(
  bytes: Buffer | undefined,
  index: number,
  decoder: InstanceType<typeof TextDecoder>,
  findScenario: (id: string) => Promise<Scenario>,
): Promise<LineOutcome> {
  let id: string | number | null = null;
  try {
    if (bytes === undefined) throw new UsageError(`line ${index}: longer than ${MAX_LINE_BYTES} bytes`);
    if (bytes.includes(0)) throw new UsageError(`line ${index}: looks binary (it contains NUL bytes)`);
    let line: string;
    try {
      line = decoder.decode(bytes);
    } catch {
      throw new UsageError(`line ${index}: not valid UTF-8 text`);
    }
    if (line.trim() === '') return { failed: false };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UsageError(`line ${index}: not valid JSON`);
    }
    if (raw && typeof raw === 'object' && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number'))
      id = raw.id;
    if (!isJsonLine(raw)) throw new UsageError(`line ${index}: ${await jsonLineProblem(raw)}`);
    const { text } = raw;
    if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
      throw new UsageError(`line ${index}: text is longer than ${MAX_INPUT_BYTES} bytes`);
    if (text.trim() === '') throw new UsageError(`line ${index}: text is empty`);
    const scenario = raw.scenario ? await findScenario(raw.scenario) : undefined;
    const result = scoreAnswer(text, {
      lp: parseLp(raw.lp),
      level: parseLevel(raw.level),
      scenario,
      question: raw.question ?? scenario?.question,
    });
    return { json: JSON.stringify({ id, ...toJson(result) }), failed: false };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { json: JSON.stringify({ id, error: err.message }), failed: true };
  }
}

/**
 * Scores one JSON object a line, streaming: any size of input in bounded memory, one result (or
 * one error) out per line, written once per chunk read (a write per line cost more than parsing
 * it). A bad line is reported on its own and the rest go on.
 */
async function scoreJsonLines(
  file: string | undefined,
  io: Io,
  findScenario: (id: string) => Promise<Scenario>,
): Promise<number> {
  const { chunks, source } = await jsonLinesSource(file, io);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  let failed = 0;
  let written = 0;
  for await (const batch of byteLines(chunks, MAX_LINE_BYTES)) {
    const out: string[] = [];
    try {
      for (const bytes of batch) {
        const outcome = await scoreJsonLine(bytes, ++index, decoder, findScenario);
        if (outcome.json === undefined) continue;
        out.push(outcome.json);
        if (outcome.failed) failed++;
      }
    } finally {
      // What was scored before an unexpected error is still written.
      if (out.length > 0 && io.outLines) io.outLines(out);
      else for (const line of out) io.out(line);
      written += out.length;
    }
  }
  if (written === 0) throw new UsageError(`${source} is empty; give one JSON object per line`);
  return failed > 0 ? 2 : 0;
}
