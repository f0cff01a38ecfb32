import type { MockMode } from '../../core/mocks.js';
import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';
import { mockIdOf, replyToPress } from './mock-reply.js';

/** *Learning mock* or *Realistic mock* in a pair's group DM: the first pick stands. */
export function mockModeAction(services: Services, mode: MockMode) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await replyToPress(
      args,
      await services.mockInterviews.pickMode(teamOf(args), args.body.user.id, mockIdOf(args), mode),
    );
  };
}
