import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (tests run from it). */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The compiled app and CLI, as `npm start` and `npm run star` run them. */
export const MAIN_JS = path.join(ROOT, 'dist/main.js');
export const CLI_JS = path.join(ROOT, 'dist/cli.js');

/** Only what a process needs to run: no variable of the developer's shell leaks into a test. */
export const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

function newestIn(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestIn(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
    ),
  );
}

/**
 * Process tests run the compiled build (`npm test` builds it first). Run on their own, they say
 * plainly when dist/ is missing or older than src/ instead of testing stale code.
 */
export function requireBuild(): void {
  const stamp = path.join(ROOT, 'dist/.tsbuildinfo');
  if (!existsSync(MAIN_JS) || !existsSync(stamp) || statSync(stamp).mtimeMs < newestIn(path.join(ROOT, 'src')))
    throw new Error('dist/ is missing or older than src/: run `npm run build` (npm test does it first)');
}

/** Resolves with the first match of `pattern` in the child's output (stdout and stderr). */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/** Resolves with the exit code (null when killed by a signal). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
