// Near-duplicate detection for interview questions: word-set overlap after dropping the words
// every behavioural question shares ("tell me about a time…").

const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at for with from by about as is was were be been it its this that these those ' +
    'you your yours i me my we our they them their he she his her tell describe give example time times situation ' +
    'when what how why which who did do does had have has can could would should walk through share talk recent ' +
    'one some any more most very really just so than then there where while into over after before during'
  ).split(' '),
);

/** The content words of a question, lower-cased, crudely singularised. */
export function contentWords(question: string): Set<string> {
  const words = question
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Jaccard overlap of two word sets, 0 (nothing shared) to 1 (same words). */
function overlap(wa: ReadonlySet<string>, wb: ReadonlySet<string>): number {
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

/** Above this overlap two questions ask the same thing in other words. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export interface NamedQuestion {
  id: string;
  question: string;
}

/** Every pair of questions at or above the threshold. */
export function findNearDuplicates(
  questions: readonly NamedQuestion[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): { a: NamedQuestion; b: NamedQuestion; similarity: number }[] {
  const sets = questions.map((q) => contentWords(q.question));
  const pairs: { a: NamedQuestion; b: NamedQuestion; similarity: number }[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = overlap(sets[i], sets[j]);
      if (similarity >= threshold) pairs.push({ a: questions[i], b: questions[j], similarity });
    }
  }
  return pairs;
}
