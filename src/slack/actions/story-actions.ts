// The story bank's buttons: Save to my stories (on feedback and on a mock's answer), and on the `/star stories` list the
// Reframe menu and Delete.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { isLpId, lpName } from '../../core/lp.js';
import { storySavedText } from '../../messages/stories.js';
import type { Services } from '../../services/index.js';
import type { SaveOutcome } from '../../services/stories.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

const SAVE_REFUSED = {
  'not-found': 'I could not find that answer any more (it may have been deleted).',
  'not-yours': 'Only the person who gave this answer can save it to their stories.',
  'not-an-answer': 'Only a main answer can be saved as a story, not a follow-up reply.',
} as const;

/** A Save button: the saved story, or why not, as a note only the presser sees. */
function saveAction(save: (teamId: string, userId: string, id: number) => Promise<SaveOutcome>, what: string) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    try {
      const outcome = await save(teamOf(args), args.body.user.id, Number(args.action.value));
      await args.respond(
        aside('story' in outcome ? storySavedText(outcome.story, outcome.status) : SAVE_REFUSED[outcome.status]),
      );
    } catch (err) {
      args.logger.error(`saving ${what} as a story failed`, err);
      await args.respond(aside(':warning: I could not save that story; try again in a minute.'));
    }
  };
}

/** *Save to my stories*: the answer becomes a story (or a version of the story it reframed). */
export function saveStoryAction(services: Services) {
  return saveAction((...args) => services.stories.saveFromAnswer(...args), 'an answer');
}

/** *Save to my stories* on a mock interview's answer (the candidate's DM). */
export function saveMockStoryAction(services: Services) {
  return saveAction((...args) => services.stories.saveFromMock(...args), "a mock interview's answer");
}

/** The Reframe menu: practise the story for the chosen LP in a DM. */
export function reframeStoryAction(services: Services) {
  return async (args: SelectArgs): Promise<void> => {
    await args.ack();
    const [id, lp] = args.action.selected_option.value.split(':');
    if (!isLpId(lp)) return;
    const teamId = args.context.teamId ?? args.body.team?.id ?? '';
    try {
      const result = await services.stories.reframe(teamId, args.body.user.id, Number(id), lp);
      await args.respond(
        aside(
          result === 'started'
            ? `:recycle: I sent you a ${lpName(lp)} question in a DM with the lens to tell this story for it. Save the answer to add it to the story.`
            : 'I could not find that story.',
        ),
      );
    } catch (err) {
      args.logger.error('reframing a story failed', err);
      await args.respond(aside(':warning: I could not open a DM with you; try again in a minute.'));
    }
  };
}

/** Delete (confirmed in Slack's dialog first). */
export function deleteStoryAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const removed = await services.stories.delete(teamOf(args), args.body.user.id, Number(args.action.value));
    await args.respond(aside(removed ? ':wastebasket: Story deleted.' : 'That story was deleted already.'));
  };
}
