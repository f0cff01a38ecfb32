// Re-scores stored answers after a rubric upgrade, so stats and leaderboards compare like with like.
import type { Clock } from '../clock.js';
import type { LpId } from '../core/lp.js';
import type { CatalogQuestion } from '../core/questions.js';
import { RUBRIC_VERSION, scoreAnswer } from '../core/rubric/index.js';
import type { RescoreRepository, StaleAnswer } from '../db/ports.js';

export interface RescoreCounts {
  /** Answers found scored by an older rubric. */
  stale: number;
  /** Answers whose stored score was rewritten. */
  updated: number;
  batches: number;
}

export interface RescoreDeps {
  repo: RescoreRepository;
  /** The library's questions, so each answer is scored against the question it answered. */
  catalog: ReadonlyMap<string, CatalogQuestion>;
  clock: Clock;
  batchSize?: number;
}

function rescoreOne(answer: StaleAnswer, catalog: ReadonlyMap<string, CatalogQuestion>) {
  const asked = catalog.get(answer.questionId);
  const common = { scenario: asked?.scenario, lp: asked?.lp ?? (answer.lp as LpId), level: answer.level };
  return answer.kind === 'answer'
    ? scoreAnswer(answer.text, { ...common, question: asked?.question })
    : scoreAnswer(answer.text, { ...common, kind: 'probe', question: asked?.probes[answer.probeIndex]?.question });
}

/** Every answer below RUBRIC_VERSION, re-scored in batches (each one transaction). Idempotent. */
export async function rescoreStoredAnswers(deps: RescoreDeps): Promise<RescoreCounts> {
  const size = deps.batchSize ?? 200;
  const counts: RescoreCounts = { stale: 0, updated: 0, batches: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await deps.repo.staleAnswers(RUBRIC_VERSION, afterId, size);
    if (batch.length === 0) return counts;
    counts.stale += batch.length;
    counts.batches++;
    afterId = batch[batch.length - 1].id;
    const rows = batch.map((a) => ({ id: a.id, result: rescoreOne(a, deps.catalog) }));
    counts.updated += await deps.repo.saveScores(rows, deps.clock.now());
  }
}
