// Walkthroughs and quizzes: read from the scenario library; quiz answers are recorded.
import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import type { LpId } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import type { QuizRepository } from '../db/ports.js';

export interface QuizPick {
  scenario: Scenario;
  index: number;
}

export class LearningService {
  private readonly scenarios: Map<string, Scenario>;

  constructor(
    private readonly library: Library,
    private readonly quiz: QuizRepository,
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {
    this.scenarios = new Map(library.scenarios.map((s) => [s.id, s]));
  }

  scenario(id: string): Scenario | undefined {
    return this.scenarios.get(id);
  }

  /** A random scenario, of one LP when given. */
  randomScenario(lp: LpId | undefined): Scenario {
    const pool = this.library.scenarios.filter((s) => lp === undefined || s.lp === lp);
    return pool[Math.floor(this.random() * pool.length)];
  }

  /** A random quiz question, from one LP's scenarios when given. */
  pickQuiz(lp: LpId | undefined): QuizPick {
    const scenario = this.randomScenario(lp);
    return { scenario, index: Math.floor(this.random() * scenario.quiz.length) };
  }

  /** Checks and records a quiz answer; undefined when the question no longer exists or the choice is not one of its options. */
  async answerQuiz(
    teamId: string,
    userId: string,
    scenarioId: string,
    quizIndex: number,
    choice: number,
  ): Promise<{ scenario: Scenario; correct: boolean } | undefined> {
    const scenario = this.scenarios.get(scenarioId);
    const quiz = scenario?.quiz[quizIndex];
    if (!scenario || !quiz || !(choice >= 0 && choice < quiz.options.length)) return undefined;
    const correct = choice === quiz.correct;
    await this.quiz.record({ teamId, userId, scenarioId, quizIndex, choice, correct }, this.clock.now());
    return { scenario, correct };
  }
}
