import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { isLpId, type LpId } from '../core/lp.js';
import { type QuestionBank, QuestionBankSchema, type Scenario, ScenarioSchema } from '../core/scenario.js';
import { ContentError, type ContentProblem } from './content-error.js';

export { ContentError, type ContentProblem, formatProblem } from './content-error.js';

/** The file name, inside an LP folder, that holds that LP's question bank. */
export const QUESTION_BANK_FILE = 'questions.yaml';

export interface Library {
  scenarios: Scenario[];
  banks: QuestionBank[];
  /** Where each item came from, relative to the working directory: scenario id or `bank:<lp>` → file. */
  files: Map<string, string>;
}

/** The key of an LP's question bank in `Library.files`. */
export const bankKey = (lp: LpId) => `bank:${lp}`;

function fieldPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.map((key) => String(key)).join('.') || '(root)';
}

/** The value at an issue's path in the parsed document, or undefined when the key is absent. */
function valueAt(data: unknown, issuePath: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of issuePath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function zodProblems(file: string, error: z.ZodError, data: unknown): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: fieldPath(issue.path),
    // zod's wording for an absent key is about types or options; authors need to hear that it is missing.
    message:
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(data, issue.path) === undefined
        ? 'is required but missing'
        : issue.message,
  }));
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

/** Parses one YAML text against a schema; `file` is only used to label problems. */
export function parseContent<T>(file: string, source: string, schema: z.ZodType<T>): Parsed<T> {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((err) => ({
        file,
        field: err.linePos ? `line ${err.linePos[0].line}` : '',
        message: `YAML syntax: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const data = doc.toJS();
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: zodProblems(file, result.error, data) };
}

function listYaml(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
}

/**
 * Reads every scenario and question bank under `root` (one folder per LP), validates each with
 * zod and checks library-wide rules (unique ids, folder matches LP). Throws ContentError listing
 * every problem; returns the library sorted by file path so that order is stable.
 */
export function loadLibrary(root: string): Library {
  const { problems, ...library } = readLibrary(root);
  if (problems.length > 0) throw new ContentError(problems);
  return library;
}

/** Like loadLibrary, but returns the valid content together with the problems instead of throwing. */
export function readLibrary(root: string): Library & { problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const scenarios: Scenario[] = [];
  const banks: QuestionBank[] = [];
  const files = new Map<string, string>();
  const idsSeen = new Map<string, string>();
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  let folders: string[];
  try {
    folders = readdirSync(root)
      .filter((name) => statSync(path.join(root, name)).isDirectory())
      .sort();
  } catch (err) {
    problems.push({ file: rel(root), field: '', message: `cannot read folder: ${(err as Error).message}` });
    return { scenarios, banks, files, problems };
  }

  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!isLpId(folder)) {
      problems.push({ file: rel(dir), field: '', message: 'folder name is not a Leadership Principle id' });
      continue;
    }
    for (const name of listYaml(dir)) {
      const file = path.join(dir, name);
      const source = readFileSync(file, 'utf8');
      const claimId = (id: string, field: string) => {
        const other = idsSeen.get(id);
        if (other) problems.push({ file: rel(file), field, message: `id "${id}" is already used in ${other}` });
        else idsSeen.set(id, rel(file));
      };
      if (name === QUESTION_BANK_FILE) {
        const parsed = parseContent(rel(file), source, QuestionBankSchema);
        if (!parsed.ok) {
          problems.push(...parsed.problems);
          continue;
        }
        checkFolder(parsed.value.lp, folder as LpId, rel(file), problems);
        for (const [i, q] of parsed.value.questions.entries()) claimId(q.id, `questions.${i}.id`);
        files.set(bankKey(parsed.value.lp), rel(file));
        banks.push(parsed.value);
      } else {
        const parsed = parseContent(rel(file), source, ScenarioSchema);
        if (!parsed.ok) {
          problems.push(...parsed.problems);
          continue;
        }
        checkFolder(parsed.value.lp, folder as LpId, rel(file), problems);
        claimId(parsed.value.id, 'id');
        if (!files.has(parsed.value.id)) files.set(parsed.value.id, rel(file));
        scenarios.push(parsed.value);
      }
    }
  }
  return { scenarios, banks, files, problems };
}

function checkFolder(lp: LpId, folder: LpId, file: string, problems: ContentProblem[]): void {
  if (lp !== folder)
    problems.push({ file, field: 'lp', message: `is "${lp}" but the file is in the "${folder}" folder` });
}
