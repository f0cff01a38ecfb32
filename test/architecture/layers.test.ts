// The layer rules the folder names promise, checked on the real import graph of src/: no cycle,
// nothing imports a layer above it, and each layer imports only what it may. ARCHITECTURE.md
// explains the layers; this test is what keeps them true.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

type Layer = 'core' | 'messages' | 'content' | 'base' | 'db' | 'services' | 'slack' | 'scheduler' | 'cli' | 'root';

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const top = rel.split('/')[0];
  if (rel === 'clock.ts' || rel === 'config.ts' || rel === 'logger.ts') return 'base';
  if (rel === 'main.ts' || rel === 'star-coach.ts') return 'root';
  if (rel === 'cli.ts') return 'cli';
  if (['core', 'messages', 'content', 'db', 'services', 'slack', 'scheduler', 'cli'].includes(top)) return top as Layer;
  throw new Error(`${rel} is in no layer: add it to ARCHITECTURE.md and to this test`);
}

/** Which layers each layer may import (itself included). Everything else is upward or sideways. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ['core'],
  messages: ['messages', 'core'],
  content: ['content', 'core'],
  base: ['base', 'core'],
  db: ['db', 'core'],
  services: ['services', 'messages', 'content', 'db', 'base', 'core'],
  slack: ['slack', 'services', 'messages', 'base', 'core'],
  scheduler: ['scheduler', 'services', 'base', 'core'],
  // db: `star stories export` reads the story bank; db and services: `star rescore` re-scores stored answers.
  cli: ['cli', 'content', 'db', 'services', 'base', 'core'],
  root: ['root', 'slack', 'scheduler', 'cli', 'services', 'messages', 'content', 'db', 'base', 'core'],
};

/** Packages a layer must not import, so what it is stays true whatever is installed. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  // Pure rendering: @slack/types (type definitions) is the only package it needs.
  messages: /^(?!@slack\/types$)/,
  // Use cases reach Slack, the database and the clock through ports only.
  services: /^(@slack\/bolt|@slack\/web-api|drizzle-orm|better-sqlite3|node-cron|node:fs|fs)(\/|$)/,
  scheduler: /^(@slack\/bolt|@slack\/web-api|drizzle-orm|better-sqlite3)(\/|$)/,
};

/**
 * Deep imports into the rubric from outside it, which should go through core/rubric/index.ts. They
 * stay listed here until the rubric's single entry point (issue 9) exports what they need; the list
 * must only shrink.
 */
const RUBRIC_DEEP_IMPORTS_ALLOWED = new Set([
  'cli/practice-command.ts -> core/rubric/timing.ts',
  'cli/score-command.ts -> core/rubric/normalise.ts',
  'messages/channel.ts -> core/rubric/timing.ts',
  'messages/practice.ts -> core/rubric/timing.ts',
  'services/community.ts -> core/rubric/rules.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gms)) found.push(m[1]);
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const target = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');
  return target.endsWith('.ts') ? target : path.join(target, 'index.ts');
}

const files = sourceFiles(SRC);
const graph = new Map<string, string[]>();
const packages = new Map<string, string[]>();
for (const file of files) {
  const imports = specifiers(readFileSync(file, 'utf8'));
  graph.set(
    file,
    imports.filter((s) => s.startsWith('.')).map((s) => resolveLocal(file, s)),
  );
  packages.set(
    file,
    imports.filter((s) => !s.startsWith('.')),
  );
}
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** Strongly connected components with more than one module (or a module importing itself): cycles. */
function cycles(): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indexOf.get(w) as number));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const file of files) if (!indexOf.has(file)) visit(file);
  return found;
}

describe('the layers of src/', () => {
  it('finds the modules and their imports (the test itself works)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(path.join(SRC, 'services/answers.ts'))).toContain(path.join(SRC, 'db/ports.ts'));
    expect(packages.get(path.join(SRC, 'slack/app.ts'))).toContain('@slack/bolt');
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('imports only downward: each layer imports only the layers it may', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph)
      for (const target of targets) {
        const from = layerOf(file);
        const to = layerOf(target);
        if (!MAY_IMPORT[from].includes(to)) wrong.push(`${rel(file)} (${from}) -> ${rel(target)} (${to})`);
      }
    expect(wrong).toEqual([]);
  });

  it('keeps services off slack/ and off the database implementation (ports only)', () => {
    const wrong = [...graph]
      .filter(([file]) => layerOf(file) === 'services')
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => layerOf(t) === 'slack' || (layerOf(t) === 'db' && rel(t) !== 'db/ports.ts'))
          .map((t) => `${rel(file)} -> ${rel(t)}`),
      );
    expect(wrong).toEqual([]);
  });

  it('keeps the repository ports free of drizzle, so another database can implement them', () => {
    expect(packages.get(path.join(SRC, 'db/ports.ts'))).toEqual([]);
  });

  it('keeps each layer off the packages it must not use', () => {
    const wrong: string[] = [];
    for (const [file, used] of packages) {
      const forbidden = FORBIDDEN_PACKAGES[layerOf(file)];
      for (const name of used) if (forbidden?.test(name)) wrong.push(`${rel(file)} imports ${name}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reaches into the rubric only through its index (known exceptions listed above)', () => {
    const deep: string[] = [];
    for (const [file, targets] of graph)
      for (const target of targets) {
        const r = rel(target);
        if (r.startsWith('core/rubric/') && r !== 'core/rubric/index.ts' && !rel(file).startsWith('core/rubric/'))
          deep.push(`${rel(file)} -> ${r}`);
      }
    expect(deep.filter((edge) => !RUBRIC_DEEP_IMPORTS_ALLOWED.has(edge))).toEqual([]);
  });
});
