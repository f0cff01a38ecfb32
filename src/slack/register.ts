import type { App } from '@slack/bolt';
import {
  forgetConfirmAction,
  homePracticeAction,
  homeQuizOrLearnAction,
  learnStepAction,
  openAnswerFormAction,
  quizChoiceAction,
  quizNextAction,
  startProbesAction,
} from './actions/index.js';
import { starCommand } from './commands/star.js';
import { appHomeListener, reactionListener } from './events/community.js';
import { messageListener } from './events/message.js';
import { ACTION_IDS, COMMAND, VIEW_IDS } from './ids.js';
import type { Services } from './services.js';
import { answerFormSubmission } from './views-submissions.js';

/** Counts work in progress, so a graceful stop can wait for it. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }
  get size(): number {
    return this.count;
  }
  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Wires every Slack id to its listener. The ids are the ones manifest.yml declares. */
export function registerListeners(app: App, services: Services, inFlight: InFlight): void {
  // A repeated Events API delivery (same event_id) is processed once, whichever instance gets it.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (
      eventId &&
      !services.repos.events.claim(
        context.teamId ?? (body as { team_id?: string }).team_id ?? '',
        eventId,
        services.clock.now(),
      )
    ) {
      services.logger.debug(`dropping repeated delivery ${eventId}`);
      return;
    }
    await inFlight.run(next);
  });

  app.command(COMMAND, starCommand(services));
  app.action(ACTION_IDS.learnStep, learnStepAction(services));
  app.action(ACTION_IDS.quizChoice, quizChoiceAction(services));
  app.action(ACTION_IDS.quizNext, quizNextAction(services));
  app.action(ACTION_IDS.startProbes, startProbesAction(services));
  app.action(ACTION_IDS.openAnswerForm, openAnswerFormAction(services));
  app.view(VIEW_IDS.answerForm, answerFormSubmission(services));
  app.event('message', messageListener(services));
  app.event('reaction_added', reactionListener(services));
  app.event('reaction_removed', reactionListener(services));
  app.event('app_home_opened', appHomeListener(services));
  app.action(ACTION_IDS.forgetConfirm, forgetConfirmAction(services));
  app.action(ACTION_IDS.homePractice, homePracticeAction(services));
  app.action(ACTION_IDS.homeQuiz, homeQuizOrLearnAction(services, 'quiz'));
  app.action(ACTION_IDS.homeLearn, homeQuizOrLearnAction(services, 'learn'));

  app.error(async (error) => {
    services.logger.error('unhandled error in a listener', error);
  });
}
