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
import { ACTION_IDS, COMMAND, QUIZ_CHOICE_IDS, VIEW_IDS } from './ids.js';
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

export interface RegisteredIds {
  commands: string[];
  actions: string[];
  views: string[];
  events: string[];
}

/** Wires every Slack id to its listener and returns the ids, which manifest.yml must declare. */
export function registerListeners(app: App, services: Services, inFlight: InFlight): RegisteredIds {
  const registered: RegisteredIds = { commands: [], actions: [], views: [], events: [] };
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

  // Every id registered is recorded, so a test can hold the manifest to exactly these.
  const command = (id: string, listener: Parameters<App['command']>[1]) => {
    registered.commands.push(id);
    app.command(id, listener);
  };
  const button = (id: string, listener: ReturnType<typeof learnStepAction>) => {
    registered.actions.push(id);
    app.action(id, listener);
  };
  const view = (id: string, listener: ReturnType<typeof answerFormSubmission>) => {
    registered.views.push(id);
    app.view(id, listener);
  };

  command(COMMAND, starCommand(services));
  button(ACTION_IDS.learnBack, learnStepAction(services));
  button(ACTION_IDS.learnNext, learnStepAction(services));
  // One id per option: Slack wants action ids unique within a block.
  for (const id of QUIZ_CHOICE_IDS) button(id, quizChoiceAction(services));
  button(ACTION_IDS.quizNext, quizNextAction(services));
  button(ACTION_IDS.startProbes, startProbesAction(services));
  button(ACTION_IDS.openAnswerForm, openAnswerFormAction(services));
  button(ACTION_IDS.forgetConfirm, forgetConfirmAction(services));
  button(ACTION_IDS.homePractice, homePracticeAction(services));
  button(ACTION_IDS.homeQuiz, homeQuizOrLearnAction(services, 'quiz'));
  button(ACTION_IDS.homeLearn, homeQuizOrLearnAction(services, 'learn'));
  view(VIEW_IDS.answerForm, answerFormSubmission(services));
  // One message listener serves the message.im, message.channels and message.groups subscriptions.
  app.event('message', messageListener(services));
  registered.events.push('message.im', 'message.channels', 'message.groups');
  app.event('reaction_added', reactionListener(services));
  app.event('reaction_removed', reactionListener(services));
  app.event('app_home_opened', appHomeListener(services));
  registered.events.push('reaction_added', 'reaction_removed', 'app_home_opened');

  app.error(async (error) => {
    services.logger.error('unhandled error in a listener', error);
  });
  return registered;
}
