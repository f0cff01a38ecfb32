import type { App } from '@slack/bolt';
import { ACTION_IDS, COMMAND, QUIZ_CHOICE_IDS, STORY_ACTION_IDS, VIEW_IDS } from '../messages/ids.js';
import { DeliveryInProgressError } from '../services/deliveries.js';
import type { InFlight } from '../services/in-flight.js';
import type { Services } from '../services/index.js';
import { chooseLevelAction } from './actions/choose-level.js';
import { feedbackDetailAction, strongAnswerAction } from './actions/feedback-views.js';
import { forgetCancelAction, forgetConfirmAction } from './actions/forget-confirm.js';
import { homeLearningAction } from './actions/home-learning.js';
import { homePracticeAction } from './actions/home-practice.js';
import { learnPractiseAction } from './actions/learn-practise.js';
import { learnStepAction } from './actions/learn-step.js';
import { mockChangeAction } from './actions/mock-change.js';
import { mockFormAction } from './actions/mock-forms.js';
import { mockMetAction } from './actions/mock-met.js';
import { mockModeAction } from './actions/mock-mode.js';
import { mockSkipAction } from './actions/mock-skip.js';
import { mockStartAction } from './actions/mock-start.js';
import { openAnswerFormAction } from './actions/open-answer-form.js';
import { quizChoiceAction } from './actions/quiz-choice.js';
import { quizNextAction } from './actions/quiz-next.js';
import { startProbesAction } from './actions/start-probes.js';
import {
  deleteStoryAction,
  reframeStoryAction,
  saveMockStoryAction,
  saveStoryAction,
} from './actions/story-actions.js';
import { tryAgainAction } from './actions/try-again.js';
import { useAsAnswerAction } from './actions/use-as-answer.js';
import { starCommand } from './commands/star.js';
import { appHomeOpenedListener } from './events/app-home-opened.js';
import { messageListener } from './events/message.js';
import { reactionListener } from './events/reaction.js';
import { appUninstalledListener, tokensRevokedListener } from './events/uninstalled.js';
import { type EventInbox, goesThroughInbox, INBOX_WORK } from './inbox.js';
import { answerFormSubmission } from './views/answer-form.js';
import { mockAnswerSubmission } from './views/mock-answer.js';
import { mockScorecardSubmission } from './views/mock-scorecard.js';

export interface RegisteredIds {
  commands: string[];
  actions: string[];
  views: string[];
  events: string[];
}

