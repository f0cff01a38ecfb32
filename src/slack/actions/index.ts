import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isLpId } from '../../core/lp.js';
import { pickQuiz } from '../commands/star.js';
import type { Services } from '../services.js';
import { learnMessage } from '../views/learn.js';
import { answerFormView } from '../views/practice.js';
import { quizMessage, quizResultMessage } from '../views/quiz.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const teamOf = (args: ButtonArgs) => args.context.teamId ?? args.body.team?.id ?? '';

/** Back/Next in a walkthrough: the message is replaced by the requested page. */
export function learnStepAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const [scenarioId, page] = args.action.value?.split(':') ?? [];
    const scenario = services.practice.scenario(scenarioId ?? '');
    if (!scenario) {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That walkthrough is no longer available; try `/star learn` again.',
      });
      return;
    }
    const body = learnMessage(scenario, Number(page) || 0);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}

/** An answer to a quiz question: checked, explained and recorded. */
export function quizChoiceAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const [scenarioId, quizText, choiceText, lpFilter = 'any'] = args.action.value?.split(':') ?? [];
    const scenario = services.practice.scenario(scenarioId ?? '');
    const quizIndex = Number(quizText);
    const choice = Number(choiceText);
    const quiz = scenario?.quiz[quizIndex];
    if (!scenario || !quiz || !(choice >= 0 && choice < quiz.options.length)) {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That question is no longer available; try `/star quiz` again.',
      });
      return;
    }
    services.repos.quiz.record(
      {
        teamId: teamOf(args),
        userId: args.body.user.id,
        scenarioId: scenario.id,
        quizIndex,
        choice,
        correct: choice === quiz.correct,
      },
      services.clock.now(),
    );
    const body = quizResultMessage(scenario, quizIndex, choice, lpFilter);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}

export function quizNextAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const filter = args.action.value ?? 'any';
    const { scenario, index } = pickQuiz(services, isLpId(filter) ? filter : undefined);
    const body = quizMessage(scenario, index, filter);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}

export function startProbesAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await services.practice.startProbes(teamOf(args), args.body.user.id, Number(args.action.value));
    if (result === 'not-found') {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'I could not find that practice session.',
      });
    }
  };
}

export function openAnswerFormAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const session = services.repos.sessions.get(teamOf(args), Number(args.action.value));
    const scenario = session ? services.practice.scenario(session.scenarioId) : undefined;
    if (!session || !scenario || session.userId !== args.body.user.id) {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'I could not find that practice session.',
      });
      return;
    }
    try {
      await services.slackFor(teamOf(args)).openView(args.body.trigger_id, answerFormView(session.id, scenario));
    } catch (err) {
      services.logger.warn('could not open the answer form', err);
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Slack did not open the form in time; press the button again, or answer in the thread.',
      });
    }
  };
}

/** The confirmation button of /star forget-me. */
export function forgetConfirmAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const removed = services.repos.privacy.forgetUser(teamOf(args), args.body.user.id, services.clock.now());
    await args.respond({
      replace_original: true,
      text: `:wastebasket: Done: ${removed} records about you were deleted.`,
    });
  };
}

/** App Home: practise the weakest LP (a question arrives in the DM). */
export function homePracticeAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const lp = args.action.value ?? '';
    // From App Home there is no message to answer in; a failure is logged and the button can be pressed again.
    await services.practice
      .start(teamOf(args), args.body.user.id, isLpId(lp) ? lp : undefined, undefined)
      .catch((err) => services.logger.warn('could not start practice from App Home', err));
  };
}

/** App Home: a quiz question or a walkthrough, posted in the DM (buttons there work as usual). */
export function homeQuizOrLearnAction(services: Services, kind: 'quiz' | 'learn') {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const teamId = teamOf(args);
    const value = args.action.value ?? 'any';
    const lp = isLpId(value) ? value : undefined;
    const { scenario, index } = pickQuiz(services, lp);
    const body = kind === 'quiz' ? quizMessage(scenario, index, value) : learnMessage(scenario, 0);
    const slack = services.slackFor(teamId);
    try {
      await slack.post(await slack.openDm(args.body.user.id), null, body);
    } catch (err) {
      services.logger.warn(`could not post a ${kind} from App Home`, err);
    }
  };
}
