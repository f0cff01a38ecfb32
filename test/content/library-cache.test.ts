// The cache of validated libraries: the same library as parsing the YAML, reused only while the
// content is byte for byte the same, never holding broken content, and optional.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Two LP folders of the shipped library, copied so a test may change them. */
function someContent(): string {
  const root = temp('star-content-');
  for (const lp of ['ownership', 'frugality'])
    cpSync(path.join(DEFAULT_SCENARIOS_DIR, lp), path.join(root, lp), { recursive: true });
  return root;
}

const cachedFiles = (cacheDir: string) => readdirSync(cacheDir).filter((name) => name.endsWith('.json'));

describe('the validated-library cache', () => {
  it('gives the shipped library exactly as parsing the YAML does', () => {
    const cacheDir = temp('star-cache-');
    const parsed = loadLibrary(DEFAULT_SCENARIOS_DIR, { cacheDir: false });
    const first = loadLibrary(DEFAULT_SCENARIOS_DIR, { cacheDir });
    expect(cachedFiles(cacheDir)).toHaveLength(1);
    const fromCache = loadLibrary(DEFAULT_SCENARIOS_DIR, { cacheDir });
    expect(first).toEqual(parsed);
    expect(fromCache).toEqual(parsed);
    expect(fromCache.files).toBeInstanceOf(Map);
  });

  it('is read while the content is unchanged, and parsed again (replacing it) after any edit', () => {
    const root = someContent();
    const cacheDir = temp('star-cache-');
    loadLibrary(root, { cacheDir });
    const [name] = cachedFiles(cacheDir);
    // A marker written into the cached copy shows that the next load came from it.
    const file = path.join(cacheDir, name);
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    cached.scenarios[0].title = 'from the cache';
    writeFileSync(file, JSON.stringify(cached));
    expect(loadLibrary(root, { cacheDir }).scenarios[0].title).toBe('from the cache');

    const scenarioFile = path.join(
      root,
      'ownership',
      readdirSync(path.join(root, 'ownership')).find((f) => f !== 'questions.yaml') ?? '',
    );
    writeFileSync(scenarioFile, `${readFileSync(scenarioFile, 'utf8')}\n# an edit\n`);
    expect(loadLibrary(root, { cacheDir }).scenarios[0].title).not.toBe('from the cache');
    expect(cachedFiles(cacheDir)).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });

  it('never serves or stores a library whose content is broken', () => {
    const root = someContent();
    const cacheDir = temp('star-cache-');
    loadLibrary(root, { cacheDir });
    const bank = path.join(root, 'frugality', 'questions.yaml');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace(/^lp: .*$/m, 'lp: not-a-principle'));
    expect(() => loadLibrary(root, { cacheDir })).toThrow(ContentError);
    expect(() => loadLibrary(root, { cacheDir })).toThrow(/frugality\/questions\.yaml: lp:/);
    expect(cachedFiles(cacheDir)).toHaveLength(1); // only the good library's
  });

  it('still loads when the cache folder cannot be written', () => {
    const root = someContent();
    const blocked = path.join(temp('star-cache-'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    expect(loadLibrary(root, { cacheDir: path.join(blocked, 'cache') })).toEqual(
      loadLibrary(root, { cacheDir: false }),
    );
  });
});
