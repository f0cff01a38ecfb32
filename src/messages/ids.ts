// Every Slack id the code registers. manifest.yml lists the same ids (a test keeps them in step).

export const COMMAND = '/star' as const;

export const ACTION_IDS = {
  openAnswerForm: 'star_open_answer_form',
  startProbes: 'star_start_probes',
  feedbackDetail: 'star_feedback_detail',
  strongAnswer: 'star_strong_answer',
  tryAgain: 'star_try_again',
  useAsAnswer: 'star_use_as_answer',
  chooseLevel: 'star_choose_level',
  learnPractise: 'star_learn_practise',
  learnBack: 'star_learn_back',
  learnNext: 'star_learn_next',
  quizNext: 'star_quiz_next',
  forgetConfirm: 'star_forget_confirm',
  forgetCancel: 'star_forget_cancel',
  homePractice: 'star_home_practice',
  homeQuiz: 'star_home_quiz',
  homeLearn: 'star_home_learn',
  mockModeLearning: 'star_mock_mode_learning',
  mockModeRealistic: 'star_mock_mode_realistic',
  mockStartInterviewer: 'star_mock_start_interviewer',
  mockStartCandidate: 'star_mock_start_candidate',
  mockStartObserver: 'star_mock_start_observer',
  mockScorecard: 'star_mock_scorecard',
  mockPasteAnswer: 'star_mock_paste_answer',
  mockReschedule: 'star_mock_reschedule',
  mockCancel: 'star_mock_cancel',
  mockNoShow: 'star_mock_no_show',
  mockMet: 'star_mock_met',
  mockDidNotMeet: 'star_mock_did_not_meet',
  mockSkipRound: 'star_mock_skip_round',
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
  mockScorecard: 'star_mock_scorecard_form',
  mockAnswer: 'star_mock_answer_form',
} as const;

/** Block ids of the mock scorecard modal's inputs (each input's own action id is `value`). */
export const SCORECARD_BLOCKS = {
  flagsContent: 'flags_content',
  flagsDelivery: 'flags_delivery',
  verdict: 'verdict',
  wentWell: 'went_well',
  toImprove: 'to_improve',
  /** One per dimension: `rating_ownership`, … */
  rating: (dimension: string) => `rating_${dimension}`,
} as const;

/** The action id of every input inside a modal's input block. */
export const INPUT_ACTION = 'value' as const;

/** Bot events the app subscribes to (manifest settings.event_subscriptions.bot_events). */
export const BOT_EVENTS = [
  'message.im',
  'message.channels',
  'message.groups',
  'reaction_added',
  'reaction_removed',
  'app_home_opened',
  'app_uninstalled',
  'tokens_revoked',
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
  'mpim:write',
  'files:read',
] as const;

/** The story bank's buttons and menus (kept apart from ACTION_IDS so the two lists merge easily). */
export const STORY_ACTION_IDS = {
  save: 'star_story_save',
  /** Save to my stories on a mock interview's answer (value: the mock's id). */
  saveMock: 'star_story_save_mock',
  reframe: 'star_story_reframe',
  remove: 'star_story_delete',
} as const;
