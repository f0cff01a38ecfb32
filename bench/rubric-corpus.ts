// The rubric bench corpus: 2,000 answers drawn from the scenario library by a fixed-seed generator
// (model answers and weak answers at random levels, about 240 words each). Shared by the table's
// rubric part, the golden check and `npx tsx bench/rubric-corpus.ts FILE` (writes it as JSON lines
// for timing `node dist/cli.js score --jsonl FILE` directly).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Library } from '../src/content/load-scenarios.js';
import { LEVELS, type Level } from '../src/core/lp.js';
import { modelAnswer } from '../src/core/scenario.js';

export interface BenchAnswer {
  text: string;
  level: Level;
}

/** The same 2,000 answers every time for the same library (a linear congruential generator, seed 42). */
export function benchCorpus(library: Library, size = 2000): BenchAnswer[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: size }, () => {
    const s = pick(library.scenarios);
    const level = pick(LEVELS);
    return { text: random() < 0.6 ? modelAnswer(s, level) : s.weakAnswer.answer, level };
  });
}

/** The corpus as the CLI reads it: one {"id", "text", "level"} a line. */
export function benchCorpusLines(corpus: readonly BenchAnswer[]): string[] {
  return corpus.map((c, i) => JSON.stringify({ id: i, text: c.text, level: c.level }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/rubric-corpus.ts FILE');
  const { loadLibrary } = await import('../src/content/load-scenarios.js');
  const { DEFAULT_SCENARIOS_DIR } = await import('../src/content/paths.js');
  const lines = benchCorpusLines(benchCorpus(loadLibrary(DEFAULT_SCENARIOS_DIR)));
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`${file}: ${lines.length} answers`);
}
