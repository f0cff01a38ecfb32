import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * Validated libraries are kept here between runs, one JSON file per fingerprint of the content and
 * of the code that validates it: parsing 1.8 MB of YAML through zod takes over a second, reading
 * the JSON a few milliseconds, and every start of the app, the CLI and each test worker pays it.
 */
export const DEFAULT_LIBRARY_CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/star-coach/', import.meta.url),
);

export interface LoadOptions {
  /** Where validated libraries are cached; false: always parse. */
  cacheDir?: string | false;
}

/**
 * Reads every scenario and question bank under `root` (one folder per LP), validates each with
 * zod and checks library-wide rules (unique ids, folder matches LP). Throws ContentError listing
 * every problem; returns the library sorted by file path so that order is stable.
 */
export function loadLibrary(root: string, options: LoadOptions = {}): Library {
  const cacheDir = options.cacheDir ?? DEFAULT_LIBRARY_CACHE_DIR;
  const sources = readSources(root);
  const cacheFile =
    cacheDir && sources.problems.length === 0
      ? path.join(cacheDir, `${CACHE_PREFIX}${fingerprint(sources.files)}.json`)
      : undefined;
  const cached = cacheFile ? readCached(cacheFile) : undefined;
  if (cached) return cached;
  const { problems, ...library } = validate(sources);
  if (problems.length > 0) throw new ContentError(problems);
  if (cacheFile) writeCached(cacheFile, library);
  return library;
}

/** Like loadLibrary, but returns the valid content together with the problems instead of throwing. */
export function readLibrary(root: string): Library & { problems: ContentProblem[] } {
  return validate(readSources(root));
}

interface SourceFile {
  folder: LpId;
  name: string;
  file: string;
  text: string;
}

interface Sources {
  files: SourceFile[];
  problems: ContentProblem[];
}

const rel = (file: string) => path.relative(process.cwd(), file) || file;

/** The content files in load order (folders, then files, by name), or the problems reading them. */
function readSources(root: string): Sources {
  const problems: ContentProblem[] = [];
  const files: SourceFile[] = [];
  let folders: string[];
  try {
    folders = readdirSync(root)
      .filter((name) => statSync(path.join(root, name)).isDirectory())
      .sort();
  } catch (err) {
    problems.push({ file: rel(root), field: '', message: `cannot read folder: ${(err as Error).message}` });
    return { files, problems };
  }
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!isLpId(folder)) {
      problems.push({ file: rel(dir), field: '', message: 'folder name is not a Leadership Principle id' });
      continue;
    }
    for (const name of listYaml(dir)) {
      const file = path.join(dir, name);
      files.push({ folder, name, file, text: readFileSync(file, 'utf8') });
    }
  }
  return { files, problems };
}

function validate(sources: Sources): Library & { problems: ContentProblem[] } {
  const problems = [...sources.problems];
  const scenarios: Scenario[] = [];
  const banks: QuestionBank[] = [];
  const files = new Map<string, string>();
  const idsSeen = new Map<string, string>();
  for (const { folder, name, file, text } of sources.files) {
    const claimId = (id: string, field: string) => {
      const other = idsSeen.get(id);
      if (other) problems.push({ file: rel(file), field, message: `id "${id}" is already used in ${other}` });
      else idsSeen.set(id, rel(file));
    };
    if (name === QUESTION_BANK_FILE) {
      const parsed = parseContent(rel(file), text, QuestionBankSchema);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      checkFolder(parsed.value.lp, folder, rel(file), problems);
      for (const [i, q] of parsed.value.questions.entries()) claimId(q.id, `questions.${i}.id`);
      files.set(bankKey(parsed.value.lp), rel(file));
      banks.push(parsed.value);
    } else {
      const parsed = parseContent(rel(file), text, ScenarioSchema);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      checkFolder(parsed.value.lp, folder, rel(file), problems);
      claimId(parsed.value.id, 'id');
      if (!files.has(parsed.value.id)) files.set(parsed.value.id, rel(file));
      scenarios.push(parsed.value);
    }
  }
  return { scenarios, banks, files, problems };
}

/**
 * The code whose change must invalidate a cached library: the schemas (with their transforms), the
 * vocabularies they check against, and this loader. Read as whichever of .ts or .js is running.
 */
const VALIDATING_CODE = ['../core/scenario', '../core/lp', '../core/scenario-vocabulary', './load-scenarios'];

/** The compiled build (.js) and tsx (.ts) fingerprint different code, so each keeps its own file. */
const RUNNING_EXT = path.extname(fileURLToPath(import.meta.url));
const CACHE_PREFIX = `library-${RUNNING_EXT.slice(1)}-`;

function fingerprint(files: SourceFile[]): string {
  const hash = createHash('sha256');
  const ext = RUNNING_EXT;
  for (const module of VALIDATING_CODE) hash.update(readFileSync(new URL(`${module}${ext}`, import.meta.url)));
  // Paths relative to the working directory are part of the result (Library.files).
  for (const { file, text } of files) hash.update(`\0${rel(file)}\0${text}`);
  return hash.digest('hex').slice(0, 32);
}

interface CachedLibrary {
  scenarios: Scenario[];
  banks: QuestionBank[];
  files: [string, string][];
}

function readCached(file: string): Library | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedLibrary;
    return { scenarios: cached.scenarios, banks: cached.banks, files: new Map(cached.files) };
  } catch {
    return undefined; // absent or unreadable: parse the YAML
  }
}

function writeCached(file: string, library: Library): void {
  const cached: CachedLibrary = { scenarios: library.scenarios, banks: library.banks, files: [...library.files] };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: another process reading at the same moment sees all of it or none.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(cached));
    renameSync(partial, file);
    // Libraries of older content or code are never read again (the other runtime's are kept).
    for (const name of readdirSync(path.dirname(file)))
      if (name.startsWith(CACHE_PREFIX) && name.endsWith('.json') && name !== path.basename(file))
        rmSync(path.join(path.dirname(file), name), { force: true });
  } catch {
    // A read-only install parses each time; that is slower, not wrong.
  }
}

function checkFolder(lp: LpId, folder: LpId, file: string, problems: ContentProblem[]): void {
  if (lp !== folder)
    problems.push({ file, field: 'lp', message: `is "${lp}" but the file is in the "${folder}" folder` });
}
