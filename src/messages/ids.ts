// Every Slack id the code registers. manifest.yml lists the same ids (a test keeps them in step).

export const COMMAND = '/star' as const;

export const ACTION_IDS = {
  openAnswerForm: 'star_open_answer_form',
  startProbes: 'star_start_probes',
  learnBack: 'star_learn_back',
  learnNext: 'star_learn_next',
  quizNext: 'star_quiz_next',
  forgetConfirm: 'star_forget_confirm',
  homePractice: 'star_home_practice',
  homeQuiz: 'star_home_quiz',
  homeLearn: 'star_home_learn',
} as const;

/** One action id per quiz option (A–E): Slack rejects repeated action ids within a block. */
export const QUIZ_CHOICE_IDS = [
  'star_quiz_choice_0',
  'star_quiz_choice_1',
  'star_quiz_choice_2',
  'star_quiz_choice_3',
  'star_quiz_choice_4',
] as const;

export const VIEW_IDS = {
  answerForm: 'star_answer_form',
} as const;

/** Bot events the app subscribes to (manifest settings.event_subscriptions.bot_events). */
export const BOT_EVENTS = [
  'message.im',
  'message.channels',
  'message.groups',
  'reaction_added',
  'reaction_removed',
  'app_home_opened',
] as const;

/** Bot scopes, no more than the code uses. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:history',
  'im:write',
  'channels:history',
  'groups:history',
  'channels:join',
  'reactions:write',
  'users:read',
  'reactions:read',
  'files:write',
] as const;
