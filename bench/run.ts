// `npm run bench`: rubric throughput on a generated, realistic corpus. Prints answers a second.
import { loadLibrary } from '../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../src/content/paths.js';
import { LEVELS } from '../src/core/lp.js';
import { scoreAnswer } from '../src/core/rubric/index.js';
import { modelAnswer } from '../src/core/scenario.js';

// A small deterministic generator (no Math.random) so runs are comparable.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const { scenarios } = loadLibrary(DEFAULT_SCENARIOS_DIR);
const random = rng(42);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const corpus: { text: string; level: (typeof LEVELS)[number] }[] = [];
// Answers as people write them: model answers, weak ones, and mixtures of strong and weak sentences.
for (let i = 0; i < 2000; i++) {
  const s = pick(scenarios);
  const level = pick(LEVELS);
  const kind = random();
  let text: string;
  if (kind < 0.4) text = modelAnswer(s, level);
  else if (kind < 0.6) text = s.weakAnswer.answer;
  else {
    const sentences = `${modelAnswer(s, level)} ${s.weakAnswer.answer} ${pick(s.probes).weak.answer}`.split(
      /(?<=\.)\s+/,
    );
    text = sentences.filter(() => random() < 0.7).join(' ');
  }
  corpus.push({ text, level });
}
const words = corpus.reduce((n, c) => n + c.text.split(/\s+/).length, 0);

function run(label: string, items: typeof corpus, rounds: number) {
  for (const item of items.slice(0, 200)) scoreAnswer(item.text, { level: item.level }); // warm-up
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const item of items) scoreAnswer(item.text, { level: item.level });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const count = items.length * rounds;
  console.log(
    `${label.padEnd(34)} ${Math.round(count / seconds)
      .toLocaleString('en-US')
      .padStart(8)} answers/s  ${((seconds / count) * 1e6).toFixed(0).padStart(6)} µs/answer`,
  );
}

console.log(
  `corpus: ${corpus.length} answers, ${Math.round(words / corpus.length)} words on average (Node ${process.version})`,
);
run('mixed corpus', corpus, 3);
const threeHundred = corpus.filter((c) => {
  const n = c.text.split(/\s+/).length;
  return n >= 270 && n <= 330;
});
run(`~300-word answers (${threeHundred.length})`, threeHundred, 3);
const big = 'I think we escalated it, kind of. '.repeat(30_000);
const started = process.hrtime.bigint();
scoreAnswer(big, { level: 'senior', lp: 'ownership' });
console.log(`1 MB adversarial answer             ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);

// The same corpus through the real CLI (`star score --jsonl`), process start-up included: the
// figure the rubric issue promised not to regress (about 1,800 answers a second before rubric 2).
{
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const input = corpus.map((c, i) => JSON.stringify({ id: i, text: c.text, level: c.level })).join('\n');
  const cliStarted = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, 'score', '--jsonl', '-'], { input, maxBuffer: 1 << 30 });
  const cliSeconds = Number(process.hrtime.bigint() - cliStarted) / 1e9;
  if (run.status !== 0) console.log(`star score --jsonl failed (run npm run build first): ${run.stderr}`);
  else
    console.log(
      `${'star score --jsonl (CLI, with start-up)'.padEnd(34)} ${Math.round(corpus.length / cliSeconds)
        .toLocaleString('en-US')
        .padStart(8)} answers/s`,
    );
}
