import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { mockIdOf, replyToPress } from './mock-reply.js';

/** The check-back's *We met*: the interviewer goes straight to the scorecard. */
export function mockMetAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await replyToPress(
      args,
      await services.mockInterviews.met(teamOf(args), args.body.user.id, mockIdOf(args), args.body.trigger_id),
    );
  };
}
