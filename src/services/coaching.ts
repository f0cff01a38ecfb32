// The coaching loop around a scored answer: *More detail* (every fix, timing, the bars) and *See a
// strong answer* (the question's model story and the bar raiser's call), both as modals opened
// from the feedback. The answer is scored again from its stored text: the rubric is deterministic.
import type { View } from '@slack/types';
import type { Answer, PracticeSession } from '../core/domain.js';
import type { CatalogQuestion } from '../core/questions.js';
import { type RubricResult, scoreAnswer } from '../core/rubric/index.js';
import type { Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { feedbackDetailView, strongAnswerView } from '../messages/feedback.js';
import type { SlackGatewayFor } from './slack-port.js';

export interface CoachingDeps {
  repos: Pick<Repositories, 'answers' | 'sessions' | 'prompts'>;
  catalog: ReadonlyMap<string, CatalogQuestion>;
  slackFor: SlackGatewayFor;
  logger: Logger;
}

export type Shown = 'opened' | 'not-found' | 'failed';

interface Loaded {
  answer: Answer;
  session: PracticeSession;
  question: CatalogQuestion;
  result: RubricResult;
}

export class CoachingService {
  constructor(private readonly deps: CoachingDeps) {}

  /** *More detail* / *Details*: the whole feedback on one answer, in a modal. */
  async showDetail(teamId: string, userId: string, answerId: number, triggerId: string): Promise<Shown> {
    const loaded = await this.load(teamId, userId, answerId);
    if (!loaded) return 'not-found';
    return this.open(teamId, triggerId, feedbackDetailView(loaded.result));
  }

  /** *See a strong answer*: the question's own model story, or strong versions of the weak parts. */
  async showStrongAnswer(teamId: string, userId: string, answerId: number, triggerId: string): Promise<Shown> {
    const loaded = await this.load(teamId, userId, answerId);
    if (!loaded) return 'not-found';
    const { question, session, result } = loaded;
    const other = [...this.deps.catalog.values()].find((q) => q.lp === question.lp && q.scenario)?.scenario;
    const model = question.scenario
      ? { scenario: question.scenario, ownStory: true }
      : other
        ? { scenario: other, ownStory: false }
        : undefined;
    return this.open(teamId, triggerId, strongAnswerView(session.level, question.question, result, model));
  }

  /**
   * The answer, its session and question, scored again. Only its author may open it, except in a
   * channel whose feedback is public anyway.
   */
  private async load(teamId: string, userId: string, answerId: number): Promise<Loaded | undefined> {
    const { repos, catalog } = this.deps;
    const answer = await repos.answers.get(teamId, answerId);
    if (!answer || answer.deleted) return undefined;
    const session = await repos.sessions.get(teamId, answer.sessionId);
    const question = session ? catalog.get(session.scenarioId) : undefined;
    if (!session || !question) return undefined;
    if (answer.userId !== userId) {
      const prompt =
        session.mode === 'channel' && session.questionTs
          ? await repos.prompts.findByThread(teamId, session.channelId, session.questionTs)
          : undefined;
      if (prompt?.feedback !== 'public') return undefined;
    }
    const result = scoreAnswer(answer.text, {
      scenario: question.scenario,
      lp: question.lp,
      level: answer.level,
      kind: answer.kind === 'probe' ? 'probe' : 'answer',
      // The main answer was scored against its question (rubric's question-aware scope check).
      ...(answer.kind === 'probe' ? {} : { question: question.question }),
    });
    return { answer, session, question, result };
  }

  private async open(teamId: string, triggerId: string, view: View): Promise<Shown> {
    try {
      await this.deps.slackFor(teamId).openView(triggerId, view);
      return 'opened';
    } catch (err) {
      // A trigger id lasts three seconds; a slow open fails and the person can press again.
      this.deps.logger.warn('could not open a feedback view', err);
      return 'failed';
    }
  }
}
