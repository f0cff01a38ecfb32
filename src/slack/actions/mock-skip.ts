import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { replyToPress } from './mock-reply.js';

/** The heads-up's *Skip this round* (its value: the pool's channel and the round's date). */
export function mockSkipAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const [channelId = '', roundKey = ''] = (args.action.value ?? '').split('|');
    await replyToPress(
      args,
      await services.mockInterviews.skipRound(teamOf(args), args.body.user.id, channelId, roundKey),
    );
  };
}
