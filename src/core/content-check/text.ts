import { LEVELS, STAR_PARTS } from '../lp.js';
import type { Scenario } from '../scenario.js';

/** Interview speaking pace, the same the rubric uses to turn words into seconds. */
export const WORDS_PER_MINUTE = 150;

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function spokenSeconds(text: string): number {
  return Math.round((wordCount(text) * 60) / WORDS_PER_MINUTE);
}

/** Lower-cased content words, crudely singularised, for overlap measures. */
export function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s'-]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2)
      .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

/** Jaccard overlap of the words of two texts: 0 nothing shared, 1 the same words. */
export function overlap(a: string, b: string): number {
  const wa = wordSet(a);
  const wb = wordSet(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

/** Every level story's text, each part once (a part shared by levels counts once). */
export function storyTexts(scenario: Scenario): { field: string; text: string }[] {
  const seen = new Set<string>();
  const texts: { field: string; text: string }[] = [];
  for (const level of LEVELS)
    for (const part of STAR_PARTS) {
      const text = scenario.levels[level].story[part].example;
      if (seen.has(text)) continue;
      seen.add(text);
      texts.push({ field: `levels.${level}.story.${part}.example`, text });
    }
  return texts;
}

/** Every text around the stories that must agree with them: overview, probes, quizzes, answers, lenses, levels. */
export function textsAroundStory(scenario: Scenario): { field: string; text: string }[] {
  const texts: { field: string; text: string }[] = [{ field: 'overview', text: scenario.overview }];
  scenario.probes.forEach((p, i) => {
    texts.push({ field: `probes.${i}.question`, text: p.question });
    texts.push({ field: `probes.${i}.weak.answer`, text: p.weak.answer });
    texts.push({ field: `probes.${i}.strong.answer`, text: p.strong.answer });
  });
  scenario.quiz.forEach((q, i) => {
    if (q.context) texts.push({ field: `quiz.${i}.context`, text: q.context });
    texts.push({ field: `quiz.${i}.question`, text: q.question });
    q.options.forEach((o, j) => {
      texts.push({ field: `quiz.${i}.options.${j}`, text: o });
    });
    texts.push({ field: `quiz.${i}.explanation`, text: q.explanation });
  });
  for (const key of ['weakAnswer', 'nearBar'] as const) {
    const judged = scenario[key];
    if (!judged) continue;
    texts.push({ field: `${key}.answer`, text: judged.answer });
    judged.critiques.forEach((c, i) => {
      texts.push({ field: `${key}.critiques.${i}`, text: c });
    });
    texts.push({ field: `${key}.verdict`, text: judged.verdict });
  }
  scenario.lenses.forEach((l, i) => {
    for (const k of ['leadWith', 'emphasise', 'downplay'] as const)
      texts.push({ field: `lenses.${i}.${k}`, text: l[k] });
  });
  for (const level of LEVELS) {
    texts.push({ field: `levels.${level}.focus`, text: scenario.levels[level].focus });
    texts.push({ field: `levels.${level}.bar`, text: scenario.levels[level].bar });
  }
  return texts;
}

/** Every text of a scenario, stories included. */
export function allTexts(scenario: Scenario): { field: string; text: string }[] {
  const steps = STAR_PARTS.flatMap((part) => [
    { field: `steps.${part}.coaching`, text: scenario.steps[part].coaching },
    { field: `steps.${part}.commonMistake`, text: scenario.steps[part].commonMistake },
  ]);
  return [...storyTexts(scenario), ...textsAroundStory(scenario), ...steps];
}