/** Wires every Slack id to its listener and returns the ids, which manifest.yml must declare. */
export function registerListeners(app: App, services: Services, inFlight: InFlight, inbox: EventInbox): RegisteredIds {
  const registered: RegisteredIds = { commands: [], actions: [], views: [], events: [] };
  // Each delivery is worked once, whichever instance gets it: an Events API event by its event_id,
  // a slash command or an interaction by its trigger_id (a replayed request has the same one).
  // Message events go through the inbox (./inbox.ts): acknowledged once stored, worked right after.
  app.use(async (args) => {
    const { body, context, next } = args;
    const key = deliveryKey(body);
    if (!key) {
      await inFlight.run(next);
      return;
    }
    const teamId = context.teamId ?? teamOf(body);
    // The inbox working an event it accepted (and acknowledged) earlier: the claim is held already.
    if (context[INBOX_WORK] === true) {
      await services.deliveries.work(teamId, key, next);
      return;
    }
    // A message: claimed with its body and acknowledged at once; the inbox does the work next.
    if (goesThroughInbox(body)) {
      const accepted = await services.deliveries.accept(teamId, key, JSON.stringify(body));
      if (accepted === 'accepted') inbox.push(teamId, key, body as Record<string, unknown>);
      else services.logger.debug(`delivery ${key}: ${accepted}`);
      return;
    }
    const result = await services.deliveries.once(teamId, key, () => inFlight.run(next));
    if (result === 'worked') return;
    services.logger.debug(`delivery ${key}: ${result}`);
    // A repeated command or interaction is acknowledged and dropped (Slack never retries those).
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (!key.startsWith('event:')) await ack?.();
    // An event another instance is still working on: no 200, so Slack delivers it again later.
    else if (result === 'in-progress')
      throw new DeliveryInProgressError(`${key} is being worked on elsewhere; Slack will retry it`);
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
  button(ACTION_IDS.feedbackDetail, feedbackDetailAction(services));
  button(ACTION_IDS.strongAnswer, strongAnswerAction(services));
  button(ACTION_IDS.tryAgain, tryAgainAction(services));
  button(ACTION_IDS.useAsAnswer, useAsAnswerAction(services));
  button(ACTION_IDS.chooseLevel, chooseLevelAction(services));
  button(ACTION_IDS.learnPractise, learnPractiseAction(services));
  button(ACTION_IDS.openAnswerForm, openAnswerFormAction(services));
  button(ACTION_IDS.forgetConfirm, forgetConfirmAction(services));
  button(ACTION_IDS.forgetCancel, forgetCancelAction());
  button(ACTION_IDS.homePractice, homePracticeAction(services));
  button(ACTION_IDS.homeQuiz, homeLearningAction(services, 'quiz'));
  button(ACTION_IDS.homeLearn, homeLearningAction(services, 'learn'));
  view(VIEW_IDS.answerForm, answerFormSubmission(services));
  // Mock interviews: the buttons of a pair's group DM, the kit, the check-back and the heads-up.
  button(ACTION_IDS.mockModeLearning, mockModeAction(services, 'learning'));
  button(ACTION_IDS.mockModeRealistic, mockModeAction(services, 'realistic'));
  button(ACTION_IDS.mockStartInterviewer, mockStartAction(services, 'interviewer'));
  button(ACTION_IDS.mockStartCandidate, mockStartAction(services, 'candidate'));
  button(ACTION_IDS.mockStartObserver, mockStartAction(services, 'observer'));
  button(ACTION_IDS.mockReschedule, mockChangeAction(services, 'reschedule'));
  button(ACTION_IDS.mockCancel, mockChangeAction(services, 'cancel'));
  button(ACTION_IDS.mockNoShow, mockChangeAction(services, 'no-show'));
  button(ACTION_IDS.mockDidNotMeet, mockChangeAction(services, 'not-met'));
  button(ACTION_IDS.mockMet, mockMetAction(services));
  button(ACTION_IDS.mockScorecard, mockFormAction(services, 'scorecard'));
  button(ACTION_IDS.mockPasteAnswer, mockFormAction(services, 'answer'));
  button(ACTION_IDS.mockSkipRound, mockSkipAction(services));
  view(VIEW_IDS.mockScorecard, mockScorecardSubmission(services));
  view(VIEW_IDS.mockAnswer, mockAnswerSubmission(services));
  // The story bank: Save on feedback, Reframe and Delete on the list.
  button(STORY_ACTION_IDS.save, saveStoryAction(services));
  button(STORY_ACTION_IDS.saveMock, saveMockStoryAction(services));
  button(STORY_ACTION_IDS.remove, deleteStoryAction(services));
  registered.actions.push(STORY_ACTION_IDS.reframe);
  app.action(STORY_ACTION_IDS.reframe, reframeStoryAction(services));
  // One message listener serves the message.im, message.channels and message.groups subscriptions.
  app.event('message', messageListener(services));
  registered.events.push('message.im', 'message.channels', 'message.groups');
  app.event('reaction_added', reactionListener(services));
  app.event('reaction_removed', reactionListener(services));
  app.event('app_home_opened', appHomeOpenedListener(services));
  registered.events.push('reaction_added', 'reaction_removed', 'app_home_opened');
  app.event('app_uninstalled', appUninstalledListener(services));
  app.event('tokens_revoked', tokensRevokedListener(services));
  registered.events.push('app_uninstalled', 'tokens_revoked');

  // Bolt does not export the extended handler's type; it is the second overload of app.error.
  const onError = async ({ error, body }: { error: Error; body: unknown }): Promise<void> => {
    services.logger.error('unhandled error in a listener', error);
    // An event whose work failed must not be acknowledged: its claim was released, and the HTTP
    // receiver answers 500 so that Slack delivers it again. Commands and interactions were
    // acknowledged already, and their listeners told the person.
    if (isEventCallback(body)) throw error;
  };
  app.error(onError as unknown as Parameters<App['error']>[0]);
  return registered;
}

function isEventCallback(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'event_callback';
}

/** The id that makes a delivery unique: the event id of an Events API callback, else the trigger id. */
export function deliveryKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
  if (isEventCallback(body) && typeof eventId === 'string' && eventId) return `event:${eventId}`;
  if (typeof triggerId === 'string' && triggerId) return `trigger:${triggerId}`;
  return undefined;
}

function teamOf(body: unknown): string {
  const b = body as { team_id?: unknown; team?: { id?: unknown } };
  if (typeof b.team_id === 'string') return b.team_id;
  return typeof b.team?.id === 'string' ? b.team.id : '';
}
